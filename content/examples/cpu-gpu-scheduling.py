"""Overlapping host-to-device copies with compute: a two-stage pipeline schedule in time units."""


def serial_time(n_chunks: int, copy: int, compute: int) -> int:
    """Copy a chunk, wait, compute it, then start the next copy."""
    return n_chunks * (copy + compute)


def overlapped_schedule(n_chunks: int, copy: int, compute: int,
                        buffers: int = 2) -> list[tuple[int, int, int, int]]:
    """Copy engine and compute engine run concurrently (like two CUDA streams).

    With `buffers` device buffers (double buffering), chunk i may only be copied once
    chunk i - buffers has finished computing and released its buffer.
    Returns (copy_start, copy_end, compute_start, compute_end) for every chunk.
    """
    schedule: list[tuple[int, int, int, int]] = []
    copy_free = compute_free = 0
    for i in range(n_chunks):
        released = schedule[i - buffers][3] if i >= buffers else 0
        c0 = max(copy_free, released)     # copy engine free and a buffer available
        c1 = c0 + copy
        k0 = max(c1, compute_free)        # compute needs its data and a free compute engine
        k1 = k0 + compute
        schedule.append((c0, c1, k0, k1))
        copy_free, compute_free = c1, k1
    return schedule


def gantt(schedule: list[tuple[int, int, int, int]]) -> tuple[str, str]:
    end = schedule[-1][3]
    copy_row, comp_row = [". "] * end, [". "] * end
    for i, (c0, c1, k0, k1) in enumerate(schedule):
        for t in range(c0, c1):
            copy_row[t] = f"C{i}"[:2]
        for t in range(k0, k1):
            comp_row[t] = f"K{i}"[:2]
    return "".join(copy_row).rstrip(), "".join(comp_row).rstrip()


def main() -> None:
    n = 6
    for copy, compute in [(2, 3), (3, 3), (4, 2)]:
        sched = overlapped_schedule(n, copy, compute)
        total = sched[-1][3]
        print(f"copy={copy} compute={compute}: serial={serial_time(n, copy, compute)} "
              f"overlapped={total} (ideal {min(copy, compute) + n * max(copy, compute)})")
    copy_row, comp_row = gantt(overlapped_schedule(n, 2, 3))
    print("timeline for copy=2, compute=3 (one column pair = one time unit):")
    print("copy    " + copy_row)
    print("compute " + comp_row)
    print("Overlap hides the cheaper stage; the slower stage sets the pace.")


if __name__ == "__main__":
    main()
