"""Speculative sampling on a toy vocabulary: exact output distribution, tokens per round, large-batch cost."""
import numpy as np

V, GAMMA, STEPS = 8, 4, 40_000


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


def tv(a: np.ndarray, b: np.ndarray) -> float:
    return 0.5 * float(np.abs(a - b).sum())


def simulate(p, q, rng, residual_ok=True):
    """Run STEPS draft-verify rounds; return emitted-token frequencies and tokens per round."""
    drafts = rng.choice(V, size=(STEPS, GAMMA), p=q)
    accept = rng.random((STEPS, GAMMA)) < np.minimum(1.0, p[drafts] / q[drafts])
    k = np.where(accept.all(axis=1), GAMMA, np.argmin(accept, axis=1))  # accepted prefix length
    residual = np.maximum(p - q, 0.0)
    residual /= residual.sum()
    fix = rng.choice(V, size=STEPS, p=residual if residual_ok else p)  # token after a rejection
    bonus = rng.choice(V, size=STEPS, p=p)  # token after gamma acceptances
    last = np.where(k < GAMMA, fix, bonus)
    kept = drafts[np.arange(GAMMA) < k[:, None]]
    counts = np.bincount(kept, minlength=V) + np.bincount(last, minlength=V)
    return counts / counts.sum(), k + 1


def step_ms(tokens: int, params=8.0e9, bw=3.35e12, flops=989e12) -> float:
    """Roofline step time of a BF16 dense model: read all weights once, or do 2*params FLOPs per token."""
    return 1e3 * max(2 * params / bw, 2 * params * tokens / flops)


def main() -> None:
    rng = np.random.default_rng(0)
    p = softmax(rng.normal(0, 1.5, V))                   # target model's next-token distribution
    q = softmax(np.log(p) + rng.normal(0, 0.8, V))       # draft model: a perturbed copy
    alpha = float(np.minimum(p, q).sum())
    expected = (1 - alpha ** (GAMMA + 1)) / (1 - alpha)
    freq, tokens = simulate(p, q, rng)
    wrong, _ = simulate(p, q, rng, residual_ok=False)
    print(f"alpha = sum(min(p, q)) = {alpha:.3f}, gamma = {GAMMA}, {STEPS} rounds")
    print(f"tokens per round: simulated {tokens.mean():.3f}, formula (1-a^(g+1))/(1-a) = {expected:.3f}")
    print(f"TV(output, p) = {tv(freq, p):.4f}  (TV(q, p) = {tv(q, p):.4f} for the draft alone)")
    print(f"TV(output, p) = {tv(wrong, p):.4f} if rejected tokens are resampled from p, not max(0, p-q)")
    c = 0.05
    print(f"\nbatch-1 speed-up E/(gamma*c+1), draft cost c = {c}:")
    for g in (1, 2, 4, 6, 8):
        e = (1 - alpha ** (g + 1)) / (1 - alpha)
        print(f"  gamma={g}: {e:.2f} tokens/round, speed-up {e / (g * c + 1):.2f}x")
    print(f"\n8e9-param BF16 target on H100 (3.35 TB/s, 989 TFLOPS), gamma={GAMMA}, c={c}")
    print("step time = max(weight bytes / BW, FLOPs / peak), attention and KV reads ignored:")
    for b in (1, 16, 64, 128, 256):
        plain = step_ms(b)
        spec = step_ms(b * (GAMMA + 1)) + GAMMA * c * plain
        print(f"  batch {b:3d}: plain step {plain:5.2f} ms, verify {b * (GAMMA + 1):4d} tokens "
              f"{step_ms(b * (GAMMA + 1)):5.2f} ms, speed-up {expected * plain / spec:.2f}x")


if __name__ == "__main__":
    main()
