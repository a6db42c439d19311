class BlockAllocator:
    """A pool of num_blocks KV blocks (ids 0 .. num_blocks - 1), each holding
    block_size tokens, shared between sequences by reference counts.

    Whenever a block is taken from the free pool, it is the lowest free id.
    """

    def __init__(self, num_blocks, block_size):
        self.num_blocks = num_blocks
        self.block_size = block_size

    def allocate(self, seq, n_tokens):
        """New sequence `seq` holding n_tokens (>= 1) tokens: ceil(n_tokens / block_size)
        blocks, lowest free ids in increasing order. Returns True, or False (and changes
        nothing) if there are not enough free blocks."""
        raise NotImplementedError

    def append(self, seq):
        """Add one token to `seq`. Takes a new block if the last block is full, or
        copies the last block (copy-on-write) if it is not full but shared.
        Returns True, or False (and changes nothing) if a block is needed and none is free."""
        raise NotImplementedError

    def fork(self, parent, child):
        """New sequence `child` sharing all of parent's blocks (and its token count)."""
        raise NotImplementedError

    def free(self, seq):
        """Drop `seq`; blocks no longer referenced by any sequence become free."""
        raise NotImplementedError

    def block_table(self, seq):
        """The physical block ids of `seq`, in logical order (a new list)."""
        raise NotImplementedError

    def num_free(self):
        """The number of free blocks."""
        raise NotImplementedError
