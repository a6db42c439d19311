"""Transfer learning in a linear toy: frozen pretrained backbone + new head, then LoRA on the backbone."""
import numpy as np

D_IN, D_FEAT = 64, 16
rng = np.random.default_rng(0)
W_TRUE = rng.normal(0, D_IN**-0.5, (D_FEAT, D_IN))  # the features the world is made of


def rel_error(pred: np.ndarray, y: np.ndarray) -> float:
    """Test MSE relative to the variance of the targets (0 = perfect, 1 = predicting the mean)."""
    return float(np.mean((pred - y) ** 2) / np.var(y))


def lstsq(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Least squares, minimum-norm when there are fewer samples than weights."""
    return np.linalg.lstsq(x, y, rcond=None)[0]


def train_lora(w0: np.ndarray, x: np.ndarray, y: np.ndarray, rank: int,
               steps: int = 300, lr: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Gradient descent on B (zero init) and A (small random init) only; w0 stays frozen."""
    b = np.zeros((w0.shape[0], rank))
    a = rng.normal(0, 0.01, (rank, w0.shape[1]))
    for _ in range(steps):
        grad_w = ((w0 + b @ a) @ x.T - y.T) @ x / len(x)  # d(loss)/dW for 0.5 * mean squared error
        b, a = b - lr * grad_w @ a.T, a - lr * b.T @ grad_w
    return b, a


def main() -> None:
    # Pre-training: 16 source tasks with plenty of data teach the backbone the 16 features.
    xs = rng.normal(size=(2000, D_IN))
    backbone = lstsq(xs, xs @ W_TRUE.T + rng.normal(0, 0.1, (2000, D_FEAT))).T  # 16 x 64
    print(f"backbone: {D_FEAT} features of {D_IN} inputs, pre-trained on {len(xs):,} source samples")

    # Target task 1: a new output on the same features, only 24 labelled samples (< 64 inputs).
    u = rng.normal(size=D_FEAT)
    x_tr, x_te = rng.normal(size=(24, D_IN)), rng.normal(size=(2000, D_IN))
    y_tr = x_tr @ W_TRUE.T @ u + rng.normal(0, 0.1, 24)
    y_te = x_te @ W_TRUE.T @ u
    scratch = lstsq(x_tr, y_tr)
    head = lstsq(x_tr @ backbone.T, y_tr)
    print(f"new output on the same features, {len(x_tr)} labelled samples:")
    rows = [(f"train from scratch ({D_IN} weights)", rel_error(x_te @ scratch, y_te)),
            (f"frozen backbone + new head ({D_FEAT} weights)", rel_error(x_te @ backbone.T @ head, y_te))]
    for label, err in rows:
        print(f"  {label:44s} test error {err:.3f}")

    # Target task 2: the features themselves shift by a rank-2 change; adapt the backbone.
    delta = rng.normal(size=(D_FEAT, 2)) @ rng.normal(size=(2, D_IN)) * 0.05
    x_tr, x_te = rng.normal(size=(200, D_IN)), rng.normal(size=(2000, D_IN))
    y_tr = x_tr @ (W_TRUE + delta).T + rng.normal(0, 0.3, (200, D_FEAT))
    y_te = x_te @ (W_TRUE + delta).T
    full = lstsq(x_tr, y_tr).T
    b, a = train_lora(backbone, x_tr, y_tr, rank=2)
    merged = backbone + b @ a
    lora_params, full_params = b.size + a.size, backbone.size
    print(f"features shifted by a rank-2 change, {len(x_tr)} noisy samples:")
    rows = [("pre-trained backbone as is (0 weights)", rel_error(x_te @ backbone.T, y_te)),
            (f"full fine-tune ({full_params:,} weights)", rel_error(x_te @ full.T, y_te)),
            (f"LoRA r=2 ({lora_params} weights, {lora_params / full_params:.1%} of the layer)",
             rel_error(x_te @ merged.T, y_te))]
    for label, err in rows:
        print(f"  {label:44s} test error {err:.3f}")
    adapter_path = x_te @ backbone.T + (x_te @ a.T) @ b.T
    print(f"  merged (W0 + BA) x vs W0 x + B(A x): max |diff| {np.abs(x_te @ merged.T - adapter_path).max():.1e}")

    # LoRA at real scale: Llama-2-7B, rank 8 on the q and v projections of all 32 layers.
    hidden, inter, layers, vocab = 4096, 11008, 32, 32000
    total = 2 * vocab * hidden + layers * (4 * hidden**2 + 3 * hidden * inter + 2 * hidden) + hidden
    lora = layers * 2 * 8 * (hidden + hidden)
    print(f"Llama-2-7B, LoRA r=8 on q,v: {lora:,} of {total:,} weights trained ({lora / total:.3%})")


if __name__ == "__main__":
    main()
