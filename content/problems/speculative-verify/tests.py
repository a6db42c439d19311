from fractions import Fraction
from itertools import product

# Shared inputs for the readable cases (every number is exact in binary floating point).
Q2 = [[0.25, 0.25, 0.5, 0.0], [0.5, 0.5, 0.0, 0.0]]
P3 = [[0.375, 0.125, 0.25, 0.25], [0.75, 0.25, 0.0, 0.0], [0.5, 0.0, 0.5, 0.0]]
# draft = [2, 0]: ratio p/q is 0.25/0.5 = 0.5 at position 0 and 0.75/0.5 = 1.5 at position 1.
# The residual at position 0 is [0.125, 0, 0, 0.25], i.e. [1/3, 0, 0, 2/3] once normalised.

# Target for the three-draft case: ratios 1.0 (accept), 0.5 (0.6 rejects), then unused.
P_CHAIN = [[0, 1.0, 0], [0.25, 0.25, 0.5], [1.0, 0, 0], [1.0, 0, 0]]


def _fractions(rows):
    return [[Fraction(x) for x in row] for row in rows]


# Tiny exact cases for the distribution check: (q, p) with len(p) == len(q) + 1.
CASE_K1 = (
    _fractions([[0.5, 0.375, 0.125, 0.0]]),
    _fractions([[0.125, 0.25, 0.375, 0.25], [0.25, 0.25, 0.25, 0.25]]),
)
CASE_K2 = (
    _fractions([[0.25, 0.5, 0.25], [0.125, 0.625, 0.25]]),
    _fractions([[0.5, 0.125, 0.375], [0.375, 0.375, 0.25], [0.125, 0.75, 0.125]]),
)
# Token 0 is never drafted (q = 0) and token 2 is impossible under the target (p = 0).
CASE_ZERO = (
    _fractions([[0.0, 0.5, 0.5]]),
    _fractions([[0.25, 0.75, 0.0], [0.5, 0.5, 0.0]]),
)


def _cdf_cuts(weights):
    """Normalised cumulative sums of weights, both orders: where an inverse-CDF sampler can switch."""
    total = sum(weights)
    cuts = set()
    if total > 0:
        for row in (weights, weights[::-1]):
            c = Fraction(0)
            for w in row:
                c += w
                cuts.add(c / total)
    return cuts


def _cells(cuts):
    """(midpoint, width) of every cell between consecutive cut points of [0, 1]."""
    pts = sorted(c for c in cuts | {Fraction(0), Fraction(1)} if 0 <= c <= 1)
    return [((a + b) / 2, b - a) for a, b in zip(pts, pts[1:])]


def check_first_token_dist(fn, case):
    """Exact distribution of the first emitted token, by enumeration.

    Draft tokens are enumerated with weight q; each uniform draw is integrated over
    [0, 1) by cutting it at every point where the output can change (acceptance ratios;
    cumulative sums of p, q and the residual) and evaluating fn once per cell.
    A correct verifier gives exactly p[0].
    """
    qs, ps = case
    k, vocab = len(qs), len(ps[0])
    accept_cells = []
    for i in range(k):
        ratios = {ps[i][x] / qs[i][x] for x in range(vocab) if qs[i][x] > 0}
        accept_cells.append(_cells(ratios))
    sample_cuts = set()
    for i in range(k + 1):
        sample_cuts |= _cdf_cuts(ps[i])
        if i < k:
            sample_cuts |= _cdf_cuts(qs[i])
            sample_cuts |= _cdf_cuts([max(Fraction(0), a - b) for a, b in zip(ps[i], qs[i])])
    sample_cells = _cells(sample_cuts)
    qf = [[float(x) for x in row] for row in qs]
    pf = [[float(x) for x in row] for row in ps]
    dist = [Fraction(0)] * vocab
    drafts = [[x for x in range(vocab) if qs[i][x] > 0] for i in range(k)]
    for draft in product(*drafts):
        weight_draft = Fraction(1)
        for i, x in enumerate(draft):
            weight_draft *= qs[i][x]
        for accept in product(*accept_cells):
            weight_accept = weight_draft
            for _, width in accept:
                weight_accept *= width
            u_accept = [float(mid) for mid, _ in accept]
            for mid, width in sample_cells:
                out = fn(list(draft), qf, pf, u_accept, float(mid))
                dist[out[0]] += weight_accept * width
    return [float(x) for x in dist]


EXAMPLES = [
    # 0.3 < 0.5 accepts token 2, 0.9 < 1.5 accepts token 0, bonus from p[2] with u = 0.6 -> token 2
    ("speculative_verify([2, 0], Q2, P3, [0.3, 0.9], 0.6)", [2, 0, 2]),
    # 0.7 >= 0.5 rejects token 2; residual CDF is [1/3, 1/3, 1/3, 1], u = 0.6 -> token 3
    ("speculative_verify([2, 0], Q2, P3, [0.7, 0.9], 0.6)", [3]),
    ("speculative_verify([2, 0], Q2, P3, [0.7, 0.9], 0.2)", [0]),
]

TESTS = [
    # acceptance is strict: u equal to the ratio p/q = 0.5 rejects
    ("speculative_verify([2, 0], Q2, P3, [0.5, 0.0], 0.2)", [0]),
    # just below the ratio accepts
    ("speculative_verify([2, 0], Q2, P3, [0.49, 0.0], 0.2)", [2, 0, 0]),
    # p >= q is always accepted, however large u is
    ("speculative_verify([0], [[0.5, 0.5]], [[0.75, 0.25], [0.0, 1.0]], [0.999], 0.5)", [0, 1]),
    # a token with p = 0 is never accepted, even with u = 0
    ("speculative_verify([1], [[0.5, 0.5]], [[1.0, 0.0], [0.5, 0.5]], [0.0], 0.9)", [0]),
    # rejection at the second of three drafts ends the round; the third u is never used
    (
        "speculative_verify([1, 2, 0], [[0, 1.0, 0], [0, 0, 1.0], [1.0, 0, 0]], P_CHAIN, [0.9, 0.6, 0.0], 0.7)",
        [1, 1],
    ),
    # k = 0: only the bonus token; u = 0.25 sits exactly on the CDF step 0.25 and goes past it
    ("speculative_verify([], [], [[0.25, 0.25, 0.5]], [], 0.25)", [1]),
    # u = 0 skips leading zero-probability tokens
    ("speculative_verify([], [], [[0.0, 0.5, 0.0, 0.5]], [], 0.0)", [1]),
    # the residual must be normalised: unnormalised CDF [0.125, 0.125, 0.125, 0.375] never exceeds 0.5
    ("speculative_verify([2, 0], Q2, P3, [0.7, 0.9], 0.5)", [3]),
    # rejection at position 1: residual max(0, p[1] - q[1]) = [0.25, 0, 0, 0]; resampling p[1] would give 1
    ("speculative_verify([2, 1], Q2, P3, [0.1, 0.8], 0.8)", [2, 0]),
    # the distribution of the first emitted token is exactly p[0]
    ("check_first_token_dist(speculative_verify, CASE_K1)", [0.125, 0.25, 0.375, 0.25]),
    ("check_first_token_dist(speculative_verify, CASE_K2)", [0.5, 0.125, 0.375]),
    ("check_first_token_dist(speculative_verify, CASE_ZERO)", [0.25, 0.75, 0.0]),
]
