"""Two training-speed levers in numbers: padding waste vs sequence packing, and ZeRO memory per GPU."""
import numpy as np

CONTEXT, BATCH = 4096, 8  # tokens per row, rows per padded batch


def padded_tokens(lengths: np.ndarray) -> int:
    """Each batch of BATCH samples is padded to its longest sample."""
    return sum(int(lengths[i:i + BATCH].max()) * len(lengths[i:i + BATCH])
               for i in range(0, len(lengths), BATCH))


def packed_rows(lengths: np.ndarray) -> int:
    """First-fit decreasing: put samples end to end into CONTEXT-token rows."""
    free: list[int] = []
    for n in sorted(lengths.tolist(), reverse=True):
        for i, room in enumerate(free):
            if n <= room:
                free[i] -= n
                break
        else:
            free.append(CONTEXT - n)
    return len(free)


def zero_gb(params: float, gpus: int, stage: int, k: int = 12) -> float:
    """Bytes per GPU for mixed-precision Adam (ZeRO paper): 2 fp16 weights + 2 fp16 grads + k optimizer."""
    weights, grads, optim = 2 * params, 2 * params, k * params
    if stage >= 1:
        optim /= gpus
    if stage >= 2:
        grads /= gpus
    if stage >= 3:
        weights /= gpus
    return (weights + grads + optim) / 1e9


def main() -> None:
    rng = np.random.default_rng(0)
    lengths = np.minimum(rng.lognormal(6.0, 1.0, 2000).astype(int) + 16, CONTEXT)  # skewed lengths
    real = int(lengths.sum())
    pad = padded_tokens(lengths)
    rows = packed_rows(lengths)
    print(f"{len(lengths)} samples, {real:,} real tokens (median length {int(np.median(lengths))})")
    print(f"pad each batch of {BATCH} to its longest: {pad:,} token slots, "
          f"{real / pad:.1%} useful")
    print(f"pack into {CONTEXT}-token rows: {rows} rows = {rows * CONTEXT:,} slots, "
          f"{real / (rows * CONTEXT):.1%} useful ({pad / (rows * CONTEXT):.2f}x fewer slots)")
    print("(a block-diagonal attention mask, e.g. variable-length FlashAttention, keeps packed samples apart)")

    psi, nd = 7.5e9, 64  # the ZeRO paper's example: 7.5B parameters on 64 GPUs
    print(f"memory per GPU for {psi / 1e9:g}B params, {nd} GPUs, mixed-precision Adam:")
    for stage, label in [(0, "data parallel"), (1, "ZeRO-1 (optimizer states)"),
                         (2, "ZeRO-2 (+ gradients)"), (3, "ZeRO-3 (+ parameters)")]:
        print(f"  {label:26s} {zero_gb(psi, nd, stage):6.1f} GB")


if __name__ == "__main__":
    main()
