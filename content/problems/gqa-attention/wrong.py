# Wrong: maps query head h to KV head h % n_kv (interleaved) instead of h // (n_q // n_kv) (contiguous groups)
import math


def kv_head_for(h, n_q, n_kv):
    """KV head used by query head h: consecutive groups of n_q // n_kv query heads share one KV head."""
    return h % n_kv  # deals query heads out round-robin


def gqa_attention(q, k, v):
    """Grouped-query attention for one decode position.

    q: n_q query vectors of length d (one per query head).
    k, v: n_kv lists of T vectors of length d (the KV cache of each KV head).
    Returns n_q output vectors: out[h] = softmax(q[h] . k[g][t] / sqrt(d) over t) . v[g],
    with g = kv_head_for(h, n_q, n_kv).
    """
    n_q, n_kv = len(q), len(k)
    d = len(q[0])
    scale = 1.0 / math.sqrt(d)
    out = []
    for h in range(n_q):
        g = kv_head_for(h, n_q, n_kv)
        scores = [scale * sum(a * b for a, b in zip(q[h], key)) for key in k[g]]
        top = max(scores)  # subtract the max so exp never overflows
        weights = [math.exp(s - top) for s in scores]
        total = sum(weights)
        out.append([sum(w * val[j] for w, val in zip(weights, v[g])) / total for j in range(d)])
    return out


def kv_cache_bytes(n_layers, n_kv, head_dim, n_tokens, bytes_per_elem):
    """Bytes of KV cache: K and V, for every layer, KV head, head dimension and token."""
    return 2 * n_layers * n_kv * head_dim * n_tokens * bytes_per_elem
