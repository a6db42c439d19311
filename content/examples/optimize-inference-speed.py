"""Greedy decoding with vs without a KV cache: identical logits, far fewer multiply-adds."""
import numpy as np

D, VOCAB, PROMPT_LEN, NEW_TOKENS = 32, 50, 8, 56
rng = np.random.default_rng(0)
EMB = rng.normal(0.0, 1.0, (VOCAB, D))
WQ, WK, WV = (rng.normal(0.0, D**-0.5, (D, D)) for _ in range(3))


def attend(q: np.ndarray, k: np.ndarray, v: np.ndarray) -> np.ndarray:
    scores = k @ q / np.sqrt(D)
    p = np.exp(scores - scores.max())
    return (p / p.sum()) @ v


def decode(prompt: list[int], use_cache: bool) -> tuple[list[int], list[np.ndarray], int]:
    """Greedy decode with one causal attention layer; returns tokens, logits, MAC count."""
    tokens, all_logits, macs = list(prompt), [], 0
    k_cache = np.empty((0, D))
    v_cache = np.empty((0, D))
    for _ in range(NEW_TOKENS):
        t = len(tokens)
        if use_cache:  # project only the tokens not yet in the cache
            x_new = EMB[tokens[len(k_cache):]]
            k_cache = np.vstack([k_cache, x_new @ WK])
            v_cache = np.vstack([v_cache, x_new @ WV])
            macs += 2 * len(x_new) * D * D
            k, v = k_cache, v_cache
        else:  # recompute K and V for the whole prefix every step
            x_all = EMB[tokens]
            k, v = x_all @ WK, x_all @ WV
            macs += 2 * t * D * D
        x = EMB[tokens[-1]]
        h = x + attend(x @ WQ, k, v)
        logits = h @ EMB.T
        macs += D * D + 2 * t * D + D * VOCAB  # query, scores + weighted sum, LM head
        all_logits.append(logits)
        tokens.append(int(np.argmax(logits)))
    return tokens, all_logits, macs


def main() -> None:
    prompt = [int(i) for i in rng.integers(0, VOCAB, PROMPT_LEN)]
    toks_a, logits_a, macs_a = decode(prompt, use_cache=False)
    toks_b, logits_b, macs_b = decode(prompt, use_cache=True)
    same = toks_a == toks_b and all(np.allclose(a, b) for a, b in zip(logits_a, logits_b))
    print(f"prompt {PROMPT_LEN} tokens, generated {NEW_TOKENS} tokens, d_model={D}")
    print(f"same tokens and logits: {same}")
    print(f"multiply-adds without KV cache: {macs_a:,}")
    print(f"multiply-adds with KV cache:    {macs_b:,}")
    print(f"saving: {macs_a / macs_b:.2f}x (grows with sequence length)")
    cached = len(toks_b) - 1
    print(f"KV cache: 2 x {cached} x {D} floats = {2 * cached * D * 4:,} bytes (fp32)")


if __name__ == "__main__":
    main()
