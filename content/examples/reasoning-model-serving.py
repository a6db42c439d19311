"""Why reasoning workloads are decode- and KV-bound: one H100 serving Llama-3.1-8B, chat vs long chain-of-thought."""
LAYERS, KV_HEADS, HEAD_DIM, BYTES = 32, 8, 128, 2          # Llama-3.1-8B, BF16 KV cache
WEIGHTS = 8.03e9 * 2                                        # BF16 weights, bytes
HBM, BW, UTIL = 80e9, 3.35e12, 0.90                         # H100 SXM; engine may use 90% of HBM
KV_PER_TOKEN = 2 * LAYERS * KV_HEADS * HEAD_DIM * BYTES     # K and V, every layer


def serve(prompt: int, output: int, reserve_full: bool) -> dict:
    budget = HBM * UTIL - WEIGHTS
    avg_ctx = prompt + output / 2            # a running request is halfway through on average
    per_req = (prompt + output if reserve_full else avg_ctx) * KV_PER_TOKEN
    batch = int(budget // per_req)
    step = (WEIGHTS + batch * avg_ctx * KV_PER_TOKEN) / BW   # decode is memory-bound: bytes / bandwidth
    return {"batch": batch, "step_ms": step * 1e3, "tok_s": batch / step,
            "latency_s": output * step, "kv_share": 1 - WEIGHTS / (step * BW)}


def main() -> None:
    print(f"KV cache: {KV_PER_TOKEN // 1024} KiB/token; KV budget {(HBM * UTIL - WEIGHTS) / 1e9:.1f} GB "
          f"after {WEIGHTS / 1e9:.1f} GB of weights")
    for name, prompt, output in (("chat", 1000, 1000), ("reasoning", 1000, 32000),
                                 ("reasoning, 8k thinking budget", 1000, 8000)):
        kv_end = (prompt + output) * KV_PER_TOKEN
        print(f"\n{name}: {prompt} prompt + {output} output tokens, KV at the end {kv_end / 2**30:.2f} GiB/request")
        for label, full in (("reserve max length", True), ("paged, average use", False)):
            r = serve(prompt, output, full)
            print(f"  {label}: batch {r['batch']:4d}, step {r['step_ms']:5.1f} ms "
                  f"(KV = {r['kv_share']:.0%} of bytes read), {r['tok_s']:6.0f} tok/s, "
                  f"request decode time {r['latency_s']:6.1f} s")
    n, prompt, output = 8, 1000, 32000
    shared = (prompt + n * output) * KV_PER_TOKEN
    separate = n * (prompt + output) * KV_PER_TOKEN
    print(f"\nself-consistency n={n}: KV {separate / 2**30:.1f} GiB without prefix sharing, "
          f"{shared / 2**30:.1f} GiB with it ({1 - shared / separate:.1%} saved; the traces dominate)")


if __name__ == "__main__":
    main()
