def schedule(requests, budget):
    """Simulate iteration-level (continuous) batching under a per-step token budget.

    requests: list of (arrival_step, prompt_len, output_len), request i at index i.
    budget:   tokens one step may process (a prefill costs prompt_len, a decode 1).

    Each step: every running request decodes one token first; then waiting requests
    (ordered by arrival, then index) are admitted while the head's prompt fits the
    budget left, stopping at the first that does not fit. A prefill produces the
    request's first output token in the step it runs. A prompt longer than `budget`
    is rejected and never scheduled.

    Returns, for each request, the step in which it produces its last output token,
    or -1 if it was rejected.
    """
    return [-1] * len(requests)
