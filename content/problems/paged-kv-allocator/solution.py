import heapq


class BlockAllocator:
    """Paged KV-cache block allocator with reference counts and copy-on-write."""

    def __init__(self, num_blocks, block_size):
        self.num_blocks = num_blocks
        self.block_size = block_size
        self._free = list(range(num_blocks))  # min-heap: the lowest free id on top
        self._refs = [0] * num_blocks  # how many block tables hold each block
        self._tables = {}  # seq -> list of physical block ids
        self._tokens = {}  # seq -> number of tokens

    def _take(self):
        block = heapq.heappop(self._free)
        self._refs[block] = 1
        return block

    def _release(self, block):
        self._refs[block] -= 1
        if self._refs[block] == 0:
            heapq.heappush(self._free, block)

    def allocate(self, seq, n_tokens):
        needed = -(-n_tokens // self.block_size)  # ceil without floats
        if needed > len(self._free):
            return False  # all or nothing
        self._tables[seq] = [self._take() for _ in range(needed)]  # increasing ids
        self._tokens[seq] = n_tokens
        return True

    def append(self, seq):
        table = self._tables[seq]
        if self._tokens[seq] % self.block_size == 0:
            # Last block full (shared or not, it is never written again): new block.
            if not self._free:
                return False
            table.append(self._take())
        elif self._refs[table[-1]] > 1:
            # The new token goes into a block other sequences still read:
            # copy it to a private block first (the copy keeps the old tokens).
            if not self._free:
                return False
            old = table[-1]
            table[-1] = self._take()
            self._release(old)  # one reference fewer; never reaches 0 here
        # else: last block private with room left, write in place
        self._tokens[seq] += 1
        return True

    def fork(self, parent, child):
        self._tables[child] = list(self._tables[parent])
        self._tokens[child] = self._tokens[parent]
        for block in self._tables[child]:
            self._refs[block] += 1

    def free(self, seq):
        for block in self._tables.pop(seq):
            self._release(block)
        del self._tokens[seq]

    def block_table(self, seq):
        return list(self._tables[seq])

    def num_free(self):
        return len(self._free)
