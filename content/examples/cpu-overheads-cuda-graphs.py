"""Decode-step timeline: when CPU launch cost per kernel exceeds GPU time per kernel, the GPU idles."""

BW = 3.35e12            # H100 SXM HBM bandwidth, bytes/s
LAUNCH_US = 5.0         # assumed CPU cost per eager kernel launch (Python + dispatcher + cudaLaunchKernel)
GRAPH_LAUNCH_US = 10.0  # assumed CPU cost of one cudaGraphLaunch for the whole step
SMALL_KERNEL_US = 2.0   # assumed GPU time of a small elementwise / norm kernel at batch 1

# Kernels per decoder layer. "G" = weight GEMM (memory-bound at batch 1), "s" = small kernel
# (attention counts as small: short context). Fused, as in serving engines: add+norm, qkv, rope,
# kv-cache write, attention, o-proj, add+norm, gate_up, silu*mul, down.
FUSED = ["s", "G", "s", "s", "s", "G", "s", "G", "s", "G"]
# Unfused eager (illustrative): RMSNorm as 6 pointwise/reduction kernels, separate q/k/v/o, gate/up/down GEMMs,
# RoPE, cache write and attention as 10 small kernels, residual adds separate.
UNFUSED = ["s"] * 6 + ["G"] * 3 + ["s"] * 10 + ["G"] + ["s"] * 7 + ["G"] * 2 + ["s"] * 2 + ["G"] + ["s"]


def step_kernels(layers, weight_bytes, layer_kernels):
    """GPU duration (s) of every kernel in one decode step; weights spread evenly over the GEMMs."""
    gemms = layers * layer_kernels.count("G")
    gemm_s = weight_bytes / BW / gemms
    return [gemm_s if k == "G" else SMALL_KERNEL_US * 1e-6 for k in layer_kernels] * layers


def simulate(durations, per_launch_s, graph):
    """Asynchronous launch queue; the step starts after a host sync (sampled token copied to the CPU)."""
    if graph:                              # one launch, then kernels run back to back (idealized)
        return GRAPH_LAUNCH_US * 1e-6 + sum(durations)
    cpu_done, gpu_free = 0.0, 0.0
    for dur in durations:
        cpu_done += per_launch_s           # CPU finishes issuing this kernel
        gpu_free = max(gpu_free, cpu_done) + dur
    return gpu_free


def main() -> None:
    print(f"inputs: {BW / 1e12:.2f} TB/s, eager launch {LAUNCH_US} us/kernel, graph launch "
          f"{GRAPH_LAUNCH_US} us/step, small kernel {SMALL_KERNEL_US} us; batch 1, weights BF16")
    models = [("1B dense, 16 layers", 16, 1.24e9 * 2), ("8B dense, 32 layers", 32, 8.03e9 * 2),
              ("8B, TP=4, per GPU, all-reduce not modeled", 32, 8.03e9 * 2 / 4)]
    for name, layers, wbytes in models:
        print(f"{name} ({wbytes / 1e9:.2f} GB of weights):")
        for label, kernels, graph in [("unfused eager", UNFUSED, False), ("unfused + CUDA graph", UNFUSED, True),
                                      ("fused eager", FUSED, False), ("fused + CUDA graph", FUSED, True)]:
            durs = step_kernels(layers, wbytes, kernels)
            busy = sum(durs)
            step = simulate(durs, LAUNCH_US * 1e-6, graph)
            cpu = GRAPH_LAUNCH_US * 1e-6 if graph else LAUNCH_US * 1e-6 * len(durs)
            bound = "CPU-bound" if cpu > busy else "GPU-bound"
            print(f"  {label:20s} {len(durs):5d} kernels  CPU {cpu * 1e3:5.2f} ms  GPU busy {busy * 1e3:5.2f} ms"
                  f"  step {step * 1e3:5.2f} ms  GPU idle {1 - busy / step:4.0%}  {bound}")
    print("(graph replay idealized: no gaps between kernels)")
    print("Launch cost is per kernel, not per byte: shrinking the GPU work (small model, TP, fast HBM)")
    print("leaves the CPU as the bottleneck; fusion cuts kernels, CUDA graphs cut launches to one.")


if __name__ == "__main__":
    main()
