import random


def _random_requests(seed, n=30, budget=16):
    """n requests in arrival order; a few prompts are longer than the budget."""
    rng = random.Random(seed)
    out, t = [], 0
    for _ in range(n):
        t += rng.randint(0, 3)
        out.append((t, rng.randint(1, budget + 2), rng.randint(1, 12)))
    return out


_EXAMPLE = [(0, 5, 3), (0, 4, 2), (1, 3, 1), (2, 9, 4), (2, 7, 2)]

EXAMPLES = [
    ("schedule(_EXAMPLE, 8)", [2, 2, 1, -1, 4]),
    ("schedule([(3, 5, 1)], 8)", [3]),
    ("schedule([(0, 6, 5), (0, 4, 1), (0, 1, 1)], 8)", [4, 1, 1]),
]

TESTS = [
    ("schedule([], 4)", []),
    # a prompt longer than the budget is rejected and blocks nobody
    ("schedule([(0, 10, 2), (0, 3, 2)], 8)", [-1, 1]),
    # a prompt may use the whole budget, but then only when nothing is decoding
    ("schedule([(0, 8, 3), (0, 8, 1)], 8)", [2, 3]),
    # a request's last decode still costs its token in that step
    ("schedule([(0, 2, 3), (2, 4, 1)], 4)", [2, 3]),
    # decodes can use up the whole budget
    ("schedule([(0, 1, 5), (0, 1, 5), (0, 1, 1)], 2)", [4, 4, 5]),
    ("schedule([(0, 1, 3), (0, 1, 2), (1, 2, 1)], 1)", [2, 4, -1]),
    # one-token outputs finish in their prefill step
    ("schedule([(0, 4, 1), (0, 4, 1), (0, 4, 1)], 8)", [0, 0, 1]),
    # same arrival: lower index first
    ("schedule([(0, 3, 2), (0, 3, 2)], 5)", [1, 2]),
    # the queue is ordered by arrival, not by position in the list; idle steps are skipped
    ("schedule([(5, 2, 2), (0, 1, 1)], 4)", [6, 0]),
    ("schedule([(1, 2, 1), (0, 4, 3), (0, 2, 1)], 4)", [2, 2, 1]),
    # a late request must wait for a running request's decodes, even though the budget looks free
    ("schedule([(0, 3, 4), (1, 4, 1)], 4)", [3, 4]),
    ("schedule(_random_requests(7), 16)", [8, 10, 12, -1, 10, 8, -1, 8, 9, 18, 16, -1, -1, 20, 13, 22, 33, 31, 29, 37, 35, -1, 40, 45, 42, 52, 55, 58, 68, 61]),
    (
        "schedule(_random_requests(11, n=40, budget=24), 24)",
        [10, 15, 15, 19, 18, 14, 21, 27, 17, 18, 27, -1, 29, 24, 23, 34, 33, 38, -1, 36,
         36, 37, 37, 38, 49, 40, -1, 42, 43, -1, 58, 47, -1, 59, 60, 63, 68, 69, 67, 66],
    ),
]
