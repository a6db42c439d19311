class PrefixCache:
    """Prefix cache over hash-chained KV blocks, LRU eviction of leaf blocks.

    A full block j of a sequence (tokens[j*block_size:(j+1)*block_size]) has the key
    (key of block j-1, tuple of its tokens), with None as the parent key of block 0.
    Partial blocks are never cached.
    """

    def __init__(self, capacity: int, block_size: int):
        self.capacity = capacity  # maximum number of cached blocks
        self.block_size = block_size

    def match(self, tokens: list[int]) -> int:
        """Number of tokens served from the cache: block_size times the number of
        leading full blocks of tokens whose keys are all cached. Every matched block
        gets the current call's time as its last use."""
        return 0

    def insert(self, tokens: list[int]) -> None:
        """Cache every full block of tokens; every one of them gets the current call's
        time as its last use. Then, while more than capacity blocks are cached, evict
        the leaf block (no cached child) with the oldest last use."""
        raise NotImplementedError

    def __len__(self) -> int:
        """Number of cached blocks."""
        raise NotImplementedError
