import random


def _weights(seed, rows, cols):
    """Rows of very different magnitudes (like real weight matrices), one outlier per row."""
    rng = random.Random(seed)
    w = []
    for i in range(rows):
        mag = 10.0 ** rng.uniform(-3, 2)
        row = [rng.gauss(0.0, mag) for _ in range(cols)]
        row[rng.randrange(cols)] *= 8.0
        w.append(row)
    return w


W_RANDOM = _weights(7, 6, 16)
W_MIXED = [[127.0, 3.0, -40.2], [1.27, 0.5, -0.03]]  # row scales 1.0 and 0.01


def _row_scale(row):
    amax = max(abs(x) for x in row)
    return amax / 127 if amax > 0 else 1.0


def check_error_bound(w):
    """Round trip through the reader's functions; each element must satisfy
    |w - w_hat| <= s/2 for its row's scale s = max|row| / 127, with integer codes in [-127, 127]."""
    scales = channel_scales(w)
    expected = [_row_scale(row) for row in w]
    if len(scales) != len(w):
        return {"scales": scales, "expected": expected}
    q = quantize(w, scales)
    w_hat = dequantize(q, scales)
    for i, row in enumerate(w):
        s = expected[i]
        for j, x in enumerate(row):
            c = q[i][j]
            if type(c) is not int or not -127 <= c <= 127:
                return {"row": i, "col": j, "code": c}
            if abs(x - w_hat[i][j]) > s / 2 * (1 + 1e-12):
                return {"row": i, "col": j, "w": x, "w_hat": w_hat[i][j], "bound": s / 2}
    if any(abs(a - b) > 1e-12 * b for a, b in zip(scales, expected)):
        return {"scales": scales, "expected": expected}
    return True


def _expected_max_error(w):
    """The same round trip, written independently."""
    worst = 0.0
    for row in w:
        s = _row_scale(row)
        for x in row:
            c = max(-127, min(127, round(x / s)))
            worst = max(worst, abs(x - c * s))
    return worst


EXAMPLES = [
    ("channel_scales([[0.5, -1.27], [2.54, 0.0], [0.0, 0.0]])", [0.01, 0.02, 1.0]),
    # scale 1.0: 0.5 -> 0, 1.5 -> 2, 2.5 -> 2, -2.5 -> -2 (ties go to the even integer)
    ("quantize([[127.0, 0.5, 1.5, 2.5, -2.5]], [1.0])", [[127, 0, 2, 2, -2]]),
    ("dequantize([[127, -64], [0, 1]], [0.5, 2.0])", [[63.5, -32.0], [0.0, 2.0]]),
    ("max_abs_error([[127.0, 0.5, 1.5, 2.5]])", 0.5),
]

TESTS = [
    ("channel_scales([[-2.54, 1.0]])", [0.02]),  # the max of |w|, so a negative extreme counts
    ("channel_scales(W_MIXED)", [1.0, 0.01]),
    # values beyond 127 * scale saturate instead of wrapping around
    ("quantize([[300.0, -300.0, 126.6, -127.4]], [1.0])", [[127, -127, 127, -127]]),
    # scale 0.25: 0.125 / 0.25 = 0.5 -> 0, -0.375 / 0.25 = -1.5 -> -2, 0.625 / 0.25 = 2.5 -> 2
    ("quantize([[31.75, 0.125, -0.375, 0.625]], [0.25])", [[127, 0, -2, 2]]),
    ("quantize(W_MIXED, channel_scales(W_MIXED))", [[127, 3, -40], [127, 50, -3]]),
    ("quantize([[0.0, 0.0, 0.0]], channel_scales([[0.0, 0.0, 0.0]]))", [[0, 0, 0]]),
    ("max_abs_error([[0.0, 0.0], [0.0, 0.0]])", 0.0),
    ("max_abs_error(W_MIXED)", _expected_max_error(W_MIXED)),
    ("max_abs_error(W_RANDOM)", _expected_max_error(W_RANDOM)),
    ("check_error_bound(W_MIXED)", True),
    ("check_error_bound(W_RANDOM)", True),
]
