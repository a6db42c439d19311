# Wrong: the frequency exponent is -i/d instead of -2i/d (pair index confused with dimension index), so every pair but the first rotates too fast
import math


def rope(x: list[float], pos: int, base: float = 10000.0) -> list[float]:
    """Rotary position embedding of one vector, interleaved-pair convention (RoFormer)."""
    d = len(x)
    out = [0.0] * d
    for i in range(d // 2):
        theta = base ** (-i / d)
        angle = pos * theta
        c, s = math.cos(angle), math.sin(angle)
        a, b = x[2 * i], x[2 * i + 1]
        out[2 * i] = a * c - b * s
        out[2 * i + 1] = a * s + b * c
    return out
