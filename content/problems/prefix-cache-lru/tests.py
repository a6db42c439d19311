import random


def _run(capacity, block_size, ops):
    """Apply ops to a fresh PrefixCache; return what the matches and lens report, in order.

    ops: strings "insert <tokens>", "match <tokens>" (tokens separated by spaces) or "len".
    """
    cache = PrefixCache(capacity, block_size)
    out = []
    for op in ops:
        name, *tokens = op.split()
        tokens = [int(t) for t in tokens]
        if name == "insert":
            cache.insert(tokens)
        elif name == "match":
            out.append(cache.match(tokens))
        else:
            out.append(len(cache))
    return out


class _Model:
    """Independent model of the rules: explicit per-call timestamps, scan for the oldest leaf."""

    def __init__(self, capacity, block_size):
        self.capacity, self.block_size, self.clock, self.last_use = capacity, block_size, 0, {}

    def _keys(self, tokens):
        keys, parent = [], None
        for j in range(len(tokens) // self.block_size):
            parent = (parent, tuple(tokens[j * self.block_size:(j + 1) * self.block_size]))
            keys.append(parent)
        return keys

    def match(self, tokens):
        self.clock += 1
        hits = 0
        for key in self._keys(tokens):
            if key not in self.last_use:
                break
            self.last_use[key] = self.clock
            hits += 1
        return hits * self.block_size

    def insert(self, tokens):
        self.clock += 1
        for key in self._keys(tokens):
            self.last_use[key] = self.clock
        while len(self.last_use) > self.capacity:
            parents = {key[0] for key in self.last_use}
            leaf = min((k for k in self.last_use if k not in parents), key=self.last_use.__getitem__)
            del self.last_use[leaf]

    def __len__(self):
        return len(self.last_use)


def check_random(seed):
    """Random workloads (shared prefixes over a 3-token alphabet) against the model."""
    rng = random.Random(seed)
    for _ in range(40):
        capacity, block_size = rng.randint(1, 6), rng.randint(1, 3)
        model = _Model(capacity, block_size)
        ops, expected = [], []
        for _ in range(rng.randint(1, 16)):
            tokens = [rng.randint(0, 2) for _ in range(rng.randint(0, 9))]
            text = " ".join(str(t) for t in tokens)
            r = rng.random()
            if r < 0.4:
                ops.append("match " + text)
                expected.append(model.match(tokens))
            elif r < 0.85:
                ops.append("insert " + text)
                model.insert(tokens)
            else:
                ops.append("len")
                expected.append(len(model))
        if _run(capacity, block_size, ops) != expected:
            return False
    return True


def _deep():
    """A chain of 1200 one-token blocks: deeper than CPython 3.11 compares nested tuples, and longer than capacity."""
    text = " ".join(str(t) for t in range(1200))
    return _run(1000, 1, ["insert " + text, "len", "match " + text, "insert 5000", "match " + text, "len"])


# a shared "system prompt" block [1, 2] followed by three different continuations
_BRANCHES = [
    "insert 1 2 3 4",
    "insert 1 2 5 6",
    "insert 1 2 7 8",
    "insert 9 9",  # 5 blocks > 4: the oldest leaf, [3, 4], goes
    "match 1 2 3 4",
    "match 1 2 5 6",
    "len",
    "insert 1 2 3 4",  # [3, 4] is back; now [7, 8] is the oldest leaf
    "match 1 2 7 8",
    "match 9 9",
    "match 1 2 5 6",
]

EXAMPLES = [
    ("_run(4, 2, ['insert 1 2 3 4 5', 'match 1 2 3 4 5', 'match 1 2 3 9', 'len'])", [4, 2, 2]),
    ("_run(8, 2, ['insert 1 2 3 4', 'match 9 9 3 4', 'insert 5 6 3 4', 'len'])", [0, 4]),
    ("_run(2, 2, ['insert 1 2 3 4', 'insert 5 6', 'match 1 2 3 4', 'match 5 6'])", [2, 2]),
]

TESTS = [
    ("_run(2, 2, ['insert 1 2', 'insert 3 4', 'match 1 2', 'insert 5 6', 'match 3 4', 'match 1 2', 'match 5 6'])", [2, 0, 2, 2]),
    ("_run(2, 2, ['insert 1 2 3 4 5 6', 'len', 'match 1 2 3 4 5 6'])", [2, 4]),
    ("_run(3, 4, ['insert 1 2 3', 'len', 'match 1 2 3', 'match'])", [0, 0, 0]),
    ("_run(4, 3, ['insert 1 2 3 4 5 6', 'match 1 2 3 4 5', 'match 1 2 3 4 5 7'])", [3, 3]),
    ("_run(3, 1, ['insert 7 8 9', 'match 7 8 5', 'insert 7 1', 'len', 'match 7 8 9'])", [2, 3, 2]),
    ("_run(3, 1, ['insert 1 2 3', 'insert 4', 'len', 'insert 5', 'match 1 2 3', 'len'])", [3, 1, 3]),
    ("_run(2, 2, ['insert 1 2', 'insert 3 4', 'insert 1 2', 'insert 5 6', 'match 1 2', 'match 3 4'])", [2, 0]),
    ("_run(2, 2, ['insert 1 2 3 4', 'match 1 2 3 4', 'insert 5 6', 'match 1 2 3 4', 'len'])", [4, 2, 2]),
    ("_run(4, 2, _BRANCHES)", [2, 4, 4, 2, 2, 4]),
    ("_deep()", [1000, 1000, 999, 1000]),
    ("check_random(1)", True),
    ("check_random(2)", True),
]
