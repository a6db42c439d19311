from collections import deque


def schedule(requests, budget):
    """Finish step of every request under continuous batching (-1: rejected)."""
    finish = [-1] * len(requests)
    # Prompts larger than the whole budget can never run unchunked: rejected up front.
    # FCFS queue: by arrival step, then by index.
    waiting = deque(sorted(
        (i for i, (_, prompt, _) in enumerate(requests) if prompt <= budget),
        key=lambda i: (requests[i][0], i),
    ))
    running = {}  # request -> output tokens it still has to produce
    step = 0
    while waiting or running:
        if not running and requests[waiting[0]][0] > step:
            step = requests[waiting[0]][0]  # nothing to do until the next arrival
        # 1. Every running request decodes one token; they are served first.
        left = budget - len(running)  # never negative (see the statement)
        still_running = {}
        for i, remaining in running.items():
            if remaining == 1:
                finish[i] = step  # last token produced in this step
            else:
                still_running[i] = remaining - 1
        # 2. Admit prefills in FCFS order while the head fits; never skip the head.
        while waiting:
            arrival, prompt, output = requests[waiting[0]]
            if arrival > step or prompt > left:
                break
            i = waiting.popleft()
            left -= prompt
            if output == 1:
                finish[i] = step  # the prefill produced the only token
            else:
                still_running[i] = output - 1
        running = still_running
        step += 1
    return finish
