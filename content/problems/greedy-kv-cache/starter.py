import math


def logits_no_cache(model, tokens):
    """Reference WITHOUT a cache: the logits after the last of `tokens`.

    It recomputes K and V for every token on every call, so greedy decoding
    built on it calls model.key_value O(n^2) times. Keep it as the spec of the
    model; your cached code must produce the same logits.
    """
    xs = [model.embed(t, i) for i, t in enumerate(tokens)]
    kvs = [model.key_value(x) for x in xs]
    x = xs[-1]
    q = model.query(x)
    scores = [sum(a * b for a, b in zip(q, k)) / math.sqrt(model.dim) for k, _ in kvs]
    m = max(scores)
    w = [math.exp(s - m) for s in scores]
    total = sum(w)
    o = [sum(w[j] * kvs[j][1][c] for j in range(len(kvs))) / total for c in range(model.dim)]
    return model.logits([a + b for a, b in zip(x, o)])


def prefill(model, prompt):
    """Process the whole prompt once.

    Returns (logits, cache): the logits after the last prompt token, and a cache
    (any structure you like) holding the K and V of every prompt token.
    Must call model.key_value exactly len(prompt) times.
    """
    raise NotImplementedError


def decode_step(model, cache, token):
    """Feed one more token, at position = number of tokens already cached.

    Returns (logits, cache): the logits after `token`, and the cache now also
    holding this token's K and V. Must call model.key_value exactly once.
    """
    raise NotImplementedError


def generate(model, prompt, n):
    """Greedy-decode n tokens (argmax, ties -> lowest token id) using the cache.

    Returns the list of the n generated token ids. Must call model.key_value
    exactly len(prompt) + n - 1 times (the last generated token is never fed).
    """
    raise NotImplementedError
