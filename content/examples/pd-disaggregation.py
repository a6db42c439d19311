"""Prefill/decode disaggregation: the TBT spike it removes, and what moving the KV cache costs next to prefill."""

H100_FLOPS, HBM, MFU = 989e12, 3.35e12, 0.5  # MFU: assumed fraction of peak reached by prefill


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, dtype_bytes: int = 2) -> int:
    return layers * kv_heads * head_dim * 2 * dtype_bytes


def step_ms(weight_bytes: float, kv_read: float, flops: float) -> float:
    """Roofline step time: the slower of reading memory and doing the math."""
    return max((weight_bytes + kv_read) / HBM, flops / (MFU * H100_FLOPS)) * 1e3


def main() -> None:
    # Llama-3.1-8B on one H100: 8.03B params, 32 layers, 8 KV heads, hidden 4096
    params, layers, hidden = 8.03e9, 32, 4096
    kv_tok = kv_bytes_per_token(32, 8, 128)
    batch, ctx, prompt, chunk = 32, 2048, 4096, 512
    kv_read = batch * ctx * kv_tok
    decode_flops = 2 * params * batch

    def prefill_flops(n: int, before: int = 0) -> float:  # weights + causal attention over n new tokens
        return 2 * params * n + 2 * layers * n * (n + 2 * before) * hidden

    decode = step_ms(2 * params, kv_read, decode_flops)
    mixed = step_ms(2 * params, kv_read, decode_flops + prefill_flops(prompt))
    chunked = step_ms(2 * params, kv_read, decode_flops + prefill_flops(chunk, prompt - chunk))
    print(f"Llama-3.1-8B, H100, {batch} requests decoding at {ctx} context:")
    print(f"  decode-only step                      {decode:6.1f} ms  (memory-bound)")
    print(f"  same step + a {prompt}-token prefill       {mixed:6.1f} ms  <- every decoding request sees this TBT")
    print(f"  same step + one {chunk}-token chunk (last) {chunked:6.1f} ms  (chunked prefill, {prompt // chunk} such steps)")
    print(f"  disaggregated: decode GPUs never run prefill, TBT stays {decode:.1f} ms")

    print(f"KV transfer for one {prompt}-token prompt vs its prefill (at {MFU:.0%} MFU):")
    models = [  # name, params, layers, KV heads, head dim, hidden, GPUs in the prefill instance
        ("Llama-2-7B (MHA)", 6.74e9, 32, 32, 128, 4096, 1),
        ("Llama-3.1-8B (GQA)", 8.03e9, 32, 8, 128, 4096, 1),
        ("Llama-3.1-70B (GQA, TP8)", 70.6e9, 80, 8, 128, 8192, 8),
    ]
    for name, n_params, n_layers, kv_heads, head_dim, d, gpus in models:
        kv = prompt * kv_bytes_per_token(n_layers, kv_heads, head_dim)
        flops = 2 * n_params * prompt + 2 * n_layers * prompt * prompt * d
        prefill = flops / (gpus * MFU * H100_FLOPS)
        rdma = kv / (gpus * 50e9)  # every GPU sends its shard on its own 400 Gb/s NIC
        exposed = max(rdma / n_layers, rdma - prefill * (n_layers - 1) / n_layers)  # send layer i while computing i+1
        print(f"  {name:25s}: KV {kv / 1e9:4.2f} GB, prefill {prefill * 1e3:5.1f} ms, send at 50 GB/s/GPU "
              f"{rdma * 1e3:4.1f} ms, ~{exposed * 1e3:4.2f} ms exposed if sent layer by layer; "
              f"{kv / prefill / gpus / 1e9:4.1f} GB/s per GPU to keep up")
    mla = 61 * 576 * 2  # DeepSeek-V3 MLA latent cache, BF16
    print(f"  DeepSeek-V3 (MLA)        : {mla} B per token, {prompt * mla / 1e9:.2f} GB for the same prompt")


if __name__ == "__main__":
    main()
