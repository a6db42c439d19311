def _run(num_blocks, block_size, script):
    """Run `script` on a fresh BlockAllocator(num_blocks, block_size).

    `script` is a `;`-separated list of operations:
      alloc S N  -> records allocate(S, N)      (True / False)
      append S   -> records append(S)           (True / False)
      fork P C   -> fork(P, C), records nothing
      free S     -> free(S), records nothing
      table S    -> records block_table(S)
      nfree      -> records num_free()
    Returns the list of recorded values, in order.
    """
    a = BlockAllocator(num_blocks, block_size)
    out = []
    for op in script.split(";"):
        name, *args = op.split()
        if name == "alloc":
            out.append(a.allocate(args[0], int(args[1])))
        elif name == "append":
            out.append(a.append(args[0]))
        elif name == "fork":
            a.fork(args[0], args[1])
        elif name == "free":
            a.free(args[0])
        elif name == "table":
            out.append(a.block_table(args[0]))
        elif name == "nfree":
            out.append(a.num_free())
        else:
            raise ValueError("unknown operation " + name)
    return out


def _appends(seq, k):
    return "; ".join(["append " + seq] * k)


EXAMPLES = [
    ("_run(4, 2, 'alloc a 3; table a; nfree')", [True, [0, 1], 2]),
    (
        "_run(6, 4, 'alloc a 6; fork a b; append b; table a; table b; append a; table a; nfree')",
        [True, True, [0, 1], [0, 2], True, [0, 1], 3],
    ),
    ("_run(4, 4, 'alloc a 9; alloc b 5; nfree; free a; alloc b 5; table b; nfree')", [True, False, 1, True, [0, 1], 2]),
]

TESTS = [
    # a prompt filling its blocks exactly: no extra block until the next token
    ("_run(8, 4, 'alloc a 8; table a; append a; table a; nfree')", [True, [0, 1], True, [0, 1, 2], 5]),
    # one token at a time: a new block every block_size tokens
    ("_run(8, 2, 'alloc a 1; ' + _appends('a', 4) + '; table a; nfree')", [True, True, True, True, True, [0, 1, 2], 5]),
    # appending after a full shared block needs a new block, not a copy
    ("_run(8, 4, 'alloc a 8; fork a b; append b; table a; table b; nfree')", [True, True, [0, 1], [0, 1, 2], 5]),
    # parallel sampling, 3 samples of a 35-token prompt (block_size 16): the third writes in place
    (
        "_run(8, 16, 'alloc a 35; fork a b; fork a c; append a; append b; append c; table a; table b; table c; nfree')",
        [True, True, True, True, [0, 1, 3], [0, 1, 4], [0, 1, 2], 3],
    ),
    # freeing everything returns every block, shared or copied
    (
        "_run(8, 16, 'alloc a 35; fork a b; fork a c; append a; append b; append c; free b; nfree; free a; free c; nfree')",
        [True, True, True, True, 4, 8],
    ),
    # a freed parent leaves the child the only owner: it writes in place
    ("_run(4, 4, 'alloc a 5; fork a b; free a; append b; table b; nfree')", [True, True, [0, 1], 2]),
    # fork of a fork: refcount 3, then 2, then 1
    (
        "_run(6, 4, 'alloc a 3; fork a b; fork b c; append a; append b; append c; table a; table b; table c')",
        [True, True, True, True, [1], [2], [0]],
    ),
    # the lowest free id is always taken, whatever order blocks were freed in
    ("_run(8, 2, 'alloc a 4; alloc b 2; alloc c 4; free b; free a; alloc d 6; table d; nfree')", [True, True, True, True, [0, 1, 2], 3]),
    ("_run(6, 2, 'alloc a 2; alloc b 2; alloc c 2; free c; free a; alloc d 3; table d; append b; table b')", [True, True, True, True, [0, 2], True, [1, 3]]),
    # out of memory: a failed allocate changes nothing
    ("_run(3, 4, 'alloc a 5; alloc b 9; nfree; alloc b 4; table b')", [True, False, 1, True, [2]]),
    # out of memory on append (full last block) and on copy-on-write
    ("_run(2, 2, 'alloc a 4; append a; table a; nfree')", [True, False, [0, 1], 0]),
    ("_run(2, 4, 'alloc a 5; fork a b; append b; table b; free a; append b; table b; nfree')", [True, False, [0, 1], True, [0, 1], 0]),
    # a failed append leaves the token count unchanged: the retry still sees a full last block / a half-full one
    ("_run(3, 2, 'alloc a 4; alloc b 1; append a; free b; append a; table a; nfree')", [True, True, False, True, [0, 1, 2], 0]),
    ("_run(2, 2, 'alloc a 3; fork a b; append b; free a; append b; append b; table b; nfree')", [True, False, True, False, [0, 1], 0]),
]
