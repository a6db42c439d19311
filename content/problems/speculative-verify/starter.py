def speculative_verify(draft, q, p, u_accept, u_sample):
    """Verify k draft tokens against the target model; return the emitted token ids.

    draft:    k token ids proposed by the draft model (k >= 0).
    q:        k distributions; q[i] is the draft distribution draft[i] was sampled from.
    p:        k + 1 target distributions; p[i] is for the same position as q[i],
              p[k] is the position after the last draft token.
    u_accept: k uniform draws in [0, 1), u_accept[i] decides draft[i].
    u_sample: one uniform draw in [0, 1) for the single sampled token.

    Left to right, draft[i] = x is accepted iff u_accept[i] < p[i][x] / q[i][x].
    At the first rejection, one token is sampled from max(0, p[i] - q[i]) (normalised)
    and the round ends. If every draft is accepted, a bonus token is sampled from p[k].
    Sampling is inverse-CDF over token ids 0, 1, 2, ...: the smallest j whose
    cumulative normalised weight is strictly greater than u_sample.
    Returns a list of 1 to k + 1 token ids.
    """
    raise NotImplementedError
