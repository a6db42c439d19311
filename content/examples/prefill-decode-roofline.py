"""Roofline for LLM inference: arithmetic intensity of prefill vs decode and where decode turns compute-bound."""

GPUS = {"H100 SXM": (989e12, 3.35e12), "A100 80GB": (312e12, 2.039e12)}  # dense BF16 FLOP/s, bytes/s


def gemm_intensity(tokens: int, k: int, n: int, w_bytes: float = 2.0, a_bytes: float = 2.0) -> float:
    """FLOP per byte of [tokens x k] @ [k x n]: weights read once, activations in and out."""
    flops = 2 * tokens * k * n
    traffic = w_bytes * k * n + a_bytes * tokens * (k + n)
    return flops / traffic


def crossover(ridge: float, k: int, n: int, w_bytes: float = 2.0) -> int:
    """Smallest token count whose GEMM intensity reaches the ridge point."""
    t = 1
    while gemm_intensity(t, k, n, w_bytes) < ridge:
        t += 1
    return t


def main() -> None:
    for name, (flops, bw) in GPUS.items():
        print(f"{name}: ridge point = {flops / 1e12:.0f} TFLOP/s / {bw / 1e12:.2f} TB/s "
              f"= {flops / bw:.0f} FLOP/B")
    peak, bw = GPUS["H100 SXM"]
    ridge = peak / bw
    k, n = 4096, 14336  # Llama-3.1-8B MLP up-projection, BF16
    print(f"\nH100, {k}x{n} BF16 weight GEMM, tokens in the step -> intensity, bound, attainable")
    for t in [1, 8, 64, 256, 512, 2048, 8192]:
        ai = gemm_intensity(t, k, n)
        attain = min(peak, ai * bw)
        bound = "compute" if ai >= ridge else "memory"
        print(f"  {t:5d} tokens: {ai:7.1f} FLOP/B  {bound:7s}  {attain / 1e12:5.0f} TFLOP/s")
    print(f"crossover: {crossover(ridge, k, n)} tokens (BF16 weights), "
          f"{crossover(ridge, k, n, 1.0)} (8-bit weights, BF16 math), "
          f"{crossover(ridge, k, n, 0.5)} (4-bit weights, BF16 math)")

    # Llama-3.1-8B shapes (config.json): hidden 4096, MLP 14336, 32 layers, 32 query / 8 KV heads
    d, d_ff, layers, q_heads, kv_heads, hd, vocab = 4096, 14336, 32, 32, 8, 128, 128256
    block = layers * (2 * d * d + 2 * d * kv_heads * hd + 3 * d * d_ff)  # weights in the layers
    lm_head = vocab * d  # the input embedding is a lookup of B rows, not a full read
    w_bytes = 2 * (block + lm_head)
    kv_per_tok = 2 * layers * kv_heads * hd * 2
    ctx = 1024
    print(f"\nLlama-3.1-8B decode step on H100 ({(block + 2 * lm_head) / 1e9:.2f}B params; one step "
          f"reads {w_bytes / 1e9:.1f} GB of weights, KV {kv_per_tok // 1024} KiB/token, "
          f"context {ctx} per sequence)")
    print("  batch  t_weights  t_kv     t_compute  step >=   tokens/s")
    for b in [1, 16, 64, 256]:
        t_w = w_bytes / bw
        t_kv = b * ctx * kv_per_tok / bw
        attn_flops = b * ctx * layers * q_heads * hd * 4  # QK^T and PV, 2 FLOP per MAC
        t_c = (2 * (block + lm_head) * b + attn_flops) / peak
        step = max(t_w + t_kv, t_c)
        print(f"  {b:5d}  {t_w * 1e3:6.2f} ms  {t_kv * 1e3:6.2f} ms  {t_c * 1e3:6.2f} ms  "
              f"{step * 1e3:6.2f} ms  {b / step:8.0f}")
    attn_ai = (q_heads // kv_heads) * 4 * hd / (2 * 2 * hd)  # per cached token per KV head
    print(f"decode attention intensity = {attn_ai:.0f} FLOP/B (= query heads per KV head), "
          f"whatever the batch size")
    prompt = 2048
    pf_flops = 2 * block * prompt + 2 * layers * d * prompt**2 + 2 * lm_head  # causal attention
    print(f"prefill of {prompt} tokens: {pf_flops / 1e12:.1f} TFLOP -> >= {pf_flops / peak * 1e3:.1f} ms "
          f"at peak, i.e. {pf_flops / peak / (w_bytes / bw):.1f} batch-1 decode steps")
    print(f"attention FLOPs equal linear-layer FLOPs at a prompt of {block / (layers * d):,.0f} tokens")

if __name__ == "__main__":
    main()
