"""Multi-LoRA serving: one shared base GEMM plus per-segment LoRA (SGMV-style) equals per-request merged weights; adapter sizes."""
import numpy as np


def main() -> None:
    rng = np.random.default_rng(0)
    d_in, d_out, alpha = 256, 256, 16.0
    W = rng.normal(0, 0.05, size=(d_out, d_in))
    ranks = {1: 8, 2: 16, 3: 64}  # adapter id -> rank (0 = base model, no adapter)
    adapters = {i: (rng.normal(0, 0.05, size=(r, d_in)), rng.normal(0, 0.05, size=(d_out, r))) for i, r in ranks.items()}
    ids = np.array([2, 0, 1, 2, 3, 1, 0, 2, 3, 3, 1, 2])  # one token per request in a decode batch
    x = rng.normal(size=(len(ids), d_in))

    # Reference: every request runs against its own merged weight W + (alpha/r) B A
    ref = np.stack([x[i] @ (W + (alpha / ranks[a]) * adapters[a][1] @ adapters[a][0]).T if a else x[i] @ W.T
                    for i, a in enumerate(ids)])

    # Batched: one base GEMM for the whole batch, then LoRA per segment of requests sharing an adapter
    order = np.argsort(ids, kind="stable")
    y = x @ W.T
    segments = 0
    for a in np.unique(ids):
        if a == 0:
            continue
        rows = order[ids[order] == a]  # a contiguous segment after sorting
        A, B = adapters[a]
        y[rows] += (alpha / ranks[a]) * (x[rows] @ A.T) @ B.T  # shrink to rank r, then expand
        segments += 1
    print(f"batch of {len(ids)} requests, {segments} adapters + base: max |batched - merged| = {np.abs(y - ref).max():.1e}")

    # Llama-3.1-8B: adapters on q, k, v, o, gate, up, down in 32 layers
    shapes = [(4096, 4096), (4096, 1024), (4096, 1024), (4096, 4096), (4096, 14336), (4096, 14336), (14336, 4096)]
    base_bytes = 8.03e9 * 2
    print("Llama-3.1-8B LoRA on all 7 projections, FP16:")
    for r in (8, 16, 64):
        params = 32 * sum(r * (i + o) for i, o in shapes)
        size = params * 2
        print(f"  rank {r:2d}: {params / 1e6:6.1f}M params = {size / 1e6:6.1f} MB ({params / 8.03e9:.2%} of the base params); "
              f"{int(8e9 // size):4d} fit in 8 GB; load over PCIe 5.0 {size / 64e9 * 1e3:4.1f} ms")
    r16 = 32 * sum(16 * (i + o) for i, o in shapes) * 2
    for n in (1, 8, 32):
        print(f"  decode step with {n:2d} distinct rank-16 adapters reads {n * r16 / 1e9:.2f} GB extra "
              f"(+{n * r16 / base_bytes:.1%} over the {base_bytes / 1e9:.1f} GB base)")
    merged = 100 * base_bytes
    print(f"100 adapters: unmerged {100 * r16 / 1e9:.1f} GB on top of one base vs {merged / 1e12:.1f} TB as merged copies")


if __name__ == "__main__":
    main()
