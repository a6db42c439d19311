import cmath
import math
import random


def _vec(rng, d):
    return [rng.gauss(0.0, 1.0) for _ in range(d)]


def _dot(a, b):
    return math.fsum(p * q for p, q in zip(a, b))


def check_complex(seed, d, pos, base):
    """rope agrees with the complex-number form: z_i = x[2i] + j*x[2i+1] times e^(j*pos*theta_i)."""
    x = _vec(random.Random(seed), d)
    y = rope(x, pos, base)
    if len(y) != d:
        return False
    for i in range(d // 2):
        z = complex(x[2 * i], x[2 * i + 1]) * cmath.exp(1j * pos * base ** (-2 * i / d))
        if abs(y[2 * i] - z.real) > 1e-9 or abs(y[2 * i + 1] - z.imag) > 1e-9:
            return False
    return True


def check_norm(seed, d, pos):
    """A rotation preserves the Euclidean norm."""
    x = _vec(random.Random(seed), d)
    return math.isclose(_dot(x, x), _dot(*[rope(x, pos)] * 2), rel_tol=1e-12)


def check_relative(seed, d):
    """<rope(q, m), rope(k, n)> depends only on m - n: shifting both positions changes nothing."""
    rng = random.Random(seed)
    q, k = _vec(rng, d), _vec(rng, d)
    scale = math.sqrt(_dot(q, q) * _dot(k, k))
    for m, n, shift in [(0, 0, 5), (3, 1, 10), (1, 3, 7), (10, 2, 1000), (0, 17, 250), (50, 49, -40)]:
        before = _dot(rope(q, m), rope(k, n))
        after = _dot(rope(q, m + shift), rope(k, n + shift))
        if abs(before - after) > 1e-9 * scale:
            return False
    return True


def check_inverse(seed, d, pos):
    """Rotating by pos and then by -pos gives the vector back."""
    x = _vec(random.Random(seed), d)
    back = rope(rope(x, pos), -pos)
    return all(abs(a - b) < 1e-12 for a, b in zip(x, back))


def check_unchanged(seed):
    """The input list is not modified."""
    x = _vec(random.Random(seed), 8)
    copy = list(x)
    rope(x, 3)
    return x == copy


EXAMPLES = [
    ("rope([1.0, 0.0], 1)", [0.5403023058681398, 0.8414709848078965]),
    ("rope([1.0, 0.0, 1.0, 0.0], 1)", [0.5403023058681398, 0.8414709848078965, 0.9999500004166653, 0.009999833334166664]),
    ("rope([3.0, 4.0], 0)", [3.0, 4.0]),
]

TESTS = [
    ("rope([0.0, 1.0], 1)", [-0.8414709848078965, 0.5403023058681398]),
    ("rope([1.0, 2.0, 3.0, 4.0], 2, base=100.0)", [-2.234741690198506, 0.0770037537313969, 2.1455224103434802, 4.5162743037501505]),
    ("rope([1.0, 0.0], 100)", [0.8623188722876839, -0.5063656411097588]),
    ("rope([1.0] * 6, 10)", [-0.29505041818708266, -1.383092639965822, 0.44652759054359703, 1.3418692599815116, 0.9782252492626601, 1.0213106098073235]),
    ("check_complex(1, 8, 5, 10000.0)", True),
    ("check_complex(2, 128, 4096, 10000.0)", True),
    ("check_complex(3, 64, 123, 500000.0)", True),
    ("check_norm(4, 16, 77)", True),
    ("check_relative(5, 16)", True),
    ("check_inverse(6, 8, 9)", True),
    ("check_unchanged(7)", True),
]
