import random

# Toy models: next-token log-probabilities for a vocabulary of 3 tokens, token 0 = EOS unless
# a test says otherwise. Values are round numbers (they need not sum to probability 1) so that
# sums and ties are exact in floating point.


def _model(table, default):
    """next_logprobs built from {prefix tuple: row}, with `default` for every other prefix."""
    def next_logprobs(prefix):
        return list(table.get(tuple(prefix), default))
    return next_logprobs


# Greedy takes 1 (-0.5) and then 1 again; the beam also keeps 2, whose EOS is far likelier.
_GREEDY_TRAP = _model({
    (): [-2.0, -0.5, -1.0],
    (1,): [-1.5, -1.0, -1.5],
    (2,): [-0.25, -3.0, -3.0],
}, [-0.5, -2.0, -2.0])

# [0] has the best raw log-probability (-1.0); [1, 1, 0] (-1.25) wins once length is rewarded.
_LENGTH = _model({
    (): [-1.0, -0.5, -3.0],
    (1,): [-2.0, -0.25, -3.0],
    (1, 1): [-0.5, -2.0, -3.0],
}, [-1.0, -2.0, -2.0])

# Tokens 1 and 2 tie at the first step; every EOS gives the same total of -1.0 at length 1 or 2.
_TIES = _model({(): [-1.0, -0.5, -0.5]}, [-0.5, -1.0, -1.0])

# EOS takes rank 0 of the first step; both other tokens still fill the beam of 2.
_REFILL = _model({(): [-1.0, -1.0, -1.0], (1,): [-3.0, -3.0, -3.0], (2,): [0.0, -4.0, -4.0]}, [-1.0, -1.0, -1.0])

# Step 2 ties (1, 1) and (2, 1) at -1.5 for the last beam slot; their parents are ranked (2,), (1,),
# so only the lexicographic tie-break (not generation order) keeps (1, 1), whose EOS wins.
_CROSS = _model({
    (): [-9.0, -1.0, -0.5],
    (1,): [-9.0, -0.5, -9.0],
    (2,): [-9.0, -1.0, -0.75],
    (1, 1): [-0.25, -3.0, -3.0],
    (2, 2): [-1.0, -3.0, -3.0],
}, [-0.5, -3.0, -3.0])

# [2, 0] finishes at step 2 and [1, 1, 0] at step 3, both at -1.0: the later, lexicographically
# smaller one must win the final tie.
_LATE = _model({
    (): [-9.0, -0.5, -0.5],
    (1,): [-9.0, -0.25, -9.0],
    (2,): [-0.5, -9.0, -9.0],
    (1, 1): [-0.25, -9.0, -9.0],
}, [-9.0, -9.0, -9.0])

# EOS is never good enough to enter the beam.
_NO_EOS = _model({}, [-8.0, -0.5, -0.5])


def _random_model(seed, vocab):
    """A fixed pseudo-random row of quarter-integer log-probabilities for every prefix."""
    def next_logprobs(prefix):
        rng = random.Random(f"{seed}:{tuple(prefix)}")
        return [-0.25 * rng.randint(0, 16) for _ in range(vocab)]
    return next_logprobs


EXAMPLES = [
    ("beam_search(_GREEDY_TRAP, beam_width=1, max_len=4, eos_id=0)", ([1, 1, 0], -2.0)),
    ("beam_search(_GREEDY_TRAP, beam_width=2, max_len=4, eos_id=0)", ([2, 0], -1.25)),
    ("beam_search(_LENGTH, beam_width=2, max_len=4, eos_id=0, alpha=0.0)", ([0], -1.0)),
    ("beam_search(_LENGTH, beam_width=2, max_len=4, eos_id=0, alpha=1.0)", ([1, 1, 0], -0.9375)),
]

TESTS = [
    ("beam_search(_LENGTH, beam_width=2, max_len=4, eos_id=0, alpha=0.5)", ([0], -1.0)),
    ("beam_search(_LENGTH, beam_width=2, max_len=2, eos_id=0, alpha=1.0)", ([0], -1.0)),
    ("beam_search(_TIES, beam_width=1, max_len=2, eos_id=0)", ([1, 0], -1.0)),
    ("beam_search(_TIES, beam_width=2, max_len=2, eos_id=0)", ([1, 0], -1.0)),
    ("beam_search(_TIES, beam_width=3, max_len=2, eos_id=0)", ([0], -1.0)),
    ("beam_search(_TIES, beam_width=3, max_len=2, eos_id=0, alpha=1.0)", ([1, 0], -1.0 / (7 / 6))),
    ("beam_search(_REFILL, beam_width=2, max_len=2, eos_id=0, alpha=1.0)", ([2, 0], -1.0 / (7 / 6))),
    ("beam_search(_NO_EOS, beam_width=2, max_len=3, eos_id=0)", None),
    ("beam_search(_CROSS, beam_width=2, max_len=3, eos_id=0)", ([1, 1, 0], -1.75)),
    ("beam_search(_LATE, beam_width=2, max_len=3, eos_id=0)", ([1, 1, 0], -1.0)),
    ("beam_search(_GREEDY_TRAP, beam_width=5, max_len=1, eos_id=0)", ([0], -2.0)),
    ("beam_search(_GREEDY_TRAP, beam_width=2, max_len=1, eos_id=0)", None),
    ("beam_search(_GREEDY_TRAP, beam_width=1, max_len=4, eos_id=2)", None),
    ("beam_search(_random_model(1, 4), beam_width=3, max_len=6, eos_id=3, alpha=0.6)", ([1, 2, 0, 3], -2.25 / 1.5 ** 0.6)),
    ("beam_search(_random_model(2, 5), beam_width=4, max_len=8, eos_id=0, alpha=1.0)", ([4, 1, 1, 3, 0], -1.75 / (10 / 6))),
]
