"""Early stopping with patience on a synthetic validation-loss curve that starts to overfit."""
import numpy as np


def curves(epochs: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    e = np.arange(epochs)
    train = 2.0 * np.exp(-e / 12) + 0.3                       # keeps improving
    val = 2.0 * np.exp(-e / 12) + 0.45 + 0.0006 * np.maximum(0, e - 25) ** 2  # turns up later
    return train, val + rng.normal(0.0, 0.015, epochs)        # noisy validation estimates


def early_stop(val: np.ndarray, patience: int, min_delta: float) -> tuple[int, int]:
    """Return (best_epoch, stop_epoch). Stop after `patience` epochs without improvement."""
    best, best_epoch, waited = float("inf"), 0, 0
    for epoch, loss in enumerate(val):
        if loss < best - min_delta:
            best, best_epoch, waited = loss, epoch, 0  # in practice: save a checkpoint here
        else:
            waited += 1
            if waited >= patience:
                return best_epoch, epoch
    return best_epoch, len(val) - 1


def main() -> None:
    epochs = 80
    train, val = curves(epochs)
    for e in range(0, epochs, 10):
        print(f"epoch {e:2d}: train {train[e]:.4f}  val {val[e]:.4f}")
    for patience in [2, 5, 10]:
        best, stop = early_stop(val, patience, min_delta=1e-3)
        print(f"patience {patience:2d}: stop at epoch {stop}, restore epoch {best} "
              f"(val {val[best]:.4f}), saved {epochs - 1 - stop} epochs")
    print(f"true minimum of the noisy curve: epoch {int(np.argmin(val))} (val {val.min():.4f})")
    print("Too little patience stops on noise; too much wastes compute.")


if __name__ == "__main__":
    main()
