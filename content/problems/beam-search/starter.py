def beam_search(next_logprobs, beam_width: int, max_len: int, eos_id: int, alpha: float = 0.0):
    """Beam search with the GNMT length penalty.

    next_logprobs(prefix) takes a tuple of the tokens generated so far and returns a
    list of V floats, the log-probability of each next token 0 .. V-1.

    Start from the empty prefix with log-probability 0. At each of max_len steps:
    extend every live beam by every token; sort the candidates by cumulative
    log-probability, highest first, ties by token tuple in lexicographic order; walk
    them in that order: a candidate ending in eos_id becomes a finished hypothesis,
    any other becomes a live beam, and the walk stops once there are beam_width live
    beams. Live beams left after max_len steps are dropped.

    A finished hypothesis Y (its tokens include the final eos_id) scores
    logprob(Y) / ((5 + len(Y)) / 6) ** alpha. Return (list of tokens, score) of the
    best score, ties going to the lexicographically smaller token list; None if no
    hypothesis finished.
    """
    raise NotImplementedError
