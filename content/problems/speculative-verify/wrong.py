# Wrong: on rejection it resamples from the target p[i] instead of the residual max(0, p[i] - q[i])
def sample_inverse_cdf(weights, u):
    """Smallest j with u < (w_0 + ... + w_j) / Z, where Z = sum(weights) > 0."""
    z = sum(weights)
    cumulative = 0.0
    for j, w in enumerate(weights):
        cumulative += w
        if u < cumulative / z:
            return j
    # Only reachable through rounding (u just below 1): the last token with weight.
    return max(j for j, w in enumerate(weights) if w > 0)


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
    emitted = []
    for i, x in enumerate(draft):
        if u_accept[i] < p[i][x] / q[i][x]:  # accepted with probability min(1, p/q)
            emitted.append(x)
            continue
        # Rejected: draw a fresh token from the target distribution.
        emitted.append(sample_inverse_cdf(p[i], u_sample))
        return emitted  # later drafts were conditioned on a token we did not keep
    emitted.append(sample_inverse_cdf(p[len(draft)], u_sample))  # bonus token
    return emitted
