"""Online SGD on a drifting data stream vs a frozen model: error before and after the drift."""
import numpy as np

N_STEPS, DRIFT_AT, DIM, LR = 1500, 600, 5, 0.02


def stream(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    w_old = rng.normal(0.0, 1.0, DIM)
    w_new = w_old + rng.normal(0.0, 1.0, DIM)  # the world changes at DRIFT_AT
    x = rng.normal(0.0, 1.0, (N_STEPS, DIM))
    true_w = np.where(np.arange(N_STEPS)[:, None] < DRIFT_AT, w_old, w_new)
    y = np.sum(x * true_w, axis=1) + rng.normal(0.0, 0.1, N_STEPS)
    return x, y


def main() -> None:
    rng = np.random.default_rng(0)
    x, y = stream(rng)
    warmup = 200
    frozen = np.linalg.lstsq(x[:warmup], y[:warmup], rcond=None)[0]  # trained once, then frozen
    online = frozen.copy()

    frozen_err, online_err = np.zeros(N_STEPS), np.zeros(N_STEPS)
    for t in range(warmup, N_STEPS):
        frozen_err[t] = (x[t] @ frozen - y[t]) ** 2
        pred = x[t] @ online
        online_err[t] = (pred - y[t]) ** 2  # evaluate first, then learn (prequential)
        online -= LR * (pred - y[t]) * x[t]  # one SGD step on the squared error

    windows = [("before drift", warmup, DRIFT_AT), ("just after drift", DRIFT_AT, DRIFT_AT + 100),
               ("late after drift", N_STEPS - 300, N_STEPS)]
    print(f"stream of {N_STEPS} examples, drift at step {DRIFT_AT}; mean squared error:")
    print("window              frozen   online SGD")
    for name, lo, hi in windows:
        print(f"{name:18s}  {frozen_err[lo:hi].mean():6.3f}   {online_err[lo:hi].mean():6.3f}")
    print("Online updates recover after drift; the frozen model stays wrong until retrained.")
    print("For LLMs, prefer refreshing retrieval data or periodic adapter updates with evals")
    print("over per-request weight updates, which risk forgetting and poisoning.")


if __name__ == "__main__":
    main()
