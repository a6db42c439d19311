"""Finding a leak with tracemalloc: a request handler that keeps references to every buffer."""
import tracemalloc
from collections.abc import Callable

_debug_history: list[bytes] = []  # the bug: grows forever, nothing ever removes entries


def handle_request_leaky(n_tokens: int) -> int:
    logits = bytes(n_tokens * 64)  # stand-in for a per-request activation buffer
    _debug_history.append(logits)  # "just for debugging" -> keeps every buffer alive
    return len(logits)


def handle_request_fixed(n_tokens: int) -> int:
    logits = bytes(n_tokens * 64)
    return len(logits)  # buffer is freed when the function returns


def growth_report(handler: Callable[[int], int], requests: int) -> str:
    """Run `requests` calls and describe the memory growth between two snapshots."""
    before = tracemalloc.take_snapshot()
    for _ in range(requests):
        handler(64)
    after = tracemalloc.take_snapshot()
    stats = [s for s in after.compare_to(before, "lineno") if s.size_diff > 0]
    total = sum(s.size_diff for s in stats) / 1024
    if total < 16:  # ignore small bookkeeping noise
        return "grew < 16 KiB"
    top = stats[0].traceback[0]
    return f"grew {total:.0f} KiB, top: line {top.lineno} (+{stats[0].size_diff / 1024:.0f} KiB)"


def main() -> None:
    tracemalloc.start()
    for name, handler in [("fixed", handle_request_fixed), ("leaky", handle_request_leaky)]:
        for round_ in range(1, 3):
            print(f"{name} round {round_}: {growth_report(handler, 200)}")
    tracemalloc.stop()
    print(f"objects held by _debug_history: {len(_debug_history)}")
    print("Steady growth across identical rounds is the signature of a leak.")
    print("tracemalloc names the allocating line; next, find what still references it.")


if __name__ == "__main__":
    main()
