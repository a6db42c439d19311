"""FP8 (E4M3, E5M2), FP4 (E2M1) with MXFP4 and NVFP4 block scales, and INT4 g128: ranges, error, bits per weight."""
import numpy as np


def fp_grid(exp_bits: int, man_bits: int, bias: int, ieee_specials: bool) -> np.ndarray:
    """All finite non-negative values of a small float format, decoded from its bit patterns."""
    # Exponent field e > 0: (1 + m / 2^M) * 2^(e - bias); e = 0: subnormal (m / 2^M) * 2^(1 - bias).
    vals = []
    top = 2 ** exp_bits - 1
    for e in range(2 ** exp_bits):
        for m in range(2 ** man_bits):
            if ieee_specials and e == top:
                continue  # E5M2: top exponent is Inf/NaN, as in IEEE 754
            if not ieee_specials and exp_bits == 4 and e == top and m == 2 ** man_bits - 1:
                continue  # E4M3 (OCP "fn"): only S.1111.111 is NaN, no Inf
            if e == 0:
                vals.append(m / 2 ** man_bits * 2.0 ** (1 - bias))  # subnormal
            else:
                vals.append((1 + m / 2 ** man_bits) * 2.0 ** (e - bias))
    return np.array(sorted(set(vals)))


E4M3, E5M2, E2M1 = fp_grid(4, 3, 7, False), fp_grid(5, 2, 15, True), fp_grid(2, 1, 1, False)


def round_to(grid: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Round to nearest grid value (saturating at the largest finite value)."""
    a = np.clip(np.abs(x), 0, grid[-1])
    i = np.clip(np.searchsorted(grid, a), 1, len(grid) - 1)
    lo, hi = grid[i - 1], grid[i]
    return np.sign(x) * np.where(a - lo <= hi - a, lo, hi)


def per_tensor(grid, x):
    s = np.abs(x).max() / grid[-1]  # map the tensor's amax to the format's max
    return round_to(grid, x / s) * s


def mxfp4(x, block=32):
    b = x.reshape(-1, block)
    amax = np.abs(b).max(axis=1, keepdims=True)
    scale = 2.0 ** (np.floor(np.log2(amax)) - 2)  # E8M0 power of two; 2 = exponent of E2M1's max (6 = 1.5 * 2^2)
    return (round_to(E2M1, b / scale) * scale).reshape(x.shape)


def nvfp4(x, block=16):
    b = x.reshape(-1, block)
    g = np.abs(x).max() / (448.0 * 6.0)  # FP32 per-tensor scale keeps block scales inside E4M3 range
    s = round_to(E4M3, np.abs(b).max(axis=1, keepdims=True) / 6.0 / g) * g  # E4M3 block scale
    return (round_to(E2M1, b / s) * s).reshape(x.shape)


def int4_g128(x, group=128):
    b = x.reshape(-1, group)
    s = (np.abs(b).max(axis=1, keepdims=True) / 7.0).astype(np.float16).astype(np.float64)
    return (np.clip(np.round(b / s), -8, 7) * s).reshape(x.shape)


def rel_err(x, y) -> float:
    return float(np.linalg.norm(x - y) / np.linalg.norm(x))


def main() -> None:
    for name, g, bias in (("E4M3", E4M3, 7), ("E5M2", E5M2, 15), ("E2M1", E2M1, 1)):
        print(f"{name}: max {g[-1]:g}, min normal 2^{1 - bias}, min subnormal 2^{np.log2(g[1]):.0f}, "
              f"{2 * len(g) - 1} distinct finite values")
    rng = np.random.default_rng(0)
    w = rng.normal(0, 0.02, (64, 4096))
    w[rng.random(w.shape) < 1e-3] *= 25  # sparse outliers, as in real weight matrices
    print(f"\ntensor {w.shape[0]}x{w.shape[1]}, std 0.02, 0.1% outliers x25 (max |w| {np.abs(w).max():.3f})")
    cases = [("FP8 E4M3, per-tensor scale", 8.0, per_tensor(E4M3, w)),
             ("FP8 E5M2, per-tensor scale", 8.0, per_tensor(E5M2, w)),
             ("FP4 E2M1, per-tensor scale", 4.0, per_tensor(E2M1, w)),
             ("MXFP4 (32-block, E8M0 scale)", 4 + 8 / 32, mxfp4(w)),
             ("NVFP4 (16-block, E4M3 scale)", 4 + 8 / 16, nvfp4(w)),
             ("INT4 g128 (FP16 scale), RTN", 4 + 16 / 128, int4_g128(w))]
    params, bw = 70e9, 3.35e12
    print(f"{'format':30s} {'bits/w':>6s} {'rel. error':>10s} {'70B weights':>11s} {'read @3.35TB/s':>14s}")
    for name, bits, wq in cases:
        gb = params * bits / 8 / 1e9
        print(f"{name:30s} {bits:6.3f} {rel_err(w, wq):10.4f} {gb:8.1f} GB {gb * 1e9 / bw * 1e3:11.1f} ms")
    print(f"{'BF16 (reference)':30s} {16:6.3f} {'-':>10s} {params * 2 / 1e9:8.1f} GB {params * 2 / bw * 1e3:11.1f} ms")


if __name__ == "__main__":
    main()
