def channel_scales(w):
    """One scale per row (output channel): max |w[i][j]| / 127, or 1.0 for an all-zero row."""
    raise NotImplementedError


def quantize(w, scales):
    """INT8 codes: clamp(round(w[i][j] / scales[i]), -127, 127), with Python's round (ties to even)."""
    raise NotImplementedError


def dequantize(q, scales):
    """Back to floats: q[i][j] * scales[i]."""
    raise NotImplementedError


def max_abs_error(w):
    """Largest |w - dequantize(quantize(w, s), s)| over all elements, with s = channel_scales(w)."""
    raise NotImplementedError
