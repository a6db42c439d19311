"""Energy per token = power x time / tokens: batching raises throughput faster than power draw."""
from typing import NamedTuple


class Measurement(NamedTuple):
    batch: int
    tokens_per_s: float  # aggregate decode throughput of the whole batch
    watts: float         # average board power while serving


# Synthetic but realistic-shaped numbers for one GPU decoding a 7B model.
TABLE = [
    Measurement(1, 45.0, 210.0),
    Measurement(4, 170.0, 240.0),
    Measurement(16, 600.0, 300.0),
    Measurement(64, 1700.0, 380.0),
    Measurement(128, 2300.0, 400.0),
]


def joules_per_token(m: Measurement) -> float:
    return m.watts / m.tokens_per_s  # (J/s) / (tokens/s) = J/token


def main() -> None:
    print("batch  tokens/s  watts  J/token  kWh per 1M tokens  ms/token per user")
    for m in TABLE:
        jpt = joules_per_token(m)
        kwh = jpt * 1e6 / 3.6e6
        per_user_ms = 1000 * m.batch / m.tokens_per_s
        print(f"{m.batch:5d}  {m.tokens_per_s:8.0f}  {m.watts:5.0f}  {jpt:7.3f}  "
              f"{kwh:17.3f}  {per_user_ms:17.1f}")
    first, last = TABLE[0], TABLE[-1]
    ratio = joules_per_token(first) / joules_per_token(last)
    print(f"batch {last.batch} uses {ratio:.0f}x less energy "
          f"per token than batch {first.batch}")
    print("Decoding is memory-bound: reading the weights once serves the whole batch, so")
    print("energy per token falls while per-user latency rises. Pick the largest batch")
    print("that still meets the latency target.")


if __name__ == "__main__":
    main()
