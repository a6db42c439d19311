"""Pipeline bubbles from an event simulation, and what TP, PP and DP each cost on 8 GPUs for Llama-3.1-70B."""
import numpy as np

HBM, GPU_MEM = 3.35e12, 80e9  # H100 SXM: bytes/s, bytes


def simulate(stage_times: list[float], m: int) -> tuple[float, float]:
    """Forward-only pipeline: micro-batch j enters stage s when stage s is free and j left stage s-1."""
    p = len(stage_times)
    done = np.zeros((m, p))
    for j in range(m):
        for s in range(p):
            ready = done[j, s - 1] if s else 0.0
            free = done[j - 1, s] if j else 0.0
            done[j, s] = max(ready, free) + stage_times[s]
    makespan = done[-1, -1]
    return makespan, m * sum(stage_times) / (p * makespan)


def main() -> None:
    p = 4
    for m in (1, 4, 16, 64):
        span, util = simulate([1.0] * p, m)
        print(f"p={p} equal stages, m={m:2d} micro-batches: makespan {span:4.0f} stage-times, "
              f"utilization {util:.2f} (m/(m+p-1) = {m / (m + p - 1):.2f})")
    span, util = simulate([1.0, 1.0, 1.0, 1.3], 64)
    print(f"one stage 30% slower, m=64: utilization {util:.2f}; throughput is set by the slowest stage")

    # Llama-3.1-70B: 141.1 GB of BF16 weights, 320 KiB of KV cache per token (80 layers x 8 KV heads x 128 x 2 x 2 B)
    weights, kv_token = 141.1e9, 80 * 8 * 128 * 2 * 2
    print("Llama-3.1-70B on 8 x H100 80 GB (weight-read floor of one decode step, no communication):")
    for name, tp, pp, dp in [("TP8", 8, 1, 1), ("TP4 x PP2", 4, 2, 1), ("TP4 x DP2", 4, 1, 2), ("TP2 x DP4", 2, 1, 4)]:
        per_gpu = weights / (tp * pp)
        if per_gpu > GPU_MEM:
            print(f"  {name:10s}: {per_gpu / 1e9:5.1f} GB of weights per GPU > 80 GB, does not fit")
            continue
        stage_ms = per_gpu / HBM * 1e3  # each stage reads its own shard
        latency = pp * stage_ms  # a token passes every stage in turn
        in_flight = pp * dp  # batches progressing at once (pp micro-batches per replica)
        kv_room = 8 * GPU_MEM - weights * dp  # replicas duplicate the weights
        print(f"  {name:10s}: per-token latency {latency:5.1f} ms, {in_flight} batches in flight, "
              f"{in_flight / latency * 1e3:4.0f} batch-steps/s, KV room {kv_room / 1e9:3.0f} GB "
              f"= {kv_room / kv_token / 1e6:.2f}M tokens")

    # Llama-3.1-405B: 126 layers, hidden 16384; does it fit in one 8-GPU node?
    w405 = 405.8e9 * 2
    print(f"Llama-3.1-405B BF16 weights {w405 / 1e9:.0f} GB vs 8 x 80 = 640 GB in one node -> needs two nodes")
    act = 64 * 16384 * 2  # decode batch 64, one hidden vector per token, BF16
    print(f"  PP across the nodes: {act / 2**20:.0f} MiB per step crosses the boundary once, "
          f"{act / 50e9 * 1e6:.0f} us at 50 GB/s (one 400 Gb/s NIC)")
    print(f"  TP16 across the nodes instead: {2 * 126} all-reduces per step, each with an inter-node hop")


if __name__ == "__main__":
    main()
