"""Greedy, temperature, top-k, top-p and min-p on one set of logits, plus repetition/frequency/presence penalties."""
import numpy as np

V = 32_000


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


def kept(p: np.ndarray, top_p=1.0, min_p=0.0) -> int:
    """How many tokens survive the filter (the sampler renormalizes over these)."""
    if min_p:
        return int((p >= min_p * p.max()).sum())
    s = np.sort(p)[::-1]  # top-p needs the sorted cumulative sum
    return int(np.searchsorted(np.cumsum(s), top_p) + 1)


def entropy_bits(p: np.ndarray) -> float:
    nz = p[p > 0]
    return float(-(nz * np.log2(nz)).sum())


def main() -> None:
    rng = np.random.default_rng(0)
    rank = np.arange(1, V + 1)
    logits = 4.0 - 1.2 * np.log(rank) + rng.normal(0, 0.3, V)  # Zipf-like long tail
    logits[1] = logits[0] - 0.1  # two close candidates at the top
    print(f"vocab {V}, greedy picks token {int(np.argmax(logits))}")
    print("T     p(top1)  entropy    top-k=50: mass kept   top-p=0.9: tokens kept   min-p=0.1: tokens kept")
    top_sets, top_p_sizes, min_p_sizes = set(), set(), set()
    for t in (0.3, 0.7, 1.0, 1.5):
        p = softmax(logits / t)
        top50 = np.sort(p)[::-1][:50].sum()
        top_sets.add(frozenset(np.argsort(p)[::-1][:50].tolist()))
        top_p_sizes.add(kept(p, top_p=0.9))
        min_p_sizes.add(kept(p, min_p=0.1))
        print(f"{t:<5} {p.max():7.3f}  {entropy_bits(p):5.2f} bit  {top50:19.1%}  "
              f"{kept(p, top_p=0.9):22d}  {kept(p, min_p=0.1):22d}")
    print(f"top-k=50 token sets across these T: {len(top_sets)} distinct; "
          f"top-p=0.9 set sizes: {len(top_p_sizes)} distinct; min-p=0.1 set sizes: {len(min_p_sizes)} distinct")

    history = [0, 0, 0, 5]  # tokens already generated: token 0 three times, token 5 once
    counts = np.bincount(history, minlength=V).astype(float)
    z = logits.copy()
    rep = np.where(z > 0, z / 1.2, z * 1.2)           # repetition penalty 1.2 (HF/vLLM form)
    z_rep = np.where(counts > 0, rep, z)
    z_fp = z - 0.5 * counts - 0.5 * (counts > 0)      # frequency 0.5, presence 0.5 (OpenAI form)
    for name, zz in (("none", z), ("repetition 1.2", z_rep), ("freq 0.5 + pres 0.5", z_fp)):
        p = softmax(zz)
        print(f"penalty {name:20s}: p(token 0) = {p[0]:.3f}, p(token 1) = {p[1]:.3f}, p(token 5) = {p[5]:.4f}")

    b, v_llama3 = 256, 128_256
    print(f"logits for batch {b} x vocab {v_llama3} in FP32: {b * v_llama3 * 4 / 1e6:.0f} MB per decode step")


if __name__ == "__main__":
    main()
