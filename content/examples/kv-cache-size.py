"""KV cache size per token for MHA, GQA, MQA and MLA models, and a check that the cache changes nothing."""
import numpy as np

KIB, GIB = 1024, 1024**3


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, nbytes: int = 2) -> int:
    """Standard attention: a K and a V vector per KV head per layer."""
    return 2 * layers * kv_heads * head_dim * nbytes


def mla_bytes_per_token(layers: int, latent: int, rope_dim: int, nbytes: int = 2) -> int:
    """MLA: one compressed latent plus one shared RoPE key per layer (no separate K and V)."""
    return layers * (latent + rope_dim) * nbytes


def attend(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    s = q @ k.T / np.sqrt(q.shape[-1])
    s = s - s.max(axis=-1, keepdims=True)
    p = np.exp(s)
    return (p / p.sum(axis=-1, keepdims=True)) @ v


def cache_is_exact() -> float:
    """One attention layer: decoding with a KV cache vs recomputing K, V for the whole prefix."""
    rng = np.random.default_rng(0)
    d, n = 64, 12
    wq, wk, wv = (rng.normal(0, d**-0.5, (d, d)) for _ in range(3))
    x = rng.normal(size=(n, d))
    k_cache, v_cache, diff = [], [], 0.0
    for t in range(n):
        k_cache.append(x[t] @ wk)  # only the new token's K and V are computed
        v_cache.append(x[t] @ wv)
        cached = attend(x[t] @ wq, np.array(k_cache), np.array(v_cache))
        full = attend(x[t] @ wq, x[: t + 1] @ wk, x[: t + 1] @ wv)  # no cache: recompute all
        diff = max(diff, float(np.abs(cached - full).max()))
    return diff


def main() -> None:
    models = [  # name, layers, query heads, KV heads, head dim (BF16/FP16 cache)
        ("Llama-2-7B (MHA)", 32, 32, 32, 128),
        ("Llama-3.1-8B (GQA 8 KV)", 32, 32, 8, 128),
        ("Llama-3.1-70B (GQA 8 KV)", 80, 64, 8, 128),
        ("70B shape as MHA (64 KV)", 80, 64, 64, 128),
        ("70B shape as MQA (1 KV)", 80, 64, 1, 128),
    ]
    print("model                       bytes/token   per 4K seq   per 128K seq")
    rows = [(name, kv_bytes_per_token(l, kv, hd)) for name, l, _, kv, hd in models]
    rows.append(("DeepSeek-V3 (MLA 512+64)", mla_bytes_per_token(61, 512, 64)))
    for name, b in rows:
        print(f"{name:26s} {b:>8,} B = {b / KIB:6.1f} KiB  {b * 4096 / GIB:6.2f} GiB  "
              f"{b * 131072 / GIB:7.2f} GiB")
    mha_equiv = kv_bytes_per_token(61, 128, 128)  # 128 heads of dim 128, cached as plain K and V
    print(f"DeepSeek-V3 MLA vs plain MHA with 128 heads x 128 dims: "
          f"{mha_equiv / rows[-1][1]:.1f}x smaller; same bytes as GQA with "
          f"{rows[-1][1] / kv_bytes_per_token(61, 1, 128):.2f} KV heads")
    budget = 80e9 - 16e9  # H100 80 GB minus ~16 GB of Llama-3.1-8B BF16 weights
    per_seq = rows[1][1] * 8192
    print(f"Llama-3.1-8B on one 80 GB GPU: ~{budget / 1e9:.0f} GB left (ignoring activations) -> "
          f"{int(budget // per_seq)} sequences of 8K tokens (FP8 KV: {int(budget // (per_seq / 2))})")
    print(f"cached vs recomputed attention output, max |diff| = {cache_is_exact():.1e}")


if __name__ == "__main__":
    main()
