"""Streaming tokens (TTFT vs total time) and continuous vs static batching, in simulated steps."""
from collections.abc import Iterator

PREFILL_STEPS = 3  # simulated cost of processing the prompt; its last step emits token 1


def generate(words: list[str]) -> Iterator[tuple[int, str]]:
    """Yield (step, token) as soon as each token is ready, like a streaming API.

    The prefill pass itself produces the first token; every later token costs one decode step.
    """
    step = PREFILL_STEPS
    for i, word in enumerate(words):
        if i > 0:
            step += 1  # one decode step per further token
        yield step, word


def static_batching(lengths: list[int], slots: int) -> int:
    """Fixed batches: each batch runs until its longest request finishes."""
    return sum(max(lengths[i:i + slots]) for i in range(0, len(lengths), slots))


def continuous_batching(lengths: list[int], slots: int) -> int:
    """A finished request frees its slot immediately and a waiting request joins."""
    queue, running, steps = list(lengths), [], 0
    while queue or running:
        while queue and len(running) < slots:
            running.append(queue.pop(0))
        running = [r - 1 for r in running if r > 1]  # one decode step for every slot
        steps += 1
    return steps


def main() -> None:
    answer = "KV caching makes each new token cheap".split()
    stream = generate(answer)
    first_step, first_tok = next(stream)
    last_step = first_step
    for last_step, _ in stream:
        pass
    decode_steps = last_step - first_step
    print(f"streaming: first token '{first_tok}' at step {first_step} (end of prefill), "
          f"last at step {last_step} ({decode_steps} decode steps for {len(answer) - 1} more tokens)")
    print(f"a non-streaming API shows nothing until step {last_step}")

    lengths = [30, 4, 6, 25, 5, 8, 3, 28, 7, 2, 5, 9]  # output tokens per request
    slots = 4
    static, cont = static_batching(lengths, slots), continuous_batching(lengths, slots)
    useful = sum(lengths)
    print(f"{len(lengths)} requests, {useful} tokens, batch slots={slots}")
    print(f"static batching:     {static} steps, slot utilization {useful / (static * slots):.1%}")
    print(f"continuous batching: {cont} steps, slot utilization {useful / (cont * slots):.1%}")


if __name__ == "__main__":
    main()
