"""Operation count and memory of a small MLP block at fp32 vs int8 (int32 accumulation)."""
import numpy as np

D_MODEL, D_FF, TOKENS = 256, 1024, 8


def quantize_rows(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 with one scale per row (per output channel / per token)."""
    scale = np.abs(a).max(axis=1, keepdims=True) / 127.0
    return np.round(a / scale).astype(np.int8), scale.astype(np.float32)


def int8_linear(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """y = x @ w.T using int8 operands and int32 accumulation, then rescale to float."""
    xq, xs = quantize_rows(x)   # dynamic per-token activation quantization
    wq, ws = quantize_rows(w)   # static per-channel weight quantization
    acc = xq.astype(np.int32) @ wq.astype(np.int32).T
    return acc.astype(np.float32) * xs * ws.T


def main() -> None:
    rng = np.random.default_rng(0)
    w1 = rng.normal(0, D_MODEL**-0.5, (D_FF, D_MODEL)).astype(np.float32)
    w2 = rng.normal(0, D_FF**-0.5, (D_MODEL, D_FF)).astype(np.float32)
    x = rng.normal(size=(TOKENS, D_MODEL)).astype(np.float32)

    y_fp32 = np.maximum(x @ w1.T, 0) @ w2.T
    y_int8 = int8_linear(np.maximum(int8_linear(x, w1), 0), w2)
    err = np.linalg.norm(y_fp32 - y_int8) / np.linalg.norm(y_fp32)

    params = w1.size + w2.size
    macs = TOKENS * params  # every weight is used once per token
    print(f"MLP {D_MODEL}->{D_FF}->{D_MODEL}: {params:,} weights")
    print(f"per {TOKENS} tokens: {macs:,} multiply-adds = {2 * macs:,} ops")
    print(f"weights fp32: {params * 4:,} bytes")
    print(f"weights int8: {params:,} bytes + {(D_FF + D_MODEL) * 4:,} bytes of scales")
    print(f"int8 relative output error: {err:.4f}")
    print(f"arithmetic intensity fp32: {2 * macs / (params * 4):.1f} ops/byte, "
          f"int8: {2 * macs / params:.1f} ops/byte")
    print("On phones decoding is memory-bound, so 4x fewer weight bytes is the main win.")


if __name__ == "__main__":
    main()
