import math


def kv_head_for(h, n_q, n_kv):
    """KV head used by query head h: consecutive groups of n_q // n_kv query heads share one KV head."""
    raise NotImplementedError


def gqa_attention(q, k, v):
    """Grouped-query attention for one decode position.

    q: n_q query vectors of length d (one per query head).
    k, v: n_kv lists of T vectors of length d (the KV cache of each KV head).
    Returns n_q output vectors: out[h] = softmax(q[h] . k[g][t] / sqrt(d) over t) . v[g],
    with g = kv_head_for(h, n_q, n_kv).
    """
    raise NotImplementedError


def kv_cache_bytes(n_layers, n_kv, head_dim, n_tokens, bytes_per_elem):
    """Bytes of KV cache: K and V, for every layer, KV head, head dimension and token."""
    raise NotImplementedError
