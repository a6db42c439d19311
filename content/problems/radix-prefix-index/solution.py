import heapq
import itertools


class _Node:
    __slots__ = ("key", "children", "parent", "last_use")

    def __init__(self, key, parent, last_use):
        self.key = key  # tuple: the tokens on the edge from the parent to this node
        self.children = {}  # first token of the child's edge -> child
        self.parent = parent
        self.last_use = last_use


class RadixIndex:
    """Token-granular prefix index: a radix tree whose edges are token sequences."""

    def __init__(self):
        self.root = _Node((), None, 0)
        self.clock = 0
        self.total = 0  # cached tokens: the sum of all edge lengths

    def _split(self, node, k):
        """Cut node's edge after k tokens: a new node holding the first k tokens becomes
        node's parent. Both halves keep node's last use."""
        top = _Node(node.key[:k], node.parent, node.last_use)
        node.parent.children[node.key[0]] = top
        node.key = node.key[k:]
        node.parent = top
        top.children[node.key[0]] = node
        return top

    def _walk(self, tokens, add):
        """Follow tokens from the root, splitting the edge where the match ends and
        touching every node matched; with add, hang the unmatched rest as a new leaf.
        Returns the number of tokens matched."""
        self.clock += 1
        node, i = self.root, 0
        while i < len(tokens):
            child = node.children.get(tokens[i])
            if child is None:
                break
            k = 0
            while k < len(child.key) and i + k < len(tokens) and child.key[k] == tokens[i + k]:
                k += 1
            if k < len(child.key):  # the match ends inside this edge: split it there
                child = self._split(child, k)
            child.last_use = self.clock
            node, i = child, i + k
        if add and i < len(tokens):
            node.children[tokens[i]] = _Node(tuple(tokens[i:]), node, self.clock)
            self.total += len(tokens) - i
        return i

    def insert(self, tokens: list[int]) -> None:
        self._walk(tokens, add=True)

    def match(self, tokens: list[int]) -> int:
        return self._walk(tokens, add=False)

    def evict(self, n_tokens: int) -> int:
        """Remove least recently used leaves until at least n_tokens are freed or the
        tree is empty; returns the number of tokens freed."""
        heap = []  # (last use, tiebreak, leaf); no two leaves share a last use, see the statement
        order = itertools.count()
        stack = [self.root]
        while stack:  # collect the current leaves
            node = stack.pop()
            stack.extend(node.children.values())
            if node is not self.root and not node.children:
                heap.append((node.last_use, next(order), node))
        heapq.heapify(heap)
        freed = 0
        while freed < n_tokens and heap:
            _, _, leaf = heapq.heappop(heap)
            parent = leaf.parent
            del parent.children[leaf.key[0]]
            freed += len(leaf.key)
            if parent is not self.root and not parent.children:  # the parent became a leaf
                heapq.heappush(heap, (parent.last_use, next(order), parent))
        self.total -= freed
        return freed

    def size(self) -> int:
        return self.total
