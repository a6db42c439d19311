"""Swap vs recompute cost per token, and optimistic admission with preemption vs reserve-max-tokens admission."""
import math

import numpy as np

H100_FLOPS, H100_BW = 989e12, 3.35e12  # dense BF16 FLOP/s, HBM bytes/s
MFU, MBU = 0.5, 0.7  # assumed achieved fractions for prefill (compute) and decode (bandwidth)
BLOCK = 16  # tokens per KV block


def swap_vs_recompute() -> None:
    models = {"Llama-2-7B (MHA)": (6.74e9, 2 * 32 * 32 * 128 * 2), "Llama-3.1-8B (GQA)": (8.03e9, 2 * 32 * 8 * 128 * 2)}
    print(f"[1] cost per token of context to bring a preempted request back (H100, prefill at {MFU:.0%} MFU)")
    for name, (params, kv_bytes) in models.items():
        recompute_us = 2 * params / (H100_FLOPS * MFU) * 1e6
        swaps = ", ".join(f"PCIe {g} {2 * kv_bytes / bw * 1e6:.1f} us" for g, bw in (("4.0", 32e9), ("5.0", 64e9)))
        print(f"    {name}: KV {kv_bytes // 1024} KiB/token; recompute {recompute_us:.1f} us; "
              f"swap out+in at peak {swaps}")


class Req:
    def __init__(self, prompt: int, out: int) -> None:
        self.prompt, self.out, self.gen, self.blocks, self.evicted = prompt, out, 0, 0, False


def simulate(reqs: list[Req], pool: int, reserve_max: int | None) -> dict[str, float]:
    """Continuous batching, strict FCFS admission. reserve_max=None: admit if the current tokens fit and
    preempt the newest request (recompute) when a block runs out; otherwise reserve prompt + reserve_max."""
    waiting, running, free = list(reqs), [], pool
    steps = preempts = recomputed = out_tokens = 0
    busy_s = batch_sum = 0.0
    while waiting or running:
        prefill = 0
        i = 0
        while i < len(running):  # every running request needs room for one more token
            r = running[i]
            if reserve_max is None and (r.prompt + r.gen + 1) > r.blocks * BLOCK:
                if free == 0:
                    victim = running.pop()  # newest first
                    free += victim.blocks
                    victim.blocks, victim.evicted = 0, True
                    waiting.insert(0, victim)
                    preempts += 1
                    continue  # retry r (unless r itself was the victim)
                free -= 1
                r.blocks += 1
            i += 1
        while waiting:  # strict FCFS: stop at the first request that does not fit
            r = waiting[0]
            need_tokens = r.prompt + (reserve_max if reserve_max is not None else r.gen + 1)
            need = math.ceil(need_tokens / BLOCK)
            if need > free:
                break
            waiting.pop(0)
            free -= need
            r.blocks = need
            prefill += r.prompt + r.gen  # a preempted request recomputes its prompt and its output so far
            recomputed += (r.prompt + r.gen) if r.evicted else 0
            running.append(r)
        ctx = sum(r.prompt + r.gen for r in running)
        busy_s += (16.06e9 + ctx * 131072) / (H100_BW * MBU) + prefill * 2 * 8.03e9 / (H100_FLOPS * MFU)
        batch_sum += len(running)
        steps += 1
        for r in list(running):  # each running request emits one token this step
            r.gen += 1
            out_tokens += 1
            if r.gen == r.out:
                running.remove(r)
                free += r.blocks
    return {"steps": steps, "batch": batch_sum / steps, "preempts": preempts, "recomputed": recomputed,
            "time": busy_s, "tok_s": out_tokens / busy_s}


def main() -> None:
    swap_vs_recompute()
    rng = np.random.default_rng(0)
    n, pool, max_tokens = 64, 1500, 1500
    prompts = rng.integers(200, 801, n)
    outs = np.clip(rng.exponential(400, n), 20, max_tokens).astype(int)
    print(f"[2] {n} requests at once, prompts 200-800 tokens, outputs mean {outs.mean():.0f} (max {outs.max()}), "
          f"KV pool {pool} blocks x {BLOCK} tokens; cost model Llama-3.1-8B on one H100")
    for label, reserve in (("optimistic + preempt (vLLM-style)", None),
                           (f"reserve prompt+{max_tokens} (no evict)", max_tokens)):
        res = simulate([Req(int(p), int(o)) for p, o in zip(prompts, outs)], pool, reserve)
        print(f"    {label:36s}: mean batch {res['batch']:5.1f}, steps {res['steps']:5d}, "
              f"preemptions {res['preempts']:3d}, tokens recomputed {res['recomputed']:6d}, "
              f"{res['time']:.1f} s, {res['tok_s']:.0f} tok/s")
    print("Optimistic admission runs bigger batches and pays with recomputation; reservation never preempts.")


if __name__ == "__main__":
    main()
