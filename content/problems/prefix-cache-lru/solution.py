from collections import OrderedDict


class PrefixCache:
    """Prefix cache over hash-chained KV blocks, LRU eviction of leaf blocks.

    A full block j of a sequence has the key (key of block j-1, tuple of its tokens),
    with None as the parent key of block 0. Partial blocks are never cached.
    """

    def __init__(self, capacity: int, block_size: int):
        self.capacity = capacity
        self.block_size = block_size
        # key -> None, ordered from the next block to evict to the last.
        # A call touches a chain root..leaf; moving its blocks to the end deepest
        # first leaves every parent behind its children, so the front of the order
        # is always the least recently used leaf (ties go to the deeper block).
        self._order: OrderedDict = OrderedDict()

    def _keys(self, tokens: list[int]) -> list[tuple]:
        """Keys of the full blocks of tokens, block 0 first."""
        keys, parent = [], None
        for start in range(0, len(tokens) - self.block_size + 1, self.block_size):
            parent = (parent, tuple(tokens[start:start + self.block_size]))
            keys.append(parent)
        return keys

    def _touch(self, keys: list[tuple]) -> None:
        for key in reversed(keys):  # deepest first, so the root ends most recent
            self._order[key] = None
            self._order.move_to_end(key)

    def match(self, tokens: list[int]) -> int:
        """Tokens served from the cache: the longest chain of cached full blocks from
        the start, times block_size. The matched blocks become most recently used."""
        hit = []
        for key in self._keys(tokens):
            if key not in self._order:
                break  # the chain is broken: nothing after a miss can be used
            hit.append(key)
        self._touch(hit)
        return len(hit) * self.block_size

    def insert(self, tokens: list[int]) -> None:
        """Cache every full block of tokens (all become most recently used), then evict
        least recently used leaf blocks until at most capacity blocks remain."""
        self._touch(self._keys(tokens))
        while len(self._order) > self.capacity:
            self._order.popitem(last=False)

    def __len__(self) -> int:
        return len(self._order)
