"""TPOT vs ITL on synthetic token timestamps, and why open-loop (Poisson) load shows queueing that closed loop hides."""
import numpy as np


def pct(x: np.ndarray, q: float) -> float:
    return float(np.percentile(x, q))


def token_metrics(rng: np.random.Generator) -> None:
    """200 streamed requests: 20 ms decode gaps, and 2% of gaps stalled 300 ms by other requests' prefills."""
    n_req, base, stall, p_stall = 200, 0.020, 0.300, 0.02
    tpot, itl, stalled = [], [], 0
    for _ in range(n_req):
        n_out = int(rng.integers(50, 301))
        gaps = base + rng.normal(0.0, 0.001, n_out - 1)
        gaps += stall * (rng.random(n_out - 1) < p_stall)
        itl.append(gaps)
        tpot.append(gaps.sum() / (n_out - 1))  # (t_last - t_first) / (n_out - 1)
        stalled += bool((gaps > 0.2).any())
    tpot, itl = np.array(tpot) * 1e3, np.concatenate(itl) * 1e3
    print(f"[1] {n_req} requests, {itl.size} inter-token gaps (base 20 ms, 2% of gaps +300 ms)")
    print(f"    TPOT per request: mean {tpot.mean():.1f} ms, p50 {pct(tpot, 50):.1f}, p99 {pct(tpot, 99):.1f}")
    print(f"    ITL per gap:      mean {itl.mean():.1f} ms, p50 {pct(itl, 50):.1f}, p99 {pct(itl, 99):.1f}")
    print(f"    requests with TPOT > 50 ms: {(tpot > 50).mean():.0%}; "
          f"requests that saw a >200 ms freeze: {stalled / n_req:.0%}")


def fifo_response_times(arrivals: np.ndarray, service: float) -> np.ndarray:
    """Single FIFO server, fixed service time. Lindley: wait_n = X_n - min(X_1..X_n), X_n = sum(service - gap)."""
    x = np.concatenate(([0.0], np.cumsum(service - np.diff(arrivals))))
    return x - np.minimum.accumulate(x) + service


def closed_loop(users: int, service: float, n: int) -> tuple[float, float]:
    """Each user sends its next request the moment its previous one returns (no think time)."""
    free_at, ready, resp, done_at = 0.0, [0.0] * users, [], 0.0
    for i in range(n):
        u = i % users  # FIFO order cycles through the users
        start = max(ready[u], free_at)
        free_at = start + service
        resp.append(free_at - ready[u])
        ready[u] = done_at = free_at
    return n / done_at, float(np.mean(resp))


def open_vs_closed(rng: np.random.Generator) -> None:
    s, slo, n = 1.0, 3.0, 200_000  # service time 1 s per request, SLO: response <= 3 s
    print(f"[2] toy server: one request at a time, {s:.0f} s each (capacity {1 / s:.0f} req/s), SLO {slo:.0f} s")
    for users in (1, 4):
        thr, mean_r = closed_loop(users, s, 10_000)
        label = f"{users} user" + ("s" if users > 1 else "")
        print(f"    closed loop, {label}: {thr:.2f} req/s, mean response {mean_r:.2f} s")
    print("    open loop, Poisson arrivals:")
    for rho in (0.5, 0.8, 0.9, 0.95):
        arrivals = np.cumsum(rng.exponential(s / rho, n))
        r = fifo_response_times(arrivals, s)
        theory = s + rho * s / (2 * (1 - rho))  # M/D/1 mean response time
        good = (r <= slo).mean() * rho / s
        print(f"    rate {rho:.2f} req/s: mean {r.mean():5.2f} s (M/D/1 {theory:5.2f}), p99 {pct(r, 99):5.2f} s, "
              f"goodput {good:.2f} req/s")


def main() -> None:
    rng = np.random.default_rng(0)
    token_metrics(rng)
    open_vs_closed(rng)
    print("Mean TPOT hides stalls that ITL p99 shows; only open-loop load exposes queueing near capacity.")


if __name__ == "__main__":
    main()
