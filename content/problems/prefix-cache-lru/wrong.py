# Wrong: plain LRU over all blocks, with the blocks of a call refreshed root first, so a parent is evicted before its own child (which then sits in the cache unreachable)
from collections import OrderedDict


class PrefixCache:
    def __init__(self, capacity: int, block_size: int):
        self.capacity = capacity
        self.block_size = block_size
        self._order: OrderedDict = OrderedDict()  # (parent id, tokens) -> block id
        self._next_id = 0

    def _walk(self, tokens: list[int], add: bool) -> list[tuple]:
        keys, parent = [], None
        size = self.block_size
        for start in range(0, len(tokens) - size + 1, size):
            key = (parent, tuple(tokens[start:start + size]))
            block_id = self._order.get(key)
            if block_id is None:
                if not add:
                    break
                block_id = self._order[key] = self._next_id
                self._next_id += 1
            keys.append(key)
            parent = block_id
        return keys

    def _touch(self, keys: list[tuple]) -> None:
        for key in keys:  # root first: the root ends up least recent of the chain
            self._order.move_to_end(key)

    def match(self, tokens: list[int]) -> int:
        hit = self._walk(tokens, add=False)
        self._touch(hit)
        return len(hit) * self.block_size

    def insert(self, tokens: list[int]) -> None:
        self._touch(self._walk(tokens, add=True))
        while len(self._order) > self.capacity:
            self._order.popitem(last=False)

    def __len__(self) -> int:
        return len(self._order)
