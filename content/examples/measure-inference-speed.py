"""Latency metrics from request traces: TTFT, TPOT, end-to-end latency, tokens/s, p50 and p99."""
import math
from typing import NamedTuple


class Trace(NamedTuple):
    arrival_ms: int      # request reaches the server
    first_token_ms: int  # first output token is sent
    done_ms: int         # last output token is sent
    out_tokens: int


# Fixed synthetic traces; request 7 hit a long queue, request 9 a long prompt.
TRACES = [
    Trace(0, 180, 1_980, 101), Trace(50, 210, 1_810, 81), Trace(120, 260, 4_010, 151),
    Trace(200, 390, 1_390, 51), Trace(260, 430, 2_430, 101), Trace(330, 470, 1_070, 41),
    Trace(400, 2_900, 4_900, 101), Trace(450, 640, 2_240, 81), Trace(520, 1_400, 2_400, 51),
    Trace(600, 760, 5_260, 151),
]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: simple and exactly reproducible."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def main() -> None:
    ttft = [t.first_token_ms - t.arrival_ms for t in TRACES]
    tpot = [(t.done_ms - t.first_token_ms) / (t.out_tokens - 1) for t in TRACES]
    e2e = [t.done_ms - t.arrival_ms for t in TRACES]
    tokens = sum(t.out_tokens for t in TRACES)
    wall_s = (max(t.done_ms for t in TRACES) - min(t.arrival_ms for t in TRACES)) / 1000
    print(f"{len(TRACES)} requests, {tokens} output tokens in {wall_s:.2f} s")
    for name, vals in [("TTFT ms", ttft), ("TPOT ms/token", tpot), ("E2E ms", e2e)]:
        mean = sum(vals) / len(vals)
        print(f"{name:14s} mean {mean:8.1f}  p50 {percentile(vals, 50):8.1f}  "
              f"p99 {percentile(vals, 99):8.1f}")
    print(f"system throughput: {tokens / wall_s:.1f} tokens/s")
    print(f"per-request decode speed (median): {1000 / percentile(tpot, 50):.1f} tokens/s")
    print("The mean hides the queued request; report tail percentiles too.")


if __name__ == "__main__":
    main()
