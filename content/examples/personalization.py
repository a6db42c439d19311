"""Per-user LoRA adapters: y = W x + (alpha/r) B A x, with parameter counts vs full fine-tuning."""
import numpy as np

D, RANK, ALPHA = 64, 4, 8.0


class LoRALinear:
    """A frozen shared weight plus one small trainable low-rank adapter per user."""

    def __init__(self, w: np.ndarray) -> None:
        self.w = w
        self.adapters: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def add_user(self, user: str, rng: np.random.Generator) -> None:
        a = rng.normal(0.0, D**-0.5, (RANK, D))
        b = rng.normal(0.0, 0.1, (D, RANK))  # trained in practice; B starts at zero then
        self.adapters[user] = (a, b)

    def __call__(self, x: np.ndarray, user: str | None = None) -> np.ndarray:
        y = self.w @ x
        if user in self.adapters:
            a, b = self.adapters[user]
            y = y + (ALPHA / RANK) * (b @ (a @ x))  # two thin matmuls, W never copied
        return y

    def merged(self, user: str) -> np.ndarray:
        a, b = self.adapters[user]
        return self.w + (ALPHA / RANK) * (b @ a)  # fold in for zero-overhead serving


def main() -> None:
    rng = np.random.default_rng(0)
    layer = LoRALinear(rng.normal(0.0, D**-0.5, (D, D)))
    for user in ["alice", "bob"]:
        layer.add_user(user, rng)
    x = rng.normal(size=D)
    base = layer(x)
    for user in ["alice", "bob"]:
        delta = np.linalg.norm(layer(x, user) - base) / np.linalg.norm(base)
        same = np.allclose(layer(x, user), layer.merged(user) @ x)
        print(f"{user:5s}: output shift vs base {delta:.4f}, merged W gives same output: {same}")

    full, lora = D * D, RANK * 2 * D
    print(f"toy layer: full fine-tune {full:,} params, LoRA r={RANK} {lora:,} ({lora / full:.1%})")
    d, layers, n_users = 4096, 32, 1000  # 7B-class model, adapters on q and v projections
    adapter = layers * 2 * (2 * d * 8)
    print(f"7B, r=8 on q,v: {adapter / 1e6:.2f}M params = {adapter * 2 / 1e6:.1f} MB/user (fp16)")
    print(f"{n_users} users: adapters {n_users * adapter * 2 / 1e9:.1f} GB, "
          f"full copies {n_users * 14:,} GB")
    print("Multi-adapter servers (e.g. S-LoRA) batch many users over one shared base model.")


if __name__ == "__main__":
    main()
