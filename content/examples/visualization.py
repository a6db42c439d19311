"""Text-mode visualization: an ASCII heatmap of a causal attention matrix."""
import numpy as np

SHADES = " .:-=+*#%@"  # light to dark
TOKENS = ["<s>", "The", "cat", "sat", "on", "the", "mat", "."]


def toy_attention(n: int) -> np.ndarray:
    rng = np.random.default_rng(0)
    scores = rng.normal(0.0, 1.0, (n, n))
    scores += 2.0 * np.eye(n)          # attend to the current token
    scores += 1.5 * np.eye(n, k=-1)    # and to the previous one
    scores[:, 0] += 1.5                # "attention sink" on the first token
    scores[np.triu_indices(n, k=1)] = -np.inf  # causal mask
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    return w / w.sum(axis=1, keepdims=True)


def heatmap(w: np.ndarray, labels: list[str]) -> list[str]:
    width = max(len(t) for t in labels) + 2
    levels = np.minimum((w * len(SHADES)).astype(int), len(SHADES) - 1)
    lines = [" " * (width + 1) + " ".join(str(j) for j in range(len(labels))) + "   <- keys"]
    for i, (row, weights) in enumerate(zip(levels, w)):
        cells = " ".join(SHADES[v] for v in row)
        top = int(np.argmax(weights))
        name = f"{i}:{labels[i]}"
        lines.append(f"{name:<{width}} {cells}   max {weights[top]:.2f} on '{labels[top]}'")
    return lines


def main() -> None:
    w = toy_attention(len(TOKENS))
    print("\n".join(heatmap(w, TOKENS)))
    print(f"legend: '{SHADES}' = weight 0.0 ... 1.0; blank upper triangle = masked future")
    print(f"rows sum to 1: {bool(np.allclose(w.sum(axis=1), 1.0))}; "
          f"mean weight on <s>: {w[:, 0].mean():.2f}")


if __name__ == "__main__":
    main()
