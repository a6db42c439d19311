"""Phone decode is memory-bound: weight bytes at fp16 / int8 / int4 and llama.cpp-style int8 dot products."""
import numpy as np

BLOCK = 32  # llama.cpp Q8_0 / Q4_0: one fp16 scale per 32 weights
rng = np.random.default_rng(0)


def quantize_blocks(a: np.ndarray, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric per-block quantization of the last axis (Q8_0/Q4_0-style); int8 codes, fp16 scales."""
    blocks = a.reshape(*a.shape[:-1], -1, BLOCK)
    qmax = 2 ** (bits - 1) - 1                      # 127 for 8 bits, 7 for 4 bits
    scale = np.abs(blocks).max(axis=-1, keepdims=True) / qmax
    scale = scale.astype(np.float16).astype(np.float32)
    codes = np.clip(np.round(blocks / scale), -qmax - 1, qmax).astype(np.int8)
    return codes, scale


def block_dot(w: np.ndarray, x: np.ndarray, w_bits: int) -> np.ndarray:
    """y = W x as on a phone CPU: weights at w_bits, activations quantized to 8 bits on the fly,
    int8 x int8 products summed in int32 per block (ARM SDOT), then scaled once per block."""
    wq, ws = quantize_blocks(w, w_bits)             # out x blocks x 32
    xq, xs = quantize_blocks(x, 8)                  # blocks x 32
    acc = np.einsum("obk,bk->ob", wq.astype(np.int32), xq.astype(np.int32))
    return np.sum(acc * ws[..., 0] * xs[..., 0], axis=-1)


def rel_error(y: np.ndarray, ref: np.ndarray) -> float:
    return float(np.linalg.norm(y - ref) / np.linalg.norm(ref))


def main() -> None:
    w = rng.standard_t(df=5, size=(1024, 1024)).astype(np.float32) * 0.02
    x = rng.normal(size=1024).astype(np.float32)
    ref = w @ x
    y16 = w.astype(np.float16).astype(np.float32) @ x
    formats = [("fp16", 16.0, rel_error(y16, ref)),
               ("Q8_0 (int8 + scale)", 8 + 16 / BLOCK, rel_error(block_dot(w, x, 8), ref)),
               ("Q4_0 (int4 + scale)", 4 + 16 / BLOCK, rel_error(block_dot(w, x, 4), ref))]
    params, bw = 3e9, 8.533 * 8                     # 3B model; LPDDR5X-8533 on a 64-bit bus, GB/s
    print(f"3B model on a {bw:.1f} GB/s phone bus (decode reads every weight once per token):")
    print("format               bits/weight  vs fp16  weights GB  max tokens/s  rel. error (1024x1024)")
    for name, bits, err in formats:
        gb = params * bits / 8 / 1e9
        print(f"{name:20s} {bits:11.2f}  {16 / bits:6.2f}x  {gb:10.2f}  {bw / gb:12.1f}  {err:.4f}")
    q8, q4 = formats[1][1], formats[2][1]
    print(f"The baseline on phones is fp16: int8 saves {16 / q8:.2f}x and int4 {16 / q4:.2f}x "
          f"(against fp32 it would look like {32 / q8:.2f}x and {32 / q4:.2f}x).")


if __name__ == "__main__":
    main()
