import math
import random

INF = float("inf")


def _reference(scores, values):
    """softmax(scores) · values computed directly, in one stable pass (independent of the code under test)."""
    d = len(values[0])
    finite = [s for s in scores if s != -INF]
    if not finite:
        return [0.0] * d
    top = max(finite)
    weights = [math.exp(s - top) if s != -INF else 0.0 for s in scores]
    total = sum(weights)
    return [sum(w * v[j] for w, v in zip(weights, values)) / total for j in range(d)]


def _close(xs, ys):
    return len(xs) == len(ys) and all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for x, y in zip(xs, ys))


def _fold(states, order):
    """Merge a list of states; order is 'left', 'right' or a seeded random tree."""
    if order == "left":
        acc = states[0]
        for s in states[1:]:
            acc = merge(acc, s)
        return acc
    if order == "right":
        acc = states[-1]
        for s in reversed(states[:-1]):
            acc = merge(s, acc)
        return acc
    rng = random.Random(order)
    pool = list(states)
    while len(pool) > 1:
        i, j = rng.sample(range(len(pool)), 2)
        merged = merge(pool[i], pool[j])
        pool = [s for n, s in enumerate(pool) if n not in (i, j)] + [merged]
    return pool[0]


def check_any_split(scores, values, trials=25):
    """Cut the keys into random tiles (sizes 1..4, also shuffled across tiles) and merge them in
    several orders; every result must equal the direct softmax(scores) · values."""
    expected = _reference(scores, values)
    rng = random.Random(1234)
    n = len(scores)
    for trial in range(trials):
        idx = list(range(n))
        if trial % 2:
            rng.shuffle(idx)  # softmax does not care which keys share a tile
        tiles, start = [], 0
        while start < n:
            size = rng.randint(1, 4)
            tiles.append(idx[start:start + size])
            start += size
        states = [tile_state([scores[i] for i in t], [values[i] for i in t]) for t in tiles]
        for order in ("left", "right", trial):
            got = finalize(_fold(states, order))
            if not _close(got, expected):
                return {"tiles": tiles, "order": order, "got": got, "expected": expected}
    return True


def check_streaming(scores, values):
    """One key per tile, merged left to right, as a decode kernel walks the KV cache."""
    acc = tile_state(scores[:1], values[:1])
    for s, v in zip(scores[1:], values[1:]):
        acc = merge(acc, tile_state([s], [v]))
    got = finalize(acc)
    expected = _reference(scores, values)
    return True if _close(got, expected) else {"got": got, "expected": expected}


def check_no_mutation():
    a = tile_state([0.0, 1.0], [[1.0, 2.0], [3.0, 4.0]])
    b = tile_state([5.0], [[-1.0, 1.0]])
    snapshot = (a[0], a[1], list(a[2]), b[0], b[1], list(b[2]))
    merge(a, b)
    merge(b, a)
    return (a[0], a[1], list(a[2]), b[0], b[1], list(b[2])) == snapshot


def _random_case(seed, n, d, spread, offset=0.0):
    rng = random.Random(seed)
    scores = [offset + rng.uniform(-spread, spread) for _ in range(n)]
    values = [[rng.uniform(-1, 1) for _ in range(d)] for _ in range(n)]
    return scores, values


S1, V1 = _random_case(1, 12, 3, 4.0)
S_BIG, V_BIG = _random_case(2, 10, 2, 3.0, offset=1000.0)  # math.exp(1000) raises OverflowError
S_NEG, V_NEG = _random_case(3, 9, 2, 3.0, offset=-1000.0)  # naive exp underflows to 0.0
S_MASK = [2.0, -INF, 0.5, -INF, -INF, 3.0, -INF, 1.0]  # -inf = masked key
V_MASK = [[float(i), float(-i)] for i in range(8)]
S_UP = [0.0, 1.0, 2.5, 4.0, 7.0, 11.0]  # every new key raises the max
S_DOWN = S_UP[::-1]  # the first key holds the max
V_UPDOWN = [[1.0, 0.5], [2.0, -1.0], [0.0, 3.0], [-2.0, 1.0], [4.0, 0.0], [1.5, 2.5]]

EXAMPLES = [
    ("tile_state([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]])", (0.0, 2.0, [1.0, 1.0])),
    # m goes from 0 to 1, so the first state's l and o are both scaled by exp(0 - 1)
    ("merge((0.0, 1.0, [1.0]), (1.0, 1.0, [3.0]))", (1.0, 1 + math.exp(-1), [3 + math.exp(-1)])),
    ("finalize((2.0, 4.0, [2.0, 6.0]))", [0.5, 1.5]),
    ("finalize(merge(tile_state([1000.0], [[1.0]]), tile_state([1000.0], [[3.0]])))", [2.0]),
]

TESTS = [
    ("tile_state([1000.0, 999.0], [[1.0], [0.0]])", (1000.0, 1 + math.exp(-1), [1.0])),
    ("tile_state([-INF, -INF], [[1.0, 2.0], [3.0, 4.0]])", (-INF, 0.0, [0.0, 0.0])),
    ("check_streaming(S_DOWN, V_UPDOWN)", True),
    ("check_streaming(S_UP, V_UPDOWN)", True),
    ("check_any_split(S1, V1)", True),
    ("check_any_split(S_BIG, V_BIG)", True),
    ("check_any_split(S_NEG, V_NEG)", True),
    ("check_any_split(S_MASK, V_MASK)", True),
    # an all-masked tile is the identity of merge, on either side
    ("merge(tile_state([-INF], [[5.0]]), (2.0, 3.0, [1.5]))", (2.0, 3.0, [1.5])),
    ("merge((2.0, 3.0, [1.5]), tile_state([-INF], [[5.0]]))", (2.0, 3.0, [1.5])),
    # the merged state itself is the union's state: here the left side holds the max, so m = 3
    ("merge(tile_state([3.0], [[1.0]]), tile_state([1.0], [[2.0]]))", (3.0, 1 + math.exp(-2), [1 + 2 * math.exp(-2)])),
    ("finalize(merge(tile_state([-INF], [[1.0, 1.0]]), tile_state([-INF], [[2.0, 2.0]])))", [0.0, 0.0]),
    ("check_no_mutation()", True),
]
