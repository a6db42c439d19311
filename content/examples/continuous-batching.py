"""Static vs dynamic (request-level) vs continuous (iteration-level) batching on the same request stream."""
import numpy as np

SLOTS = 32  # max sequences per batch


def step_time(tokens: int) -> float:
    """Toy cost of one forward pass in seconds: fixed weight-read time + per-token compute."""
    return 4.5e-3 + 0.03e-3 * tokens


def make_requests(n: int, rate: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    arrival = np.cumsum(rng.exponential(1.0 / rate, n))
    prompt = rng.integers(100, 600, n)
    output = np.minimum(rng.geometric(1 / 200, n), 1500)  # long-tailed output lengths, mean ~200
    return arrival, prompt, output


def request_level(arrival, prompt, output, timeout: float):
    """Form a batch (full, or oldest waited `timeout`), run it until its longest request ends."""
    n, t, i = len(arrival), 0.0, 0
    first, finish = np.zeros(n), np.zeros(n)
    busy_slots = useful = 0
    while i < n:
        j = min(i + SLOTS, n)
        start = max(t, min(arrival[j - 1], arrival[i] + timeout))
        j = i + int(np.searchsorted(arrival[i:j], start, side="right"))  # who has arrived by then
        t = start + step_time(int(prompt[i:j].sum()))  # prefill of the whole batch -> 1st token
        first[i:j] = t
        longest = int(output[i:j].max())
        t += (longest - 1) * step_time(SLOTS)  # finished or empty slots are still computed
        finish[i:j] = t  # the batch is returned as a whole
        busy_slots += SLOTS * longest
        useful += int(output[i:j].sum())
        i = j
    return first, finish, useful / busy_slots


def continuous(arrival, prompt, output):
    """Every step: drop finished sequences, admit arrivals into free slots, run one iteration."""
    n, t, nxt = len(arrival), 0.0, 0
    first, finish = np.zeros(n), np.zeros(n)
    running: dict[int, int] = {}  # request -> tokens still to generate
    steps = useful = 0
    while nxt < n or running:
        if not running and arrival[nxt] > t:
            t = arrival[nxt]
        new = []
        while nxt < n and arrival[nxt] <= t and len(running) + len(new) < SLOTS:
            new.append(nxt)
            nxt += 1
        decoding = list(running)
        t += step_time(len(decoding) + int(sum(prompt[r] for r in new)))
        steps += 1
        useful += len(decoding) + len(new)
        for r in decoding:
            running[r] -= 1
            if running[r] == 0:
                finish[r] = t
                del running[r]
        for r in new:  # prefill in this step produced the first token
            first[r] = t
            if output[r] == 1:
                finish[r] = t
            else:
                running[r] = int(output[r]) - 1
    return first, finish, useful / (steps * SLOTS)


def main() -> None:
    print(f"400 requests, Poisson arrivals, prompts 100-599 tokens, long-tailed outputs, "
          f"{SLOTS} slots, step = 4.5 ms + 0.03 ms/token")
    for rate in (4.0, 20.0):
        arrival, prompt, output = make_requests(n=400, rate=rate)
        print(f"\n{rate:.0f} req/s (last arrival at {arrival[-1]:.1f} s), outputs mean "
              f"{output.mean():.0f} max {output.max()} tokens (offered load {rate * output.mean():.0f} "
              f"tokens/s)")
        runs = {
            "static (wait for a full batch)": request_level(arrival, prompt, output, timeout=np.inf),
            "dynamic (full or 200 ms timeout)": request_level(arrival, prompt, output, timeout=0.2),
            "continuous (iteration-level)": continuous(arrival, prompt, output),
        }
        print("  policy                            all done  tokens/s  mean TTFT  mean latency  "
              "p90 latency  slots used")
        for name, (first, finish, util) in runs.items():
            lat, ttft = finish - arrival, first - arrival
            print(f"  {name:32s} {finish.max():7.1f} s {output.sum() / finish.max():9.0f} "
                  f"{ttft.mean():8.2f} s {lat.mean():10.2f} s {np.percentile(lat, 90):10.2f} s "
                  f"{util:10.1%}")
    print("\ntokens/s = all output tokens / time until all done. Request-level batches return as a "
          "whole and keep finished slots busy until the longest ends.")


if __name__ == "__main__":
    main()
