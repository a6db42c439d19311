"""Serving metrics from simulated request traces: TTFT, TPOT vs ITL, end-to-end, output tokens/s, p50/p99."""
import math

import numpy as np

N_REQUESTS = 200
rng = np.random.default_rng(0)


def percentile(values: np.ndarray, p: float) -> float:
    """Nearest-rank percentile: the ceil(p/100 * n)-th smallest value, exactly reproducible."""
    ordered = np.sort(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return float(ordered[rank - 1])


def simulate() -> list[np.ndarray]:
    """Token timestamps (ms) per request: arrival, queueing, prefill, then decode gaps with stalls."""
    arrivals = np.cumsum(rng.exponential(250.0, N_REQUESTS))     # about 4 requests/s
    traces = []
    for arrival in arrivals:
        queue = rng.uniform(500, 3000) if rng.random() < 0.05 else rng.uniform(0, 40)
        prefill = 20 + 0.05 * rng.integers(100, 2001)              # ms, grows with prompt length
        n_out = int(rng.integers(20, 301))
        gaps = rng.normal(25.0, 2.0, n_out - 1).clip(15, None)     # one decode step per gap
        stalls = rng.random(n_out - 1) < 0.02                      # another request's prefill cut in
        gaps[stalls] += rng.uniform(150, 400, stalls.sum())
        first = arrival + queue + prefill
        traces.append(np.concatenate([[arrival, first], first + np.cumsum(gaps)]))
    return traces


def main() -> None:
    traces = simulate()
    ttft = np.array([t[1] - t[0] for t in traces])
    tpot = np.array([(t[-1] - t[1]) / (len(t) - 2) for t in traces])   # mean gap per request
    itl = np.concatenate([np.diff(t[1:]) for t in traces])              # every gap, pooled
    e2e = np.array([t[-1] - t[0] for t in traces])
    out_tokens = sum(len(t) - 1 for t in traces)
    wall_s = (max(t[-1] for t in traces) - min(t[0] for t in traces)) / 1000
    print(f"{N_REQUESTS} requests, {out_tokens:,} output tokens, {len(itl):,} inter-token gaps, "
          f"{wall_s:.1f} s")
    for name, vals in [("TTFT ms", ttft), ("TPOT ms", tpot), ("ITL ms", itl), ("E2E ms", e2e)]:
        print(f"{name:8s} mean {vals.mean():7.1f}  p50 {percentile(vals, 50):7.1f}  "
              f"p99 {percentile(vals, 99):7.1f}  max {vals.max():7.1f}")
    print(f"nearest-rank p99 of {N_REQUESTS} samples is the {math.ceil(0.99 * N_REQUESTS)}th smallest; "
          f"of 10 samples it is the {math.ceil(0.99 * 10)}th, i.e. the maximum.")
    print(f"ITL p99 / TPOT p99 = {percentile(itl, 99) / percentile(tpot, 99):.1f}x: "
          f"per-request means hide the stalls that per-gap ITL shows.")
    print(f"TTFT mean / median = {ttft.mean() / percentile(ttft, 50):.1f}x: a few queued requests "
          f"pull the mean up.")
    print(f"throughput: {out_tokens / wall_s:.1f} output tokens/s (prompt tokens not counted), "
          f"{N_REQUESTS / wall_s:.2f} requests/s")


if __name__ == "__main__":
    main()
