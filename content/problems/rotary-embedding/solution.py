import math


def rope(x: list[float], pos: int, base: float = 10000.0) -> list[float]:
    """Rotary position embedding of one vector, interleaved-pair convention (RoFormer).

    Pair i = (x[2i], x[2i+1]) for 0 <= i < d/2 is rotated counter-clockwise by the
    angle pos * base ** (-2i / d). Returns a new list; x is not modified.
    """
    d = len(x)
    out = [0.0] * d
    for i in range(d // 2):
        theta = base ** (-2 * i / d)  # frequency of pair i: 1 for i = 0, down to base^(-(d-2)/d)
        angle = pos * theta
        c, s = math.cos(angle), math.sin(angle)
        a, b = x[2 * i], x[2 * i + 1]
        # (a + ib) * e^(i*angle): a standard 2-D rotation
        out[2 * i] = a * c - b * s
        out[2 * i + 1] = a * s + b * c
    return out
