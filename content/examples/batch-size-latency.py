"""Size a deployment from arrival rate and a TPOT SLO with Little's law, then check it with a batching simulation."""
import math
from collections import deque

import numpy as np

# Llama-3.1-8B BF16 on one H100 (80 GB, 3.35 TB/s, 989 TFLOP/s); decode at 70% of peak bandwidth and
# prefill at 50% of peak FLOP/s are assumptions, as in the cost-per-token example.
BW, FLOPS, MBU, MFU = 3.35e12, 989e12, 0.70, 0.50
W_BYTES, PARAMS, KV_TOKEN = 16.06e9, 8.03e9, 131072
P, O = 1000, 400  # prompt and output tokens per request
T0 = W_BYTES / (BW * MBU)  # s per decode step: read the weights once
K = (P + O / 2) * KV_TOKEN / (BW * MBU)  # s per step per running sequence: read its KV (mean context P + O/2)
PF = 2 * PARAMS / (FLOPS * MFU)  # s per prefill token
B_MEM = int((80e9 * 0.9 - W_BYTES) // ((P + O) * KV_TOKEN))  # sequences whose full KV fits


def steady_state(lam: float) -> tuple[float, float] | None:
    """Per-replica fixed point: TPOT = (T0 + K*B) / (1 - lam*P*PF) and Little's law B = lam * O * TPOT."""
    denom = 1 - lam * P * PF - K * lam * O
    if denom <= 0:
        return None  # arrivals exceed capacity: queues grow without bound
    tpot = T0 / denom
    return tpot, lam * O * tpot


def simulate(lam: float, horizon: float, rng: np.random.Generator) -> dict[str, float]:
    """Step-level continuous batching: each step prefills every newly admitted request and decodes every running one.
    Every request emits exactly O tokens, one per step from its admission step on, so requests finish in FIFO order."""
    arrivals = np.cumsum(rng.exponential(1 / lam, int(lam * horizon * 1.2)))
    arrivals = arrivals[arrivals < horizon]
    t, k, nxt, ctx = 0.0, 0, 0, 0  # time, step index, next arrival, sum of running contexts
    waiting, running = deque(), deque()  # running: (arrival, admission step, first-token time)
    area = step_sum = 0.0
    steps = 0
    batches = []
    resp, ttft, tpot = [], [], []
    while nxt < len(arrivals) or waiting or running:
        while nxt < len(arrivals) and arrivals[nxt] <= t:
            waiting.append(arrivals[nxt])
            nxt += 1
        if not waiting and not running:
            t = arrivals[nxt]
            continue
        admit = min(len(waiting), B_MEM - len(running))
        step = (W_BYTES + (ctx + admit * P) * KV_TOKEN) / (BW * MBU) + admit * P * PF
        if t < horizon:
            area += (len(waiting) + len(running)) * min(step, horizon - t)
        if 60.0 < t < horizon:  # steady state: skip the first minute
            step_sum += step
            steps += 1
        t += step
        for _ in range(admit):
            running.append((waiting.popleft(), k, t))  # prefill emits the first token at the end of this step
        if 60.0 < t < horizon:  # steady state: skip the first minute
            batches.append(len(running))
        ctx += admit * P + len(running)  # every running sequence grew by one token
        while running and k - running[0][1] + 1 == O:
            arr, _, first = running.popleft()
            ctx -= P + O
            resp.append(t - arr)
            ttft.append(first - arr)
            tpot.append((t - first) / (O - 1))
        k += 1
    return {"L": area / horizon, "W": float(np.mean(resp)), "lam": len(arrivals) / horizon, "n": len(resp),
            "step": step_sum / steps, "tpot": float(np.mean(tpot)), "ttft": float(np.mean(ttft)),
            "b_mean": float(np.mean(batches)), "b_p99": float(np.percentile(batches, 99)), "b_max": max(batches)}


def main() -> None:
    print(f"Per replica: step = {T0 * 1e3:.2f} ms + {K * 1e6:.0f} us x running seqs + {PF * 1e6:.1f} us x prefill tokens;"
          f" {P}-token prompts, {O}-token outputs; KV room for {B_MEM} sequences")
    print(" req/s  TPOT ms  running seqs  decode s (O x TPOT)")
    for lam in (2, 6, 10, 12, 14, 16):
        res = steady_state(lam)
        if res is None:
            print(f" {lam:5.1f}  unstable (over capacity)")
            continue
        tpot, b = res
        print(f" {lam:5.1f} {tpot * 1e3:8.1f} {b:13.0f} {O * tpot:13.1f}" + ("  > KV room" if b > B_MEM else ""))
    slo, total = 0.040, 50.0
    lam_max = (1 - T0 / slo) / (P * PF + K * O)  # solve TPOT(lam) = SLO
    tpot_max, b_max = steady_state(lam_max)
    reps = math.ceil(total / lam_max)
    tpot_r, b_r = steady_state(total / reps)
    print(f"SLO TPOT <= {slo * 1e3:.0f} ms: one replica takes {lam_max:.1f} req/s (batch {b_max:.0f} <= {B_MEM}); "
          f"{total:.0f} req/s needs {reps} replicas, each at {total / reps:.1f} req/s: TPOT {tpot_r * 1e3:.1f} ms, "
          f"batch {b_r:.0f}")
    sim = simulate(total / reps, 600.0, np.random.default_rng(0))
    formula = steady_state(sim["lam"])[0]
    print(f"Simulated replica, Poisson arrivals at {sim['lam']:.2f} req/s for 600 s ({sim['n']} requests):")
    print(f"  mean step {sim['step'] * 1e3:.1f} ms (formula at this rate {formula * 1e3:.1f} ms), "
          f"mean TPOT {sim['tpot'] * 1e3:.1f} ms, mean TTFT {sim['ttft'] * 1e3:.0f} ms, mean time in system W {sim['W']:.2f} s")
    print(f"  Little's law: measured mean in system L = {sim['L']:.1f}, lambda x W = {sim['lam'] * sim['W']:.1f}")
    print(f"  running sequences per step: mean {sim['b_mean']:.0f}, p99 {sim['b_p99']:.0f}, max {sim['b_max']} "
          f"(KV room {B_MEM}): size memory for the peak, not the mean")


if __name__ == "__main__":
    main()
