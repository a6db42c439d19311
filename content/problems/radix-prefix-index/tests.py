import random


def _run(ops):
    """Apply ops to a fresh RadixIndex; return what match, evict and size report, in order.

    ops: strings "insert <tokens>", "match <tokens>" (tokens separated by spaces),
    "evict <n>" or "size".
    """
    index = RadixIndex()
    out = []
    for op in ops:
        name, *args = op.split()
        args = [int(a) for a in args]
        if name == "insert":
            index.insert(args)
        elif name == "match":
            out.append(index.match(args))
        elif name == "evict":
            out.append(index.evict(args[0]))
        else:
            out.append(index.size())
    return out


class _Model:
    """Independent model: a token-level trie (one entry per cached prefix) in which a flag
    marks the tokens that start a radix node; a node is a flagged token and the unflagged
    tokens that follow it."""

    def __init__(self):
        self.clock = 0
        self.last_use = {}  # prefix tuple -> last use
        self.starts = set()  # prefixes whose last token starts a node

    def _walk(self, tokens, add):
        self.clock += 1
        m = 0
        while m < len(tokens) and tuple(tokens[:m + 1]) in self.last_use:
            m += 1
        inside = [p for p in self.last_use if len(p) == m + 1 and p[:m] == tuple(tokens[:m])]
        for p in inside:  # the match ends inside a node: the next token starts a new one
            if m > 0:
                self.starts.add(p)
        for j in range(1, m + 1):
            self.last_use[tuple(tokens[:j])] = self.clock
        if add and m < len(tokens):
            self.starts.add(tuple(tokens[:m + 1]))
            for j in range(m + 1, len(tokens) + 1):
                self.last_use[tuple(tokens[:j])] = self.clock
        return m

    def insert(self, tokens):
        self._walk(tokens, True)

    def match(self, tokens):
        return self._walk(tokens, False)

    def evict(self, n):
        freed = 0
        while freed < n and self.last_use:
            head = {}
            for p in sorted(self.last_use, key=len):
                head[p] = p if p in self.starts else head[p[:-1]]
            nodes = {}
            for p, h in head.items():
                nodes.setdefault(h, []).append(p)
            leaves = [h for h, ps in nodes.items()
                      if all(head[c] == h for c in self.last_use if c[:-1] in ps)]
            leaf = min(leaves, key=lambda h: self.last_use[h])
            for p in nodes[leaf]:
                del self.last_use[p]
            self.starts.discard(leaf)
            freed += len(nodes[leaf])
        return freed

    def size(self):
        return len(self.last_use)


def check_random(seed):
    """Random workloads over a 3-token alphabet (many shared prefixes) against the model."""
    rng = random.Random(seed)
    for _ in range(25):
        model, ops, expected = _Model(), [], []
        for _ in range(rng.randint(1, 14)):
            r = rng.random()
            tokens = [rng.randint(0, 2) for _ in range(rng.randint(0, 7))]
            text = " ".join(str(t) for t in tokens)
            if r < 0.4:
                ops.append("insert " + text)
                model.insert(tokens)
            elif r < 0.7:
                ops.append("match " + text)
                expected.append(model.match(tokens))
            elif r < 0.9:
                n = rng.randint(0, 6)
                ops.append(f"evict {n}")
                expected.append(model.evict(n))
            else:
                ops.append("size")
                expected.append(model.size())
        if _run(ops) != expected:
            return False
    return True


EXAMPLES = [
    ("_run(['insert 1 2 3 4', 'insert 1 2 5 6', 'size', 'match 1 2 3 9', 'match 7'])", [6, 3, 0]),
    ("_run(['insert 1 2 3 4', 'insert 1 2 5 6', 'evict 1', 'size', 'match 1 2 3 4', 'match 1 2 5 6'])", [2, 4, 2, 4]),
    ("_run(['insert 1 2 3 4', 'match 1 2 9', 'evict 1', 'size'])", [2, 2, 2]),
]

TESTS = [
    # the split made by a match: [1, 2] is refreshed, the tail [3, 4] keeps its old last use
    ("_run(['insert 1 2 3 4', 'insert 7 8', 'match 1 2 9', 'evict 1', 'match 7 8', 'match 1 2 3 4'])", [2, 2, 2, 2]),
    # inserting a prefix of an edge splits it without adding tokens
    ("_run(['insert 1 2 3 4', 'insert 1 2', 'size', 'evict 1', 'size', 'match 1 2 3'])", [4, 2, 2, 2]),
    # evict 2 takes the leaves [3] and [4] (one token each) and stops: [1, 2] stays
    ("_run(['insert 1 2 3', 'insert 1 2 4', 'match 1 2', 'evict 2', 'size', 'match 1 2 4'])", [2, 2, 2, 2]),
    # [1, 2] and [3] were both last used by call 2: only the leaf [3] may go
    ("_run(['insert 1 2', 'insert 1 2 3', 'insert 7', 'evict 1', 'match 1 2 3', 'size'])", [1, 2, 3]),
    # insert refreshes the nodes it walks through, not only the leaf it adds
    ("_run(['insert 1 2', 'insert 3', 'insert 1 2', 'insert 4', 'evict 1', 'match 3', 'match 1 2'])", [1, 0, 2]),
    ("_run(['insert 1 2 3', 'insert 1 2 4', 'evict 3', 'size', 'evict 100', 'size', 'match 1'])", [4, 0, 0, 0, 0]),
    ("_run(['insert 5 5 5 5', 'match 5 5 5 5 5', 'match 5 5', 'match 6', 'match'])", [4, 2, 0, 0]),
    ("_run(['insert 1 2 3', 'evict 0', 'size', 'evict -1', 'insert', 'size'])", [0, 3, 0, 3]),
    ("_run(['evict 5', 'size', 'match 1 2', 'insert 1 2', 'insert 1 2', 'size'])", [0, 0, 0, 2]),
    ("_run(['insert 1 2 3 4 5', 'insert 1 2 3 9', 'insert 1 8', 'match 1 2 3 4 6', 'evict 2', 'match 1 2 3 9'])", [4, 2, 3]),
    ("check_random(1)", True),
    ("check_random(2)", True),
    ("check_random(3)", True),
]
