"""KV-cache quantization (FP8, KIVI-style INT2/INT4 per-channel keys) and the load-vs-recompute sum for each offload tier."""
import numpy as np


def fp8_e4m3(x: np.ndarray) -> np.ndarray:
    """Round to the nearest FP8 E4M3 value (3 mantissa bits, min normal 2^-6, max 448)."""
    a = np.clip(np.abs(x), 0, 448.0)
    e = np.floor(np.log2(np.maximum(a, 2.0**-6)))  # below 2^-6: subnormals, step 2^-9
    step = 2.0 ** (e - 3)
    return np.sign(x) * np.minimum(np.round(a / step) * step, 448.0)


def quant_int(x: np.ndarray, bits: int, group: int, axis: int) -> np.ndarray:
    """Asymmetric min-max quantization in groups of `group` elements along `axis`, then dequantize."""
    x = np.moveaxis(x, axis, -1)
    g = x.reshape(*x.shape[:-1], -1, group)
    lo, hi = g.min(-1, keepdims=True), g.max(-1, keepdims=True)
    scale = (hi - lo) / (2**bits - 1)
    q = np.round((g - lo) / scale)
    return np.moveaxis((q * scale + lo).reshape(x.shape), -1, axis)


def attention(q, k, v):
    s = q @ k.T / np.sqrt(k.shape[1])
    p = np.exp(s - s.max(-1, keepdims=True))
    return (p / p.sum(-1, keepdims=True)) @ v


def main() -> None:
    rng = np.random.default_rng(0)
    T, D = 1024, 128  # tokens, head dim
    k = rng.normal(size=(T, D))
    k[:, [7, 40, 77, 101]] = rng.normal(8.0, 2.0, size=(T, 4))  # a few outlier channels, fixed across tokens
    v = rng.normal(size=(T, D))
    q = rng.normal(size=(16, D))
    ref = attention(q, k, v)

    def err(kq, vq):
        return np.linalg.norm(attention(q, kq, vq) - ref) / np.linalg.norm(ref)

    def fp8(x):  # one per-tensor scale maps the largest |x| to 448
        scale = np.abs(x).max() / 448.0
        return fp8_e4m3(x / scale) * scale

    print("Relative error of the attention output (1024 tokens, head dim 128, 4 outlier key channels):")
    print(f"  FP8 E4M3 K and V, per-tensor scales: {err(fp8(k), fp8(v)):.4f}")
    for bits in (4, 2):
        per_tok = err(quant_int(k, bits, 32, axis=1), v)  # a group = 32 channels of one token
        per_ch = err(quant_int(k, bits, 32, axis=0), v)  # a group = 32 tokens of one channel
        v_tok = err(k, quant_int(v, bits, 32, axis=1))
        print(f"  INT{bits} group 32: keys per-token {per_tok:.4f}, keys per-channel {per_ch:.4f}; "
              f"values per-token {v_tok:.4f}")

    # Llama-3.1-8B: 32 layers x 8 KV heads x 128 dims x (K, V)
    elems = 32 * 8 * 128 * 2
    print("Llama-3.1-8B KV bytes per token:")
    for name, bits in [("BF16", 16), ("FP8", 8), ("INT4 g32 + FP16 scale/zero", 4 + 32 / 32), ("INT2 g32 + FP16 scale/zero", 2 + 32 / 32)]:
        print(f"  {name:27s}: {elems * bits / 8 / 1024:6.1f} KiB ({bits:g} bits per element)")

    n = 8192  # a cached 8K-token prefix
    kv = n * elems * 2
    flops = 2 * 6.98e9 * n + 2 * 32 * n * n * 4096  # the layers' 6.98B weights + causal attention (logits: last token)
    recompute = flops / (0.5 * 989e12)  # H100 at an assumed 50% of BF16 peak
    print(f"Reusing an {n}-token prefix: {kv / 1e9:.2f} GB of BF16 KV; recompute ~{recompute * 1e3:.0f} ms "
          f"(H100 at 50% MFU); break-even bandwidth {kv / recompute / 1e9:.1f} GB/s")
    for tier, bw in [("CPU DRAM over PCIe 5.0 x16", 64e9), ("CPU DRAM over PCIe 4.0 x16", 32e9),
                     ("remote node, 400 Gb/s RDMA", 50e9), ("local NVMe SSD (PCIe 4.0 x4)", 7e9)]:
        print(f"  load from {tier:29s} at {bw / 1e9:4.0f} GB/s: {kv / bw * 1e3:6.1f} ms")


if __name__ == "__main__":
    main()
