EXAMPLES = [("blocks_needed(5, 4)", 2)]
TESTS = [("blocks_needed(8, 4)", 2), ("blocks_needed(0, 4)", 0)]
