import math


def logits_no_cache(model, tokens):
    """Reference WITHOUT a cache: the logits after the last of `tokens`."""
    xs = [model.embed(t, i) for i, t in enumerate(tokens)]
    kvs = [model.key_value(x) for x in xs]
    return _attend(model, xs[-1], [k for k, _ in kvs], [v for _, v in kvs])


def _attend(model, x, keys, values):
    """Logits for the position whose input is x, attending over keys/values.

    keys/values must already include this position's own K and V (causal
    attention covers positions 0..i, the current one included).
    """
    q = model.query(x)
    scale = math.sqrt(model.dim)
    scores = [sum(a * b for a, b in zip(q, k)) / scale for k in keys]
    m = max(scores)  # subtract the max so exp cannot overflow
    w = [math.exp(s - m) for s in scores]
    total = sum(w)
    o = [sum(w[j] * values[j][c] for j in range(len(values))) / total for c in range(model.dim)]
    return model.logits([a + b for a, b in zip(x, o)])  # residual, then output projection


def prefill(model, prompt):
    """Process the whole prompt once; return (logits after the last token, cache)."""
    cache = {"keys": [], "values": []}
    for position, token in enumerate(prompt):
        k, v = model.key_value(model.embed(token, position))
        cache["keys"].append(k)
        cache["values"].append(v)
    # One layer: earlier positions' K/V depend only on their own embeddings, so
    # only the last position's attention output is needed for its logits.
    x = model.embed(prompt[-1], len(prompt) - 1)
    return _attend(model, x, cache["keys"], cache["values"]), cache


def decode_step(model, cache, token):
    """Feed one token at position p = number of cached tokens; return (logits, cache)."""
    x = model.embed(token, len(cache["keys"]))
    k, v = model.key_value(x)
    # Append BEFORE attending: the new token attends to itself as well.
    cache["keys"].append(k)
    cache["values"].append(v)
    return _attend(model, x, cache["keys"], cache["values"]), cache


def _argmax(logits):
    best = 0
    for i in range(1, len(logits)):
        if logits[i] > logits[best]:  # strict: ties keep the lowest id
            best = i
    return best


def generate(model, prompt, n):
    """Greedy-decode n tokens with the cache: len(prompt) + n - 1 K/V computations."""
    logits, cache = prefill(model, prompt)
    out = [_argmax(logits)]
    while len(out) < n:
        logits, cache = decode_step(model, cache, out[-1])
        out.append(_argmax(logits))
    return out
