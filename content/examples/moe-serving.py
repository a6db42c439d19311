"""MoE serving: total vs active parameters, how many experts a decode batch touches, EP load imbalance and all-to-all bytes."""
import numpy as np


def mixtral_params() -> tuple[float, float]:
    # Mixtral-8x7B config.json: hidden 4096, FFN 14336, 32 layers, 32 heads, 8 KV heads (dim 128), vocab 32000, 8 experts, top-2
    h, ffn, layers, vocab, experts, k = 4096, 14336, 32, 32000, 8, 2
    attn = 2 * h * h + 2 * h * 8 * 128
    expert = 3 * h * ffn
    embed = 2 * vocab * h
    total = layers * (attn + experts * expert + h * experts) + embed
    active = layers * (attn + k * expert + h * experts) + embed
    return total, active


def main() -> None:
    total, active = mixtral_params()
    print(f"Mixtral-8x7B: {total / 1e9:.1f}B total, {active / 1e9:.1f}B active per token; "
          f"BF16 weights {2 * total / 1e9:.1f} GB must all be resident")

    # DeepSeek-V3 (report): 256 routed experts, top-8, expert FFN 2048, hidden 7168, 58 MoE layers
    E, K, H, F, MOE_LAYERS = 256, 8, 7168, 2048, 58
    expert = 3 * H * F
    print(f"DeepSeek-V3 routed experts: {expert / 1e6:.1f}M params each, {E * expert * MOE_LAYERS / 1e9:.0f}B in all, "
          f"{K * expert * MOE_LAYERS / 1e9:.1f}B active per token")

    rng = np.random.default_rng(0)
    print("Decode batch of B tokens, uniform top-8 routing (simulated, 20 trials) vs formula 1-(1-k/E)^B:")
    for B in (1, 8, 64, 256, 1024):
        picks = np.argpartition(rng.random((20, B, E)), K, axis=2)[:, :, :K].reshape(20, -1)
        hit = np.mean([len(np.unique(row)) for row in picks])
        tokens_per_expert = B * K / hit
        print(f"  B={B:5d}: {hit:6.1f} of {E} experts touched ({hit / E:4.0%}, formula {1 - (1 - K / E) ** B:4.0%}), "
              f"{tokens_per_expert:5.1f} tokens per touched expert")
    ridge = 989e12 / 3.35e12  # BF16 FLOP per byte on H100; one token = 2 FLOP per 2-byte weight
    print(f"  compute-bound needs ~{ridge:.0f} tokens per expert -> batch ~{ridge * E / K:.0f} tokens per step")

    # Skewed router: per-expert popularity bias; 32 EP ranks x 8 experts
    B, ranks = 8192, 32
    bias = rng.normal(0.0, 0.3, E)
    logits = rng.normal(0.0, 1.0, (B, E)) + bias
    topk = np.argpartition(-logits, K, axis=1)[:, :K]
    load = np.bincount(topk.ravel(), minlength=E).astype(float)
    naive = load.reshape(ranks, E // ranks).sum(1)  # experts 0-7 on rank 0, ...
    print(f"Synthetic skewed routing, B={B}, EP={ranks}: hottest expert {load.max() / load.mean():.1f}x mean; "
          f"rank load max/mean {naive.max() / naive.mean():.2f}")
    # 32 redundant slots: copy the 32 hottest experts (load split in half), then greedy placement, 9 slots per rank
    hot = np.argsort(-load)[:ranks]
    items = [load[e] / 2 if e in hot else load[e] for e in range(E)] + [load[e] / 2 for e in hot]
    per_rank, slots = np.zeros(ranks), np.zeros(ranks, int)
    for w in sorted(items, reverse=True):
        r = min((r for r in range(ranks) if slots[r] < 9), key=lambda r: per_rank[r])
        per_rank[r] += w
        slots[r] += 1
    print(f"  with 32 redundant experts + greedy placement: rank load max/mean {per_rank.max() / per_rank.mean():.2f}")
    cap = 1.25 * B * K / E
    dropped = np.clip(load - cap, 0, None).sum() / load.sum()
    print(f"  capacity factor 1.25 ({cap:.0f} tokens/expert) would drop {dropped:.1%} of token-expert pairs")

    print(f"All-to-all per token per MoE layer: dispatch {K} x {H} x 1 B (FP8) = {K * H} B, "
          f"combine {K} x {H} x 2 B (BF16) = {2 * K * H} B; node-limited (<= 4 nodes) "
          f"inter-node dispatch <= {4 * H} B")


if __name__ == "__main__":
    main()
