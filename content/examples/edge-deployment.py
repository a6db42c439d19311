"""Group-wise INT4 weight-only quantization, nibble packing, and 7B model size at fp16/int8/int4."""
import numpy as np


def quantize_int4(w: np.ndarray, group: int) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int4 in [-8, 7] with one scale per `group` consecutive input weights."""
    g = w.reshape(w.shape[0], -1, group)
    scale = np.abs(g).max(axis=-1, keepdims=True) / 7.0
    q = np.clip(np.round(g / scale), -8, 7).astype(np.int8)
    return q, scale.astype(np.float16)


def dequantize(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    return (q * scale.astype(np.float32)).reshape(q.shape[0], -1)


def pack_nibbles(q: np.ndarray) -> bytes:
    """Store two 4-bit values per byte (low nibble first)."""
    u = (q.reshape(-1) & 0x0F).astype(np.uint8)
    return (u[0::2] | (u[1::2] << 4)).tobytes()


def main() -> None:
    rng = np.random.default_rng(0)
    w = rng.normal(0.0, 0.02, size=(256, 1024)).astype(np.float32)
    w[:, 7] *= 8.0  # a few large weights, as in real LLM layers
    x = rng.normal(size=(16, 1024)).astype(np.float32)
    y = x @ w.T
    for group in [1024, 128, 32]:
        q, s = quantize_int4(w, group)
        err = np.linalg.norm(y - x @ dequantize(q, s).T) / np.linalg.norm(y)
        bits = 4 + 16 / group  # int4 value + amortized fp16 scale
        print(f"group {group:4d}: rel. output error {err:.4f}, {bits:.3f} bits/weight")
    q, s = quantize_int4(w, 128)
    print(f"packed {w.size:,} weights into {len(pack_nibbles(q)):,} bytes + {s.nbytes:,} of scales")

    params = 7e9
    for name, bits in [("fp16", 16), ("int8", 8 + 16 / 4096), ("int4 g128", 4 + 16 / 128)]:
        print(f"7B model at {name:9s}: {params * bits / 8 / 1e9:5.2f} GB of weights")
    print("Weight-only int4 fits a 7B model in ~4 GB; activations and KV cache stay fp16.")


if __name__ == "__main__":
    main()
