"""Overlapping copies with compute (a two-stage pipeline), and what offloaded weights cost per decode step."""


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


# Where 10 GB of weights that do not fit in GPU memory can live, and the bandwidth that
# every decode step (batch 1, each weight read once) then depends on, in GB/s.
OFFLOAD_GB = 10
PLACES = [
    ("kept in H100 HBM3", 3350.0),
    ("computed on CPU, DDR5-5600 x 2 channels", 5.6 * 8 * 2),
    ("computed on CPU, DDR5-4800 x 8 channels", 4.8 * 8 * 8),
    ("streamed to GPU over PCIe 4.0 x16", 32.0),
    ("streamed to GPU over PCIe 5.0 x16", 64.0),
    ("streamed over NVLink-C2C (GH200)", 450.0),
]


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

    print(f"\n{OFFLOAD_GB} GB of weights, time per decode step (batch 1) by where they live:")
    for name, gbps in PLACES:
        print(f"  {name:40s} {gbps:7.1f} GB/s  {1000 * OFFLOAD_GB / gbps:6.1f} ms")
    pcie5 = 1000 * OFFLOAD_GB / 64.0
    print(f"A streamed copy is paid once per step, however many tokens share it: at 64 tokens "
          f"per step PCIe 5.0 adds {pcie5:.1f} / 64 = {pcie5 / 64:.1f} ms per token.")


if __name__ == "__main__":
    main()
