"""KV memory and decode intensity of MHA, GQA, MQA, MLA, sliding window, hybrid and SSM layers; two exactness checks."""
import numpy as np

BF16 = 2
CTX = 131072
RIDGE = 989e12 / 3.35e12          # H100 SXM dense BF16 FLOPs per HBM byte


def kv_bytes_per_token(layers, kv_heads, head_dim):
    return 2 * layers * kv_heads * head_dim * BF16


def main() -> None:
    rows = [
        ("Llama-2-7B, MHA 32 KV heads", kv_bytes_per_token(32, 32, 128), 32 / 32),
        ("Llama-3.1-8B, GQA 8 KV heads", kv_bytes_per_token(32, 8, 128), 32 / 8),
        ("Llama-3.1-70B, GQA 8 KV heads", kv_bytes_per_token(80, 8, 128), 64 / 8),
        ("70B shape with MQA (1 KV head)", kv_bytes_per_token(80, 1, 128), 64 / 1),
        ("DeepSeek-V3, MLA 512+64 latent", 61 * (512 + 64) * BF16, None),
    ]
    # MLA decode, absorbed form: 128 heads score against the 576-d latent and read back 512 dims.
    mla_intensity = 128 * 2 * (576 + 512) / ((512 + 64) * BF16)
    print(f"KV cache per token and per {CTX}-token sequence (BF16); decode attention FLOP/byte:")
    for name, per_tok, ratio in rows:
        ai = ratio if ratio is not None else mla_intensity    # GQA: 4*Hq*d FLOPs / (4*Hkv*d) bytes
        print(f"  {name:32s} {per_tok / 2**10:7.1f} KiB/token  {per_tok * CTX / 2**30:6.1f} GiB  {ai:6.1f} FLOP/B")
    print(f"  (H100 ridge point {RIDGE:.0f} FLOP/B: everything below it is bandwidth-bound)")

    per_layer = 2 * 8 * 128 * BF16                            # one GQA layer of the 8B shape
    window = 4096
    print(f"Llama-3.1-8B shape (32 layers) at {CTX} tokens, variants:")
    for label, gib in [("all 32 layers global", 32 * per_layer * CTX / 2**30),
                       (f"1 global : 3 SWA (W={window})", (8 * CTX + 24 * window) * per_layer / 2**30),
                       ("1 attention : 7 SSM layers", 4 * per_layer * CTX / 2**30)]:
        print(f"  {label:30s} {gib:6.2f} GiB")
    print("  (the SSM layers add a fixed-size state per sequence, independent of length)")
    d_inner, d_state, d_conv = 2 * 4096, 16, 4                # Mamba block, d_model 4096, expand 2
    state = d_inner * d_state + d_inner * (d_conv - 1)
    print(f"  one Mamba layer (d_model 4096, expand 2, N={d_state}, conv {d_conv}): {state:,} state values")
    print(f"    = KV of {state / (2 * 8 * 128):.0f} tokens of one GQA layer, and fixed whatever the length")

    rng = np.random.default_rng(0)
    d_c, heads, d_h, n = 512, 4, 128, 64
    w_uk = rng.standard_normal((heads, d_h, d_c)) / np.sqrt(d_c)   # up-projection latent -> per-head key
    c = rng.standard_normal((n, d_c))                               # cached latents
    q = rng.standard_normal((heads, d_h))
    naive = np.einsum("hd,hdc,nc->hn", q, w_uk, c)                  # expand keys K = W_UK c, then q.K
    absorbed = np.einsum("hc,nc->hn", np.einsum("hd,hdc->hc", q, w_uk), c)   # (W_UK^T q) . c
    print(f"MLA absorption: q.(W_UK c) vs (W_UK^T q).c, max diff {np.abs(naive - absorbed).max():.1e}")

    t, d = 256, 64                                                  # causal linear attention
    phi = lambda x: np.maximum(x, 0) + 1e-3                          # a positive feature map
    Q, K, V = (rng.standard_normal((t, d)) for _ in range(3))
    scores = np.tril(phi(Q) @ phi(K).T)
    parallel = (scores @ V) / scores.sum(axis=1, keepdims=True)
    S, z, rec = np.zeros((d, d)), np.zeros(d), np.empty((t, d))
    for i in range(t):                                              # decode: O(1) state per step
        S += np.outer(phi(K[i]), V[i])
        z += phi(K[i])
        rec[i] = phi(Q[i]) @ S / (phi(Q[i]) @ z)
    print(f"linear attention: recurrent == parallel, max diff {np.abs(parallel - rec).max():.1e}; "
          f"state {d}x{d} per head whatever the length")


if __name__ == "__main__":
    main()
