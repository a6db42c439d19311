"""Prefix caching: hash-chained full blocks (vLLM-style) vs a token-level radix tree (SGLang-style), with LRU."""
import hashlib
from collections import OrderedDict

import numpy as np


class BlockHashCache:
    """Blocks keyed by hash(parent hash, block tokens); only full blocks; LRU over cached blocks."""

    def __init__(self, block_size: int, capacity_blocks: int) -> None:
        self.bs, self.cap = block_size, capacity_blocks
        self.blocks: OrderedDict[bytes, None] = OrderedDict()

    def _hashes(self, tokens: list[int]):
        parent = b""
        for i in range(0, len(tokens) - self.bs + 1, self.bs):
            parent = hashlib.sha256(parent + np.asarray(tokens[i:i + self.bs], np.int32).tobytes()).digest()
            yield parent

    def lookup(self, tokens: list[int]) -> int:
        hit = 0
        for h in self._hashes(tokens):
            if h not in self.blocks:
                break
            hit += self.bs
        return hit

    def insert(self, tokens: list[int]) -> None:
        # Like vLLM's free queue: a finished request's blocks go to the MRU end in reverse
        # order, so among them the last block (longest prefix, least reusable) is evicted first.
        for h in reversed(list(self._hashes(tokens))):
            self.blocks[h] = None
            self.blocks.move_to_end(h)
        while len(self.blocks) > self.cap:
            self.blocks.popitem(last=False)  # evict the least recently used block


class Node:
    def __init__(self, key: tuple[int, ...], parent: "Node | None") -> None:
        self.key, self.parent, self.children, self.last = key, parent, {}, 0


class RadixCache:
    """Radix tree over token ids; edges hold token runs; evict least recently used leaves."""

    def __init__(self, capacity_tokens: int) -> None:
        self.root, self.cap, self.size, self.clock = Node((), None), capacity_tokens, 0, 0

    def _walk(self, tokens: list[int], insert: bool) -> int:
        self.clock += 1
        node, i = self.root, 0
        while i < len(tokens):
            child = node.children.get(tokens[i])
            if child is None:
                if insert:
                    node.children[tokens[i]] = child = Node(tuple(tokens[i:]), node)
                    self.size += len(child.key)
                    child.last = self.clock
                    i = len(tokens)
                break
            k = child.key
            n = 0
            while n < len(k) and i + n < len(tokens) and k[n] == tokens[i + n]:
                n += 1
            if n < len(k):  # partial edge match
                if not insert:
                    i += n
                    child.last = self.clock
                    break
                mid = Node(k[:n], node)  # split the edge
                node.children[tokens[i]] = mid
                child.key, child.parent = k[n:], mid
                mid.children[k[n]] = child
                child = mid
            child.last = self.clock
            node, i = child, i + n
        return i

    def lookup(self, tokens: list[int]) -> int:
        return self._walk(tokens, insert=False)

    def insert(self, tokens: list[int]) -> None:
        self._walk(tokens, insert=True)
        while self.size > self.cap:
            leaves, stack = [], [self.root]
            while stack:
                nd = stack.pop()
                stack.extend(nd.children.values())
                if not nd.children and nd is not self.root:
                    leaves.append(nd)
            victim = min(leaves, key=lambda nd: nd.last)
            del victim.parent.children[victim.key[0]]
            self.size -= len(victim.key)


def workload(rng: np.random.Generator, stamp: bool):
    """A 1,000-token system prompt, then 3 chat turns for each of 24 users."""
    system = list(rng.integers(0, 32000, 1000))
    history = {u: [] for u in range(24)}
    for turn in range(3):
        for u in range(24):
            head = list(rng.integers(0, 32000, 8)) if stamp else []  # e.g. a timestamp first
            prompt = head + system + history[u] + list(rng.integers(0, 32000, 60))
            answer = list(rng.integers(0, 32000, 150))
            history[u] = prompt[len(head) + len(system):] + answer
            yield prompt, answer


def run(cache, stamp: bool = False) -> tuple[int, int, int, int]:
    total = hit = h = 0
    prompt: list[int] = []
    for prompt, answer in workload(np.random.default_rng(0), stamp):
        h = min(cache.lookup(prompt), len(prompt) - 1)  # the last prompt token is always computed
        total, hit = total + len(prompt), hit + h
        cache.insert(prompt + answer)  # the conversation so far stays cached for the next turn
    return total, hit, len(prompt), len(prompt) - h  # totals, then the last request alone


def main() -> None:
    per_token = 2 * 6.98e9  # Llama-3.1-8B layer FLOPs per prompt token (attention not counted)
    cases = [
        ("hash blocks of 16, ample memory", BlockHashCache(16, 10**6), False),
        ("hash blocks of 64, ample memory", BlockHashCache(64, 10**6), False),
        ("radix tree, ample memory", RadixCache(10**7), False),
        ("hash blocks of 16, room for 4,000 tokens", BlockHashCache(16, 250), False),
        ("radix tree, room for 4,000 tokens", RadixCache(4000), False),
        ("hash blocks of 16, per-request stamp first", BlockHashCache(16, 10**6), True),
    ]
    print("cache                                         prompt tokens  hit tokens  hit rate  "
          "prefill TFLOP")
    last = {}
    for name, cache, stamp in cases:
        total, hit, n_last, computed = run(cache, stamp)
        last[name] = (n_last, computed)
        print(f"{name:45s} {total:10,} {hit:11,} {hit / total:8.1%} "
              f"{(total - hit) * per_token / 1e12:9.1f} of {total * per_token / 1e12:.1f}")
    n_last, computed = last[cases[0][0]]
    speed = 0.6 * 989e12  # FLOP/s: 60% of H100 peak
    print(f"last request (turn 3): {n_last} prompt tokens, {computed} computed with 16-token blocks; "
          f"prefill compute {n_last * per_token / speed * 1e3:.1f} ms -> "
          f"{computed * per_token / speed * 1e3:.1f} ms at 60% of H100 peak")


if __name__ == "__main__":
    main()
