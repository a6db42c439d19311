"""Linear warmup + cosine decay learning-rate schedule, and LayerNorm vs RMSNorm on one vector."""
import math

import numpy as np


def lr_at(step: int, peak: float = 3e-4, floor: float = 3e-5,
          warmup: int = 100, total: int = 1000) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup  # linear warmup avoids huge early updates
    progress = min(1.0, (step - warmup) / (total - warmup))
    return floor + 0.5 * (peak - floor) * (1.0 + math.cos(math.pi * progress))


def layer_norm(x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    return (x - x.mean()) / np.sqrt(x.var() + eps)


def rms_norm(x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """No mean subtraction: one reduction instead of two (used by LLaMA-style models)."""
    return x / np.sqrt(np.mean(x * x) + eps)


def fmt(v: np.ndarray) -> str:
    return " ".join(f"{e:+.4f}" for e in v)


def main() -> None:
    steps = [0, 49, 99, 100, 325, 550, 775, 999]
    print("step  learning rate")
    for s in steps:
        print(f"{s:4d}  {lr_at(s):.3e}")
    x = np.array([2.0, -1.0, 0.5, 3.5])
    print(f"x         = {fmt(x)}")
    print(f"LayerNorm = {fmt(layer_norm(x))}  (mean 0, var 1)")
    print(f"RMSNorm   = {fmt(rms_norm(x))}  (not centered, RMS 1)")
    print(f"RMS of RMSNorm output: {np.sqrt(np.mean(rms_norm(x) ** 2)):.4f}")


if __name__ == "__main__":
    main()
