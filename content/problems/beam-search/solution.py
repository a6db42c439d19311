def length_penalty(length: int, alpha: float) -> float:
    """GNMT length penalty lp(Y) = ((5 + |Y|) / 6) ** alpha."""
    return ((5 + length) / 6) ** alpha


def beam_search(next_logprobs, beam_width: int, max_len: int, eos_id: int, alpha: float = 0.0):
    """Beam search; returns (tokens, score) of the best finished hypothesis, or None.

    Live beams are ranked by cumulative log-probability; a finished hypothesis
    (ending in eos_id, which counts in its length) is scored
    logprob / ((5 + len) / 6) ** alpha. Ties: the lexicographically smaller token list wins.
    """
    beams = [((), 0.0)]  # (tokens so far, cumulative log-probability)
    finished = []  # (score, tokens)
    for _ in range(max_len):
        candidates = []
        for tokens, logprob in beams:
            for token, lp in enumerate(next_logprobs(tokens)):
                candidates.append((tokens + (token,), logprob + lp))
        # best cumulative log-probability first; equal ones in lexicographic order
        candidates.sort(key=lambda c: (-c[1], c[0]))
        # Walk the ranking: EOS candidates finish, the others fill the next beam until it
        # holds beam_width hypotheses. A finished hypothesis does not take a beam slot.
        beams = []
        for tokens, logprob in candidates:
            if tokens[-1] == eos_id:  # finished: scored once, never extended
                finished.append((logprob / length_penalty(len(tokens), alpha), tokens))
            else:
                beams.append((tokens, logprob))
                if len(beams) == beam_width:
                    break
    if not finished:
        return None
    score, tokens = min(finished, key=lambda f: (-f[0], f[1]))
    return list(tokens), score
