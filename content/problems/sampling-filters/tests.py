import math

_E = math.e


def _logs(probs):
    """Logits whose softmax is `probs` (up to rounding)."""
    return [math.log(p) for p in probs]


def _renorm(logits, temperature, keep):
    """Independent check: softmax of logits / temperature over the indices in `keep`, 0.0 elsewhere."""
    z = [x / temperature for x in logits]
    m = max(z[i] for i in keep)
    e = [math.exp(z[i] - m) if i in keep else 0.0 for i in range(len(z))]
    s = sum(e)
    return [x / s for x in e]


_P4 = [0.5, 0.3, 0.15, 0.05]
_L1 = [1.2, -0.3, 2.5, 0.4, 2.5, -1.7, 0.9, 1.9]

EXAMPLES = [
    ("sampling_probs([2.0, 1.0, 0.0, -1.0], top_k=2)", [_E / (_E + 1), 1 / (_E + 1), 0.0, 0.0]),
    ("sampling_probs(_logs([0.5, 0.3, 0.15, 0.05]), top_p=0.7)", [0.625, 0.375, 0.0, 0.0]),
    ("sampling_probs(_logs([0.5, 0.3, 0.15, 0.05]), min_p=0.2)", [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0.0]),
    ("sampling_probs([1.0, 3.0, 3.0, 2.0], temperature=0.0, top_p=0.1)", [0.0, 1.0, 0.0, 0.0]),
]

TESTS = [
    # no filter: plain softmax
    ("sampling_probs(_logs([0.5, 0.3, 0.15, 0.05]))", _P4),
    # top-p: the token that crosses the threshold is kept (0.5 + 0.3 + 0.15 = 0.95 >= 0.9)
    ("sampling_probs(_logs(_P4), top_p=0.9)", [0.5 / 0.95, 0.3 / 0.95, 0.15 / 0.95, 0.0]),
    # exact boundary (dyadic probabilities are exact): 0.25 + 0.25 = 0.5 reaches top_p = 0.5
    ("sampling_probs([0.0, 0.0, 0.0, 0.0], top_p=0.5)", [0.5, 0.5, 0.0, 0.0]),
    # the first token alone already reaches top_p
    ("sampling_probs(_logs([0.9, 0.1]), top_p=0.5)", [1.0, 0.0]),
    # top-p acts on the distribution renormalized after top-k: 0.4/0.7 ≈ 0.571 >= 0.5
    ("sampling_probs(_logs([0.4, 0.3, 0.2, 0.1]), top_k=2, top_p=0.5)", [1.0, 0.0, 0.0, 0.0]),
    # temperature first: at T = 2 the top two hold only ≈ 0.807 < 0.85, so all three stay
    ("sampling_probs(_logs([0.6, 0.3, 0.1]), temperature=2.0, top_p=0.85)", _renorm(_logs([0.6, 0.3, 0.1]), 2.0, [0, 1, 2])),
    # low temperature sharpens: at T = 0.5 the top token holds 0.36 / 0.46 ≈ 0.783 >= 0.75
    ("sampling_probs(_logs([0.6, 0.3, 0.1]), temperature=0.5, top_p=0.75)", [1.0, 0.0, 0.0]),
    # ties: equal logits are ranked by lower index, for top-k and for top-p
    ("sampling_probs([0.0, 1.0, 1.0, 1.0, -1.0], top_k=2)", [0.0, 0.5, 0.5, 0.0, 0.0]),
    ("sampling_probs([1.0, 2.0, 2.0, 2.0], top_p=0.5)", [0.0, 0.5, 0.5, 0.0]),
    # top_k = 0 and top_k >= vocabulary size disable top-k
    ("sampling_probs([0.0, math.log(3.0)], top_k=0)", [0.25, 0.75]),
    ("sampling_probs([0.0, math.log(3.0)], top_k=5)", [0.25, 0.75]),
    # min-p keeps p >= min_p * p_max (all tokens tied with the max always stay)
    ("sampling_probs([2.0, 2.0, 0.0], min_p=1.0)", [0.5, 0.5, 0.0]),
    ("sampling_probs(_logs([0.4, 0.3, 0.2, 0.1]), temperature=2.0, min_p=0.6)", _renorm(_logs([0.4, 0.3, 0.2, 0.1]), 2.0, [0, 1, 2])),
    # large logits: subtract the max before exp
    ("sampling_probs([1000.0, 999.0, 0.0])", [_E / (_E + 1), 1 / (_E + 1), 0.0]),
    # greedy ignores every other setting; ties go to the lowest index
    ("sampling_probs([-5.0, 7.0, 7.0], temperature=0.0, top_k=3, min_p=0.5)", [0.0, 1.0, 0.0]),
    # min-p runs after top-p: top-p keeps 0.5, 0.2, 0.2 (0.7 < 0.75); min-p (threshold 0.15) keeps all three.
    # Min-p first would renormalize to [5/9, 2/9, 2/9], and top-p would then stop at 7/9 >= 0.75 with two tokens.
    ("sampling_probs(_logs([0.5, 0.2, 0.2, 0.1]), top_p=0.75, min_p=0.3)", [5 / 9, 2 / 9, 2 / 9, 0.0]),
    # all four together
    ("sampling_probs(_L1, temperature=0.7, top_k=5, top_p=0.8, min_p=0.3)", _renorm(_L1, 0.7, [2, 4, 7])),
    ("sampling_probs(_L1, temperature=1.5, top_k=6, top_p=0.9, min_p=0.4)", _renorm(_L1, 1.5, [2, 4, 7, 0])),
]
