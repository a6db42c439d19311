class RadixIndex:
    """Token-granular prefix index: a radix tree whose edges are token sequences.

    Every call to insert or match is one tick of a logical clock; the nodes it
    matches or creates get that tick as their last use.
    """

    def __init__(self):
        pass

    def insert(self, tokens: list[int]) -> None:
        """Walk tokens from the root, splitting an edge where the match ends inside it,
        and hang the unmatched rest (if any) under the last node reached as a new leaf."""
        raise NotImplementedError

    def match(self, tokens: list[int]) -> int:
        """Length of the longest cached prefix of tokens, token-granular. Splits the edge
        where the match ends inside it; the matched nodes become most recently used."""
        return 0

    def evict(self, n_tokens: int) -> int:
        """Remove the least recently used leaf (a node other than the root with no
        children) repeatedly until at least n_tokens tokens are freed or the tree is
        empty. Return the number of tokens freed."""
        raise NotImplementedError

    def size(self) -> int:
        """Total cached tokens: the sum of the edge lengths."""
        raise NotImplementedError
