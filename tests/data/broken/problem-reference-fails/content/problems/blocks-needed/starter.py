def blocks_needed(tokens: int, block_size: int) -> int:
    """How many blocks of block_size tokens hold tokens tokens."""
    raise NotImplementedError
