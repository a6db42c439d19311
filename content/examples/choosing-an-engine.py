"""First filter when choosing an engine: which hardware a model and its KV cache fit on, per weight precision."""
GB = 1e9
MODELS = {  # parameters, layers, KV heads, head dim (config.json)
    "Llama-3.1-8B": (8.03e9, 32, 8, 128),
    "Llama-3.1-70B": (70.6e9, 80, 8, 128),
}
PRECISIONS = {"BF16": 16.0, "FP8": 8.0, "INT4 g128": 4.0 + 16 / 128}  # bits per weight (INT4: one FP16 scale / 128)
# GPU counts 1, 2, 4, 8: a tensor-parallel degree must divide the 64 attention and 8 KV heads
DEVICES = [("24 GB GPU", 24), ("1x H100 80 GB", 80), ("2x H100", 160), ("4x H100", 320), ("8x H100", 640)]
HEADROOM = 0.10  # memory kept free for activations, CUDA graphs, allocator slack (assumed)


def kv_bytes_per_token(layers: int, kv_heads: int, head_dim: int, elem_bytes: int = 2) -> int:
    return 2 * layers * kv_heads * head_dim * elem_bytes  # K and V, BF16


def main() -> None:
    seqs, ctx = 16, 8192
    print(f"Workload: {seqs} concurrent sequences x {ctx} tokens, BF16 KV cache, {HEADROOM:.0%} headroom per device")
    for name, (params, layers, kv_heads, head_dim) in MODELS.items():
        kv_tok = kv_bytes_per_token(layers, kv_heads, head_dim)
        kv = seqs * ctx * kv_tok
        print(f"{name}: KV {kv_tok // 1024} KiB/token -> {kv / GB:.1f} GB for the workload")
        for prec, bits in PRECISIONS.items():
            weights = params * bits / 8
            need = weights + kv
            fit = next((d for d, cap in DEVICES if need <= cap * GB * (1 - HEADROOM)), "none listed")
            print(f"    {prec:9s}: weights {weights / GB:6.1f} GB + KV = {need / GB:6.1f} GB -> smallest fit: {fit}")
    w8 = MODELS["Llama-3.1-8B"][0] * 2
    print(f"Decode ceiling at batch 1 = bandwidth / weight bytes: 8B BF16 on one H100 (3.35 TB/s) "
          f"<= {3.35e12 / w8:.0f} tokens/s")
    print("Rows that need several GPUs need sharding (tensor or pipeline parallel): check the engine supports it.")


if __name__ == "__main__":
    main()
