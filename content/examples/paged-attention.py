"""PagedAttention bookkeeping: KV memory used by contiguous reservation vs blocks, and copy-on-write sharing."""
import math

import numpy as np


class BlockManager:
    """Physical KV blocks with reference counts; each sequence has a block table."""

    def __init__(self, block_size: int) -> None:
        self.block_size = block_size
        self.refcount: dict[int, int] = {}
        self.next_id = 0
        self.tables: dict[str, list[int]] = {}
        self.lengths: dict[str, int] = {}
        self.copies = 0

    def _new_block(self) -> int:
        self.next_id += 1
        self.refcount[self.next_id] = 1
        return self.next_id

    def add(self, seq: str, n_tokens: int) -> None:
        self.tables[seq] = [self._new_block() for _ in range(math.ceil(n_tokens / self.block_size))]
        self.lengths[seq] = n_tokens

    def fork(self, parent: str, child: str) -> None:
        """Parallel sampling: the child shares every block of the parent."""
        self.tables[child] = list(self.tables[parent])
        self.lengths[child] = self.lengths[parent]
        for b in self.tables[child]:
            self.refcount[b] += 1

    def append_token(self, seq: str) -> None:
        table, n = self.tables[seq], self.lengths[seq]
        if n % self.block_size == 0:  # last block full (or none yet): take a fresh block
            table.append(self._new_block())
        elif self.refcount[table[-1]] > 1:  # shared, partly filled block: copy on write
            self.refcount[table[-1]] -= 1
            table[-1] = self._new_block()
            self.copies += 1
        self.lengths[seq] = n + 1

    def physical_blocks(self) -> int:
        return sum(1 for c in self.refcount.values() if c > 0)


def main() -> None:
    rng = np.random.default_rng(0)
    n_req, max_len = 256, 2048
    prompt = rng.integers(32, 1024, n_req)
    output = rng.integers(16, 1024, n_req)
    done = np.floor(rng.random(n_req) * (output + 1)).astype(int)  # a snapshot mid-generation
    used = int((prompt + done).sum())
    print(f"{n_req} running requests, {used:,} tokens of KV actually stored")
    schemes = {
        f"contiguous, reserve max_len {max_len}": n_req * max_len,
        "contiguous, reserve true final length": int((prompt + output).sum()),
    }
    for bs in [8, 16, 32, 128]:
        schemes[f"paged, block size {bs}"] = int((np.ceil((prompt + done) / bs) * bs).sum())
    for name, reserved in schemes.items():
        print(f"  {name:40s} reserves {reserved:9,} slots -> {used / reserved:6.1%} hold real tokens")
    kv_tok = 128 * 1024  # Llama-3.1-8B BF16, bytes per token
    budget = 20 * 1024**3
    mean_paged = schemes["paged, block size 16"] / n_req
    print(f"20 GiB of Llama-3.1-8B KV holds {budget // (max_len * kv_tok)} requests at max_len, "
          f"~{budget / (mean_paged * kv_tok):.0f} with 16-token blocks (same mix)")

    bm = BlockManager(block_size=16)
    bm.add("s0", 35)  # prompt of 35 tokens: blocks of 16 + 16 + 3
    for i in (1, 2):
        bm.fork("s0", f"s{i}")
    print(f"\nparallel sampling n=3, prompt 35 tokens, block 16: tables after fork {bm.tables}")
    for seq in ("s0", "s1", "s2"):
        bm.append_token(seq)
    print(f"after one token each: {bm.tables}, copies on write = {bm.copies}")
    for _ in range(99):
        for seq in ("s0", "s1", "s2"):
            bm.append_token(seq)
    unshared = sum(math.ceil(n / 16) for n in bm.lengths.values())
    shared = bm.physical_blocks()
    print(f"after 100 tokens each: {shared} physical blocks with sharing vs {unshared} without "
          f"({1 - shared / unshared:.1%} saved)")


if __name__ == "__main__":
    main()
