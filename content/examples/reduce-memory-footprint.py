"""Magnitude pruning of a weight matrix: sparsity vs relative output error (unstructured, 2:4)."""
import numpy as np


def prune_unstructured(w: np.ndarray, sparsity: float) -> np.ndarray:
    """Zero the smallest-magnitude fraction `sparsity` of all weights."""
    if sparsity == 0.0:
        return w.copy()
    threshold = np.quantile(np.abs(w), sparsity)
    return np.where(np.abs(w) > threshold, w, 0.0)


def prune_2_of_4(w: np.ndarray) -> np.ndarray:
    """Keep the 2 largest of every 4 consecutive weights (hardware-friendly 2:4 sparsity)."""
    groups = w.reshape(-1, 4)
    order = np.argsort(np.abs(groups), axis=1)
    mask = np.ones_like(groups, dtype=bool)
    np.put_along_axis(mask, order[:, :2], False, axis=1)
    return (groups * mask).reshape(w.shape)


def rel_error(y: np.ndarray, y_hat: np.ndarray) -> float:
    return float(np.linalg.norm(y - y_hat) / np.linalg.norm(y))


def main() -> None:
    rng = np.random.default_rng(0)
    d_in, d_out = 256, 256
    w = rng.standard_t(df=4, size=(d_in, d_out)) * 0.02  # heavy-tailed, like trained weights
    x = rng.normal(size=(64, d_in))
    y = x @ w
    print("sparsity  nonzeros  rel. output error")
    for s in [0.0, 0.25, 0.5, 0.75, 0.9]:
        wp = prune_unstructured(w, s)
        print(f"{s:8.2f}  {np.count_nonzero(wp):8d}  {rel_error(y, x @ wp):.4f}")
    w24 = prune_2_of_4(w)
    print(f"2:4 pattern (sparsity {1 - np.count_nonzero(w24) / w.size:.2f}): "
          f"rel. error {rel_error(y, x @ w24):.4f}")
    nnz = np.count_nonzero(w24)
    values, meta = nnz * 2, nnz * 2 // 8  # fp16 values + a 2-bit position per kept value
    print(f"fp16 bytes: dense {w.size * 2:,}; 2:4 compressed {values:,} + {meta:,} "
          f"metadata = {values + meta:,}")
    print("Zeros only save memory when stored in a sparse format the kernel understands.")


if __name__ == "__main__":
    main()
