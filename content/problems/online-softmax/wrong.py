# Wrong: when the running max changes, l is rescaled but the first state's o is not (missing exp(m_a - m))
import math

NEG_INF = float("-inf")


def tile_state(scores, values):
    """Partial softmax-attention state (m, l, o) of one tile of keys.

    scores: list of n >= 1 attention scores (floats; -inf marks a masked key).
    values: list of n value vectors, each a list of d floats.
    Returns (m, l, o): m = max(scores), l = sum(exp(s - m)),
    o = sum(exp(s - m) * v) as a list of d floats.
    A tile whose scores are all -inf gives (-inf, 0.0, [0.0] * d).
    """
    d = len(values[0])
    m = max(scores)
    if m == NEG_INF:  # every key masked: exp(s - m) would be exp(nan)
        return (NEG_INF, 0.0, [0.0] * d)
    l = 0.0
    o = [0.0] * d
    for s, v in zip(scores, values):
        w = math.exp(s - m)  # s - m <= 0: no overflow; masked keys give exp(-inf) = 0
        l += w
        for j in range(d):
            o[j] += w * v[j]
    return (m, l, o)


def merge(a, b):
    """State of the union of two disjoint tiles, from their states. Does not modify a or b."""
    ma, la, oa = a
    mb, lb, ob = b
    m = max(ma, mb)
    if m == NEG_INF:  # both empty: keep the identity state
        return (NEG_INF, 0.0, [0.0] * len(oa))
    ca = math.exp(ma - m)
    cb = math.exp(mb - m)
    l = ca * la + cb * lb
    o = [x + cb * y for x, y in zip(oa, ob)]  # keeps a's accumulator as it was
    return (m, l, o)


def finalize(state):
    """Attention output o / l; all zeros if every key was masked (l == 0)."""
    m, l, o = state
    if l == 0.0:
        return [0.0] * len(o)
    return [x / l for x in o]
