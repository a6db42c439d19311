QMAX = 127  # symmetric INT8 range [-127, 127]; -128 is left unused so that zero sits in the middle


def channel_scales(w):
    """One scale per row (output channel): max |w[i][j]| / 127, or 1.0 for an all-zero row."""
    scales = []
    for row in w:
        amax = max(abs(x) for x in row)
        scales.append(amax / QMAX if amax > 0 else 1.0)
    return scales


def quantize(w, scales):
    """INT8 codes: clamp(round(w[i][j] / scales[i]), -127, 127), with Python's round (ties to even)."""
    return [
        [max(-QMAX, min(QMAX, round(x / s))) for x in row]
        for row, s in zip(w, scales)
    ]


def dequantize(q, scales):
    """Back to floats: q[i][j] * scales[i]."""
    return [[c * s for c in row] for row, s in zip(q, scales)]


def max_abs_error(w):
    """Largest |w - dequantize(quantize(w, s), s)| over all elements, with s = channel_scales(w)."""
    s = channel_scales(w)
    w_hat = dequantize(quantize(w, s), s)
    return max(abs(x - y) for row, row_hat in zip(w, w_hat) for x, y in zip(row, row_hat))
