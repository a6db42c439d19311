import math


def sampling_probs(logits, temperature=1.0, top_k=0, top_p=1.0, min_p=0.0):
    """Temperature, then top-k, top-p, min-p; the final renormalized distribution."""
    n = len(logits)
    if temperature == 0:
        best = min(range(n), key=lambda i: (-logits[i], i))  # argmax, lowest index on ties
        return [1.0 if i == best else 0.0 for i in range(n)]

    z = [x / temperature for x in logits]
    # Rank tokens once: higher logit first, ties by lower index. Every filter keeps
    # a prefix of this ranking, so `kept` is always a prefix of `order`.
    order = sorted(range(n), key=lambda i: (-z[i], i))
    kept = order

    def probs_of(ids):
        # softmax over the kept tokens only (= renormalizing), max subtracted
        m = z[ids[0]]
        e = {i: math.exp(z[i] - m) for i in ids}
        total = sum(e.values())
        return {i: e[i] / total for i in ids}

    if 0 < top_k < n:
        kept = kept[:top_k]

    if top_p < 1.0:
        p = probs_of(kept)
        nucleus, mass = [], 0.0
        for i in kept:
            nucleus.append(i)  # include the token that makes the mass reach top_p
            mass += p[i]
            if mass >= top_p:
                break
        kept = nucleus

    if min_p > 0.0:
        p = probs_of(kept)
        threshold = min_p * p[kept[0]]  # kept[0] has the largest probability
        kept = [i for i in kept if p[i] >= threshold]

    p = probs_of(kept)
    return [p.get(i, 0.0) for i in range(n)]
