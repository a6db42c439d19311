"""Prefill/decode disaggregation: the TBT spike it removes, and what moving the KV cache costs next to prefill."""

H100_FLOPS, HBM, MFU = 989e12, 3.35e12, 0.5  # MFU: assumed fraction of peak reached by prefill


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, dtype_bytes: int = 2) -> int:
    return layers * kv_heads * head_dim * 2 * dtype_bytes


def step_ms(weight_bytes: float, kv_read: float, flops: float) -> float:
    """Roofline step time: the slower of reading memory and doing the math."""
    return max((weight_bytes + kv_read) / HBM, flops / (MFU * H100_FLOPS)) * 1e3


def layer_params(layers: int, hidden: int, kv_heads: int, head_dim: int, d_ff: int) -> int:
    """Weights in the transformer layers (attention + SwiGLU MLP): 2 FLOPs each per token."""
    return layers * (2 * hidden * hidden + 2 * hidden * kv_heads * head_dim + 3 * hidden * d_ff)


def main() -> None:
    # Llama-3.1-8B on one H100 (config.json): 32 layers, hidden 4096, 8 KV heads, MLP 14336, vocab 128256.
    # A step reads the layers and the LM head; the embedding table is only looked up (question 32).
    layers, hidden, vocab = 32, 4096, 128256
    params = layer_params(layers, hidden, 8, 128, 14336)
    weights = 2 * (params + vocab * hidden)
    kv_tok = kv_bytes_per_token(32, 8, 128)
    batch, ctx, prompt, chunk = 32, 2048, 4096, 512
    kv_read = batch * ctx * kv_tok
    decode_flops = 2 * (params + vocab * hidden) * batch

    def prefill_flops(n: int, before: int = 0) -> float:  # the layers + causal attention over n new tokens
        return 2 * params * n + 2 * layers * n * (n + 2 * before) * hidden  # (logits: last token only)

    decode = step_ms(weights, kv_read, decode_flops)
    mixed = step_ms(weights, kv_read, decode_flops + prefill_flops(prompt))
    chunked = step_ms(weights, kv_read, decode_flops + prefill_flops(chunk, prompt - chunk))
    print(f"Llama-3.1-8B ({params / 1e9:.2f}B parameters in the layers, {weights / 1e9:.1f} GB read per step), "
          f"H100, {batch} requests decoding at {ctx} context:")
    print(f"  decode-only step                      {decode:6.1f} ms  (memory-bound)")
    print(f"  same step + a {prompt}-token prefill       {mixed:6.1f} ms  <- every decoding request sees this TBT")
    print(f"  same step + one {chunk}-token chunk (last) {chunked:6.1f} ms  (chunked prefill, {prompt // chunk} such steps)")
    print(f"  disaggregated: decode GPUs never run prefill, TBT stays {decode:.1f} ms")

    print(f"KV transfer for one {prompt}-token prompt vs its prefill (at {MFU:.0%} MFU):")
    models = [  # name, layers, hidden, KV heads, head dim, MLP, GPUs in the prefill instance
        ("Llama-2-7B (MHA)", 32, 4096, 32, 128, 11008, 1),
        ("Llama-3.1-8B (GQA)", 32, 4096, 8, 128, 14336, 1),
        ("Llama-3.1-70B (GQA, TP8)", 80, 8192, 8, 128, 28672, 8),
    ]
    for name, n_layers, d, kv_heads, head_dim, d_ff, gpus in models:
        kv = prompt * kv_bytes_per_token(n_layers, kv_heads, head_dim)
        flops = 2 * layer_params(n_layers, d, kv_heads, head_dim, d_ff) * prompt + 2 * n_layers * prompt * prompt * d
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
