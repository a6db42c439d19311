"""Split-KV decode attention: partial results merged by log-sum-exp are exact, and splits fill the SMs."""
import math

import numpy as np


def attend(q, k, v):
    """q: (g, d) query rows sharing one KV head; k, v: (n, d). Returns output and log-sum-exp per row."""
    s = q @ k.T / math.sqrt(q.shape[1])
    m = s.max(axis=1, keepdims=True)
    p = np.exp(s - m)
    l = p.sum(axis=1, keepdims=True)
    return (p @ v) / l, (m + np.log(l))[:, 0]


def merge(parts):
    """Combine (output, lse) of disjoint KV chunks: lse = log sum exp(lse_s), O = sum exp(lse_s - lse) O_s."""
    lses = np.stack([lse for _, lse in parts])          # (splits, g)
    top = lses.max(axis=0)
    lse = top + np.log(np.exp(lses - top).sum(axis=0))
    out = sum(np.exp(l - lse)[:, None] * o for o, l in parts)
    return out, lse


def main() -> None:
    rng = np.random.default_rng(0)
    ctx, d, group = 16384, 128, 4                       # one KV head shared by 4 query heads (GQA)
    q = rng.standard_normal((group, d))
    k = rng.standard_normal((ctx, d)) * 2.0
    v = rng.standard_normal((ctx, d))
    ref, ref_lse = attend(q, k, v)
    print(f"{group} query rows (one KV head) vs {ctx} cached tokens, float64:")
    for splits in (1, 4, 17, 64):
        bounds = np.linspace(0, ctx, splits + 1).astype(int)
        parts = [attend(q, k[a:b], v[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
        out, lse = merge(parts)
        print(f"  {splits:2d} splits: max |merged - full| = {np.abs(out - ref).max():.1e}, "
              f"lse diff {np.abs(lse - ref_lse).max():.1e}")
    half = len(parts) // 2
    tree = merge([merge(parts[:half]), merge(parts[half:])])[0]
    print(f"  tree-shaped merge of the 64 parts: max diff {np.abs(tree - ref).max():.1e} (associative)")

    # Occupancy on an H100 (132 SMs) for Llama-3.1-8B decode: 8 KV heads, 4 query heads each, d=128.
    sms, kv_heads, q_heads, layers, bw = 132, 8, 32, 32, 3.35e12
    context = 131072
    print(f"Llama-3.1-8B, {context} cached tokens, H100 with {sms} SMs:")
    for batch in (1, 4, 16, 64):
        ctas = batch * kv_heads                         # one thread block per (sequence, KV head)
        split = max(1, sms // ctas)                     # simple heuristic: about one full wave
        print(f"  batch {batch:2d}: {ctas:3d} CTAs -> {min(ctas, sms) / sms:5.1%} of SMs have work; "
              f"split {split:2d}x -> {ctas * split:4d} CTAs, {context // split:6d} tokens each")
    kv_layer = 2 * context * kv_heads * d * 2           # K and V, BF16
    split1 = sms // kv_heads
    partial = q_heads * split1 * (d + 1) * 4            # FP32 partial outputs + lse, batch 1
    print(f"batch 1, {split1} splits: KV read per layer {kv_layer / 2**20:.0f} MiB, partials written {partial / 2**10:.0f} KiB "
          f"({partial / kv_layer:.3%} extra)")
    weights = 2 * 7.50e9  # BF16 bytes a step reads: the layers and the LM head, not the embedding table
    print(f"per token, batch 1: KV {layers * kv_layer / bw * 1e3:.2f} ms vs weights "
          f"{weights / bw * 1e3:.2f} ms at {bw / 1e12:.2f} TB/s (lower bounds)")


if __name__ == "__main__":
    main()
