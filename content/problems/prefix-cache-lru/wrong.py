# Wrong: plain LRU over all blocks, with the blocks of a call refreshed root first, so a parent is evicted before its own child (which then sits in the cache unreachable)
from collections import OrderedDict


class PrefixCache:
    def __init__(self, capacity: int, block_size: int):
        self.capacity = capacity
        self.block_size = block_size
        self._order: OrderedDict = OrderedDict()

    def _keys(self, tokens: list[int]) -> list[tuple]:
        keys, parent = [], None
        for start in range(0, len(tokens) - self.block_size + 1, self.block_size):
            parent = (parent, tuple(tokens[start:start + self.block_size]))
            keys.append(parent)
        return keys

    def _touch(self, keys: list[tuple]) -> None:
        for key in keys:  # root first: the root ends up least recent of the chain
            self._order[key] = None
            self._order.move_to_end(key)

    def match(self, tokens: list[int]) -> int:
        hit = []
        for key in self._keys(tokens):
            if key not in self._order:
                break
            hit.append(key)
        self._touch(hit)
        return len(hit) * self.block_size

    def insert(self, tokens: list[int]) -> None:
        self._touch(self._keys(tokens))
        while len(self._order) > self.capacity:
            self._order.popitem(last=False)

    def __len__(self) -> int:
        return len(self._order)
