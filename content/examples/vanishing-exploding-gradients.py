"""Gradient clipping by global norm: rescale all gradients together so their direction is kept."""
import numpy as np


def global_norm(grads: list[np.ndarray]) -> float:
    return float(np.sqrt(sum(np.sum(g * g) for g in grads)))


def clip_by_global_norm(grads: list[np.ndarray], max_norm: float) -> tuple[list[np.ndarray], float]:
    norm = global_norm(grads)
    scale = min(1.0, max_norm / (norm + 1e-6))
    return [g * scale for g in grads], norm


def flat(grads: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([g.ravel() for g in grads])


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def main() -> None:
    rng = np.random.default_rng(0)
    grads = [rng.normal(0, 0.01, (64, 64)), rng.normal(0, 0.01, 64), rng.normal(0, 0.01, (64, 16))]
    grads[2][5, 3] = 40.0  # one exploding entry, e.g. from a loss spike on a bad batch
    clipped, before = clip_by_global_norm(grads, max_norm=1.0)
    print(f"global norm before: {before:.4f}, after: {global_norm(clipped):.4f}")
    print(f"direction kept (cosine with original): {cosine(flat(grads), flat(clipped)):.4f}")
    per_element = [np.clip(g, -0.05, 0.05) for g in grads]
    print(f"element-wise clip to +-0.05: norm {global_norm(per_element):.4f}, "
          f"cosine {cosine(flat(grads), flat(per_element)):.4f} (direction changed)")
    small = [g * 1e-3 for g in grads]
    unchanged = all(np.array_equal(a, b) for a, b in zip(small, clip_by_global_norm(small, 1.0)[0]))
    print(f"small gradients (norm {global_norm(small):.4f}) left unchanged: {unchanged}")
    print("LLM training commonly uses max_norm=1.0 together with AdamW and warmup.")


if __name__ == "__main__":
    main()
