import math


def tile_state(scores, values):
    """Partial softmax-attention state (m, l, o) of one tile of keys.

    scores: list of n >= 1 attention scores (floats; -inf marks a masked key).
    values: list of n value vectors, each a list of d floats.
    Returns (m, l, o): m = max(scores), l = sum(exp(s - m)),
    o = sum(exp(s - m) * v) as a list of d floats.
    A tile whose scores are all -inf gives (-inf, 0.0, [0.0] * d).
    """
    raise NotImplementedError


def merge(a, b):
    """State of the union of two disjoint tiles, from their states. Does not modify a or b."""
    raise NotImplementedError


def finalize(state):
    """Attention output o / l; all zeros if every key was masked (l == 0)."""
    raise NotImplementedError
