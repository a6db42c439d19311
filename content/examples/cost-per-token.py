"""Cost per million tokens for Llama-3.1-8B on one H100: batch size, TPOT SLO, MFU, and fleet utilization."""
PRICE = 2.50  # USD per GPU-hour (assumed; use your own contract price)
PEAK_FLOPS, PEAK_BW, HBM = 989e12, 3.35e12, 80e9  # H100 SXM: dense BF16, HBM3 bytes/s, bytes
PARAMS = 8.03e9
W_BYTES = PARAMS * 2  # BF16 weights
KV_TOKEN = 2 * 32 * 8 * 128 * 2  # bytes of K+V per token (32 layers, 8 KV heads, head dim 128, BF16)
CTX = 2048  # average tokens per sequence during decode
MBU = 0.70  # achieved fraction of peak bandwidth in decode (assumed)
PREFILL_MFU = 0.50  # achieved fraction of peak FLOP/s in prefill (assumed)
SLO_TPOT = 0.025  # s


def usd_per_million(tokens_per_s: float, gpus: int = 1) -> float:
    return PRICE * gpus / 3600 / tokens_per_s * 1e6


def tpot(batch: int) -> float:
    mem = (W_BYTES + batch * CTX * KV_TOKEN) / (PEAK_BW * MBU)  # weights once + every sequence's KV per step
    compute = batch * 2 * PARAMS / PEAK_FLOPS  # lower bound from FLOPs at 100% of peak
    return max(mem, compute)


def main() -> None:
    kv_room = HBM * 0.9 - W_BYTES
    max_batch = int(kv_room // (CTX * KV_TOKEN))
    print(f"Llama-3.1-8B BF16 on 1x H100 at ${PRICE:.2f}/GPU-h; {CTX}-token contexts; decode MBU {MBU:.0%} (assumed)")
    print(f"KV room {kv_room / 1e9:.1f} GB -> at most {max_batch} sequences")
    print(" batch  TPOT ms  tok/s/user  output tok/s    MFU  $/1M output")
    for b in (1, 8, 32, 64, 128, max_batch):
        t = tpot(b)
        thr = b / t
        mfu = thr * 2 * PARAMS / PEAK_FLOPS
        print(f" {b:5d} {t * 1e3:8.1f} {1 / t:11.0f} {thr:13.0f} {mfu:6.1%} {usd_per_million(thr):12.3f}")
    slo_batch = max(b for b in range(1, max_batch + 1) if tpot(b) <= SLO_TPOT)
    thr = slo_batch / tpot(slo_batch)
    print(f"TPOT SLO {SLO_TPOT * 1e3:.0f} ms -> batch {slo_batch}, {thr:.0f} tok/s, ${usd_per_million(thr):.3f}/1M output")
    for util in (0.6, 0.3):
        print(f"  fleet busy {util:.0%} of the time on average -> ${usd_per_million(thr * util):.3f}/1M output")
    prefill = PEAK_FLOPS * PREFILL_MFU / (2 * PARAMS)
    print(f"Prefill at {PREFILL_MFU:.0%} MFU: {prefill:,.0f} input tok/s -> ${usd_per_million(prefill):.4f}/1M input "
          f"({usd_per_million(thr) / usd_per_million(prefill):.1f}x cheaper than output at the SLO)")


if __name__ == "__main__":
    main()
