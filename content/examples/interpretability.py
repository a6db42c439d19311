"""Reading attention weights: which earlier token each query attends to most in a toy sentence."""
import numpy as np

# Hand-made features: animate noun, object noun, pronoun, verb, function word, adjective
FEATURES = {"the": 4, "cat": 0, "sat": 3, "on": 4, "mat": 1,
            "because": 4, "it": 2, "was": 3, "tired": 5}
SENTENCE = "the cat sat on the mat because it was tired".split()
# What each feature's query looks for (row = query feature, column = key feature).
LOOKS_FOR = np.zeros((6, 6))
LOOKS_FOR[2, 0] = 4.0          # pronoun -> animate noun (coreference)
LOOKS_FOR[3, [0, 2]] = 3.0     # verb -> its subject (noun or pronoun)
LOOKS_FOR[5, 2] = 4.0          # adjective -> what it describes
LOOKS_FOR[4, 1] = 1.0          # function word -> nearby object noun
LOOKS_FOR[0, 4] = LOOKS_FOR[1, 4] = 1.0  # noun -> its determiner


def attention(tokens: list[str]) -> np.ndarray:
    x = np.eye(6)[[FEATURES[t] for t in tokens]]
    x += np.random.default_rng(0).normal(0.0, 0.05, x.shape)  # a little noise, like real embeddings
    pos = np.arange(len(tokens))
    scores = (x @ LOOKS_FOR) @ x.T - 0.3 * (pos[:, None] - pos[None, :])  # ALiBi-like recency bias
    causal = np.triu(np.ones((len(tokens), len(tokens)), dtype=bool), k=1)
    scores[causal] = -np.inf  # decoder-only model: only look back
    w = np.exp(scores - scores.max(axis=1, keepdims=True))
    return w / w.sum(axis=1, keepdims=True)


def main() -> None:
    w = attention(SENTENCE)
    for i, tok in enumerate(SENTENCE):
        j = int(np.argmax(w[i]))
        print(f"{i}:{tok:8s} -> {j}:{SENTENCE[j]:8s} weight {w[i, j]:.2f}")
    print("Attention shows where information flows, not why; check with ablations (see Q20).")


if __name__ == "__main__":
    main()
