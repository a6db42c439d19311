import math


def rope(x: list[float], pos: int, base: float = 10000.0) -> list[float]:
    """Rotary position embedding of one vector, interleaved-pair convention (RoFormer).

    x has even length d. Pair i = (x[2i], x[2i+1]) for 0 <= i < d/2 is rotated
    counter-clockwise by the angle pos * base ** (-2i / d):
        y[2i]   = x[2i] * cos(angle) - x[2i+1] * sin(angle)
        y[2i+1] = x[2i] * sin(angle) + x[2i+1] * cos(angle)
    Returns a new list of d floats; x must not be modified.
    """
    raise NotImplementedError
