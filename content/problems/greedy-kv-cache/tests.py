import math
import random


def _matvec(w, x):
    return [sum(a * b for a, b in zip(row, x)) for row in w]


class _TinyModel:
    """One layer, one attention head; see the statement for the math."""

    def __init__(self, emb, pos, wq, wk, wv, out):
        self._emb, self._pos, self._wq, self._wk, self._wv, self._out = emb, pos, wq, wk, wv, out
        self.vocab_size = len(emb)
        self.dim = len(emb[0])
        self.max_len = len(pos)
        self.kv_calls = 0

    def embed(self, token, position):
        return [e + p for e, p in zip(self._emb[token], self._pos[position])]

    def query(self, x):
        return _matvec(self._wq, x)

    def key_value(self, x):
        self.kv_calls += 1
        return _matvec(self._wk, x), _matvec(self._wv, x)

    def logits(self, h):
        return _matvec(self._out, h)


def _example_model():
    """The model of the statement's example: vocabulary 4, dimension 2."""
    emb = [[1, 0], [0, 1], [1, 1], [-1, 1]]
    pos = [[0, 0], [0.5, 0], [0, 0.5], [-0.5, 0], [0, -0.5], [0.5, 0.5], [-0.5, 0.5], [0.5, -0.5]]
    wq = [[1, 0], [0, 1]]
    wk = [[1, 1], [0, 1]]
    wv = [[0, 1], [1, 0]]
    out = [[1, 0], [0, 1], [1, -1], [-1, 1]]
    return _TinyModel(emb, pos, wq, wk, wv, out)


def _model(seed, tie=False):
    """Vocabulary 6, dimension 4, 16 positions, weights in [-1, 1] with one decimal.
    tie=True copies output row 1 into row 4: tokens 1 and 4 always get equal logits."""
    rng = random.Random(seed)

    def mat(rows, cols):
        return [[round(rng.uniform(-1, 1), 1) for _ in range(cols)] for _ in range(rows)]

    emb, pos, wq, wk, wv, out = mat(6, 4), mat(16, 4), mat(4, 4), mat(4, 4), mat(4, 4), mat(6, 4)
    if tie:
        out[4] = list(out[1])
    return _TinyModel(emb, pos, wq, wk, wv, out)


def _ref_logits(model, tokens):
    """Independent no-cache recomputation: full causal attention for the last position."""
    xs = [model.embed(t, i) for i, t in enumerate(tokens)]
    ks = [_matvec(model._wk, x) for x in xs]
    vs = [_matvec(model._wv, x) for x in xs]
    q = _matvec(model._wq, xs[-1])
    s = [sum(a * b for a, b in zip(q, k)) / math.sqrt(model.dim) for k in ks]
    top = max(s)
    e = [math.exp(v - top) for v in s]
    o = [sum(e[j] * vs[j][c] for j in range(len(vs))) / sum(e) for c in range(model.dim)]
    return _matvec(model._out, [a + b for a, b in zip(xs[-1], o)])


def _ref_generate(model, prompt, n):
    tokens, out = list(prompt), []
    for _ in range(n):
        z = _ref_logits(model, tokens)
        best = min(range(len(z)), key=lambda i: (-z[i], i))
        out.append(best)
        tokens.append(best)
    return out


def _kv_calls_generate(seed, prompt, n):
    """How many times generate() called model.key_value."""
    model = _model(seed)
    generate(model, prompt, n)
    return model.kv_calls


def _kv_trace(seed, prompt, fed):
    """model.kv_calls after prefill, then after each decode_step of the tokens in `fed`."""
    model = _model(seed)
    _, cache = prefill(model, prompt)
    trace = [model.kv_calls]
    for token in fed:
        _, cache = decode_step(model, cache, token)
        trace.append(model.kv_calls)
    return trace


def _teacher_logits(seed, prompt, fed):
    """Logits from prefill, then from decode_step on the given tokens (not the argmax)."""
    model = _model(seed)
    logits, cache = prefill(model, prompt)
    result = [logits]
    for token in fed:
        logits, cache = decode_step(model, cache, token)
        result.append(logits)
    return result


def _ref_teacher(seed, prompt, fed):
    model, tokens = _model(seed), list(prompt)
    result = [_ref_logits(model, tokens)]
    for token in fed:
        tokens.append(token)
        result.append(_ref_logits(model, tokens))
    return result


EXAMPLES = [
    ("generate(_example_model(), [0, 1], 4)", [1, 1, 1, 0]),
    ("prefill(_example_model(), [0, 1])[0]", _ref_logits(_example_model(), [0, 1])),
    ("_kv_calls_generate(1, [0, 4, 2, 1], 8)", 11),
]

TESTS = [
    ("generate(_model(2), [3], 8)", _ref_generate(_model(2), [3], 8)),
    ("generate(_model(10), [0, 4, 2, 1], 8)", _ref_generate(_model(10), [0, 4, 2, 1], 8)),
    ("generate(_model(7), [5, 1, 1, 0, 3], 10)", _ref_generate(_model(7), [5, 1, 1, 0, 3], 10)),
    ("generate(_model(3, tie=True), [3], 8)", _ref_generate(_model(3, tie=True), [3], 8)),
    ("generate(_model(7, tie=True), [0, 4, 2, 1], 8)", _ref_generate(_model(7, tie=True), [0, 4, 2, 1], 8)),
    ("generate(_model(2), [2, 2], 1)", _ref_generate(_model(2), [2, 2], 1)),
    ("_teacher_logits(4, [1, 2], [3, 0, 5, 5])", _ref_teacher(4, [1, 2], [3, 0, 5, 5])),
    ("_teacher_logits(6, [4], [4, 4, 1])", _ref_teacher(6, [4], [4, 4, 1])),
    ("_kv_trace(4, [1, 2], [3, 0, 5])", [2, 3, 4, 5]),
    ("_kv_calls_generate(2, [2, 2], 1)", 2),
    ("_kv_calls_generate(5, [3], 15)", 15),
]
