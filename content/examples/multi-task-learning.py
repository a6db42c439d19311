"""Multi-task learning: one shared encoder with small task heads vs separate models per task."""
import numpy as np

VOCAB, D, LAYERS, FF = 32_000, 768, 12, 3072
TASKS = {"sentiment": 3, "topic": 20, "toxicity": 2}  # task -> number of classes


def encoder_params() -> int:
    per_layer = 4 * D * D + 2 * D * FF + 4 * D  # attention + MLP + 2 LayerNorms (weights only)
    return VOCAB * D + LAYERS * per_layer


def head_params(classes: int) -> int:
    return D * classes + classes


def shared_forward(x: np.ndarray, enc: np.ndarray,
                   heads: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Hard parameter sharing: encode once, then every head reads the same features."""
    h = np.tanh(x @ enc)
    return {task: h @ w for task, w in heads.items()}


def main() -> None:
    enc = encoder_params()
    separate = sum(enc + head_params(c) for c in TASKS.values())
    shared = enc + sum(head_params(c) for c in TASKS.values())
    print(f"encoder: {enc / 1e6:.1f}M params; heads: " +
          ", ".join(f"{t} {head_params(c):,}" for t, c in TASKS.items()))
    print(f"separate models: {separate / 1e6:.1f}M params ({separate * 2 / 1e6:.0f} MB fp16)")
    print(f"shared encoder:  {shared / 1e6:.1f}M params ({shared * 2 / 1e6:.0f} MB fp16), "
          f"{separate / shared:.2f}x smaller")
    enc_macs = LAYERS * (4 * D * D + 2 * D * FF)  # per token, ignoring attention scores
    print(f"per-token encoder MACs: separate {len(TASKS) * enc_macs / 1e6:.1f}M, "
          f"shared {enc_macs / 1e6:.1f}M")

    rng = np.random.default_rng(0)  # tiny runnable version of the shared forward pass
    small_enc = rng.normal(0.0, 0.1, (16, 8))
    heads = {t: rng.normal(0.0, 0.1, (8, c)) for t, c in TASKS.items()}
    out = shared_forward(rng.normal(size=(4, 16)), small_enc, heads)
    print("toy shared forward output shapes:", {t: o.shape for t, o in out.items()})
    print("An instruction-tuned LLM is the extreme case: one model, tasks chosen by the prompt.")


if __name__ == "__main__":
    main()
