"""RoPE scaling (PI, NTK-aware, YaRN) per frequency, RoPE's relative-position property, and KV size of windows."""
import math

import numpy as np

D, BASE, L_TRAIN, SCALE = 128, 10000.0, 4096, 4.0      # Llama-2-like RoPE, extend 4K -> 16K


def inv_freq(base=BASE):
    return base ** (-np.arange(0, D, 2) / D)            # theta_i, i = 0 .. D/2 - 1


def yarn_inv_freq(alpha=1.0, beta=32.0):
    theta = inv_freq()
    r = L_TRAIN / (2 * math.pi / theta)                 # how many full turns dim i makes in the trained length
    gamma = np.clip((r - alpha) / (beta - alpha), 0.0, 1.0)
    return (1 - gamma) * theta / SCALE + gamma * theta  # interpolate slow dims, keep fast dims


def rotate(x, pos, theta):
    """Apply RoPE to a D-vector at position pos (pairs (2i, 2i+1) rotated by pos * theta_i)."""
    a, b = x[0::2], x[1::2]
    c, s = np.cos(pos * theta), np.sin(pos * theta)
    out = np.empty_like(x)
    out[0::2], out[1::2] = a * c - b * s, a * s + b * c
    return out


def main() -> None:
    theta = inv_freq()
    wavelength = 2 * math.pi / theta
    slow = int((wavelength > L_TRAIN).sum())
    print(f"RoPE d={D}, base={BASE:.0f}: wavelengths {wavelength[0]:.1f} .. {wavelength[-1]:,.0f} tokens; "
          f"{slow} of {D // 2} pairs never finish one turn in {L_TRAIN} tokens")
    ntk_base = BASE * SCALE ** (D / (D - 2))
    schemes = {"PI": theta / SCALE, "NTK-aware": inv_freq(ntk_base), "YaRN": yarn_inv_freq()}
    print(f"scale s={SCALE:.0f} ({L_TRAIN} -> {int(L_TRAIN * SCALE)}); NTK-aware base {ntk_base:,.0f}")
    print("frequency kept (theta'/theta) for pair i:")
    picks = [0, 16, 32, 40, 48, 63]
    print("  i          " + "".join(f"{i:>8d}" for i in picks))
    print("  wavelength " + "".join(f"{wavelength[i]:>8.0f}" for i in picks))
    for name, th in schemes.items():
        print(f"  {name:10s} " + "".join(f"{th[i] / theta[i]:>8.3f}" for i in picks))
    print(f"YaRN attention factor sqrt(1/t) = 0.1 ln s + 1 = {0.1 * math.log(SCALE) + 1:.3f}")

    rng = np.random.default_rng(0)
    q, k = rng.standard_normal(D), rng.standard_normal(D)
    s1 = rotate(q, 5000, theta) @ rotate(k, 4990, theta)
    s2 = rotate(q, 10, theta) @ rotate(k, 0, theta)
    print(f"RoPE score depends only on distance: q@5000.k@4990 = {s1:.6f}, q@10.k@0 = {s2:.6f}")
    far = int(L_TRAIN * SCALE) - 1
    print(f"slowest pair angle at position {far}: raw {far * theta[-1]:.3f} rad, PI {far * theta[-1] / SCALE:.3f} "
          f"rad, trained max {(L_TRAIN - 1) * theta[-1]:.3f} rad")

    layers, kv_heads, head_dim, ctx = 32, 8, 128, 131072    # Llama-3.1-8B at 128K, BF16
    per_token = 2 * layers * kv_heads * head_dim * 2
    window, sinks = 4096, 4
    print(f"KV cache for one {ctx}-token sequence (Llama-3.1-8B shape, BF16):")
    print(f"  full attention            {per_token * ctx / 2**30:6.2f} GiB")
    print(f"  sliding window W={window}    {per_token * window / 2**30:6.2f} GiB  (rolling buffer, slot = pos % W)")
    print(f"  StreamingLLM {sinks} sinks+{window - sinks}  {per_token * window / 2**30:6.2f} GiB  "
          f"(tokens outside the cache are forgotten)")
    print(f"  receptive field of {layers} SWA layers: {window * layers:,} tokens (information moves W per layer)")


if __name__ == "__main__":
    main()
