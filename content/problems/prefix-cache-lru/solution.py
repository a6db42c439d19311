from collections import OrderedDict


class PrefixCache:
    """Prefix cache over hash-chained KV blocks, LRU eviction of leaf blocks.

    A full block j of a sequence is identified by its parent (block j-1) and its own
    tokens, so one key stands for the whole prefix up to the end of the block.
    Partial blocks are never cached.
    """

    def __init__(self, capacity: int, block_size: int):
        self.capacity = capacity
        self.block_size = block_size
        # (parent block id or None, tuple of tokens) -> block id, ordered from the next
        # block to evict to the last. The parent's id plays the role of the engine's
        # parent hash: fixed size, so a lookup costs O(block_size) at any depth.
        # A call touches a chain root..leaf; moving its blocks to the end deepest
        # first leaves every parent behind its children, so the front of the order
        # is always the least recently used leaf.
        self._order: OrderedDict = OrderedDict()
        self._next_id = 0  # ids are never reused

    def _walk(self, tokens: list[int], add: bool) -> list[tuple]:
        """Keys of the leading full blocks of tokens that are cached, block 0 first.
        With add=True every full block is cached first (missing ones get a new id)."""
        keys, parent = [], None
        size = self.block_size
        for start in range(0, len(tokens) - size + 1, size):
            key = (parent, tuple(tokens[start:start + size]))
            block_id = self._order.get(key)
            if block_id is None:
                if not add:
                    break  # the chain is broken: nothing after a miss can be used
                block_id = self._order[key] = self._next_id
                self._next_id += 1
            keys.append(key)
            parent = block_id
        return keys

    def _touch(self, keys: list[tuple]) -> None:
        for key in reversed(keys):  # deepest first, so the root ends most recent
            self._order.move_to_end(key)

    def match(self, tokens: list[int]) -> int:
        """Tokens served from the cache: the longest chain of cached full blocks from
        the start, times block_size. The matched blocks become most recently used."""
        hit = self._walk(tokens, add=False)
        self._touch(hit)
        return len(hit) * self.block_size

    def insert(self, tokens: list[int]) -> None:
        """Cache every full block of tokens (all become most recently used), then evict
        least recently used leaf blocks until at most capacity blocks remain."""
        self._touch(self._walk(tokens, add=True))
        while len(self._order) > self.capacity:
            self._order.popitem(last=False)

    def __len__(self) -> int:
        return len(self._order)
