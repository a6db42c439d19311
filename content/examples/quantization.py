"""Symmetric INT8 quantization: per-tensor vs per-channel scales when one channel has outliers."""
import numpy as np


def quantize(w: np.ndarray, axis: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Return int8 codes and scales; axis=None gives a single per-tensor scale."""
    if axis is None:
        max_abs = np.abs(w).max()
    else:
        max_abs = np.abs(w).max(axis=axis, keepdims=True)
    scale = max_abs / 127.0
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, np.asarray(scale)


def rel_err(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(a - b) / np.linalg.norm(a))


def main() -> None:
    rng = np.random.default_rng(0)
    w = rng.normal(0.0, 0.02, size=(8, 512)).astype(np.float32)  # 8 output channels (rows)
    w[3] *= 40.0  # outlier channel
    normal_rows = [r for r in range(8) if r != 3]
    big, small = np.abs(w[3]).max(), np.abs(w[normal_rows]).max()
    print(f"max |w|: outlier channel {big:.4f}, other channels {small:.4f}")
    for name, axis in [("per-tensor", None), ("per-channel", 1)]:
        q, scale = quantize(w, axis)
        w_hat = q.astype(np.float32) * scale
        used = len(np.unique(q[normal_rows]))
        print(f"{name:11s}: {scale.size} scale(s), rel. error all {rel_err(w, w_hat):.4f}, "
              f"normal rows {rel_err(w[normal_rows], w_hat[normal_rows]):.4f}, levels used {used}")
    print("One outlier stretches a shared scale, so small channels collapse onto few levels.")
    print("Activation outliers cause the same problem (see LLM.int8(), SmoothQuant).")


if __name__ == "__main__":
    main()
