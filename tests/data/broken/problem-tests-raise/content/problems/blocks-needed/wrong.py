# Wrong: rounds down
def blocks_needed(tokens: int, block_size: int) -> int:
    return tokens // block_size
