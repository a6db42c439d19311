# Wrong: picks the final answer by raw cumulative log-probability, so the length penalty never changes the winner (short hypotheses always win)
def length_penalty(length: int, alpha: float) -> float:
    return ((5 + length) / 6) ** alpha


def beam_search(next_logprobs, beam_width: int, max_len: int, eos_id: int, alpha: float = 0.0):
    beams = [((), 0.0)]
    finished = []  # (logprob, tokens)
    for _ in range(max_len):
        candidates = []
        for tokens, logprob in beams:
            for token, lp in enumerate(next_logprobs(tokens)):
                candidates.append((tokens + (token,), logprob + lp))
        candidates.sort(key=lambda c: (-c[1], c[0]))
        beams = []
        for tokens, logprob in candidates:
            if tokens[-1] == eos_id:
                finished.append((logprob, tokens))
            else:
                beams.append((tokens, logprob))
                if len(beams) == beam_width:
                    break
    if not finished:
        return None
    logprob, tokens = min(finished, key=lambda f: (-f[0], f[1]))
    return list(tokens), logprob / length_penalty(len(tokens), alpha)
