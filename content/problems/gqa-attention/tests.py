import math
import random


def _reference(q, k, v):
    """Expand K/V to one copy per query head (like repeat_interleave), then plain multi-head attention."""
    n_q, n_kv, d = len(q), len(k), len(q[0])
    group = n_q // n_kv
    k_full = [k[g] for g in range(n_kv) for _ in range(group)]
    v_full = [v[g] for g in range(n_kv) for _ in range(group)]
    out = []
    for qh, kh, vh in zip(q, k_full, v_full):
        s = [sum(a * b for a, b in zip(qh, key)) / math.sqrt(d) for key in kh]
        top = max(s)
        e = [math.exp(x - top) for x in s]
        z = sum(e)
        out.append([sum(w * row[j] for w, row in zip(e, vh)) / z for j in range(d)])
    return out


def _case(seed, n_q, n_kv, t, d):
    rng = random.Random(seed)
    vec = lambda: [rng.uniform(-2, 2) for _ in range(d)]
    q = [vec() for _ in range(n_q)]
    k = [[vec() for _ in range(t)] for _ in range(n_kv)]
    v = [[vec() for _ in range(t)] for _ in range(n_kv)]
    return q, k, v


def check_attention(case):
    """Compare gqa_attention with the expanded-KV reference; True or the first differing head."""
    q, k, v = case
    got = gqa_attention(q, k, v)
    expected = _reference(q, k, v)
    if len(got) != len(expected):
        return {"heads": len(got), "expected heads": len(expected)}
    for h, (a, b) in enumerate(zip(got, expected)):
        if len(a) != len(b) or not all(math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12) for x, y in zip(a, b)):
            return {"head": h, "got": a, "expected": b}
    return True


def _mapping(n_q, n_kv):
    return [kv_head_for(h, n_q, n_kv) for h in range(n_q)]


# Readable case: 4 query heads, 2 KV heads, all-zero queries give uniform weights,
# so each head returns the mean of its KV head's values: [2, 0] for KV head 0, [0, 6] for KV head 1.
Q0 = [[0.0, 0.0]] * 4
K0 = [[[1.0, 0.0], [0.0, 1.0]], [[1.0, 1.0], [-1.0, 0.0]]]
V0 = [[[1.0, 0.0], [3.0, 0.0]], [[0.0, 4.0], [0.0, 8.0]]]

# MQA, d = 4 so sqrt(d) = 2: the scores are 0 and 2 * 1 / 2 = 1.
Q1 = [[2.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]]
K1 = [[[0.0, 0.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]]]
V1 = [[[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]]]
SIG1 = 1 / (1 + math.exp(-1))  # weight of the second key for query head 0

# Scores of 1000 and 1001 (math.exp(1000) overflows): 8 query heads, 2 KV heads, d = 4.
Q_BIG = [[1000.0, 0.0, 0.0, 0.0]] * 4 + [[0.0, 1000.0, 0.0, 0.0]] * 4
K_BIG = [[[2.0, 0.0, 0.0, 0.0], [2.002, 0.0, 0.0, 0.0]], [[0.0, 2.002, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0]]]
V_BIG = [[[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0]], [[0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]]]

CASE_GQA = _case(1, 8, 2, 5, 4)
CASE_GQA_3 = _case(2, 6, 3, 7, 3)
CASE_MHA = _case(3, 4, 4, 6, 2)
CASE_MQA = _case(4, 4, 1, 6, 5)
CASE_BIG = (Q_BIG, K_BIG, V_BIG)

EXAMPLES = [
    ("[kv_head_for(h, 8, 2) for h in range(8)]", [0, 0, 0, 0, 1, 1, 1, 1]),
    ("gqa_attention(Q0, K0, V0)", [[2.0, 0.0], [2.0, 0.0], [0.0, 6.0], [0.0, 6.0]]),
    ("gqa_attention(Q1, K1, V1)", [[SIG1] * 4, [0.5] * 4]),
]

TESTS = [
    ("_mapping(6, 3)", [0, 0, 1, 1, 2, 2]),
    ("_mapping(32, 8)[::4]", [0, 1, 2, 3, 4, 5, 6, 7]),
    ("_mapping(4, 4)", [0, 1, 2, 3]),  # MHA: every query head has its own KV head
    ("_mapping(4, 1)", [0, 0, 0, 0]),  # MQA: one KV head for all
    ("check_attention(CASE_MHA)", True),
    ("check_attention(CASE_MQA)", True),
    ("check_attention(CASE_GQA)", True),
    ("check_attention(CASE_GQA_3)", True),
    ("check_attention(CASE_BIG)", True),
    # a single cached token: the output is that token's value vector, whatever the query
    ("gqa_attention([[1.0], [-3.0], [0.5], [2.0]], [[[9.0]], [[-9.0]]], [[[1.0]], [[7.0]]])", [[1.0], [1.0], [7.0], [7.0]]),
    # Llama-3.1-70B (80 layers, 8 KV heads, head_dim 128), BF16: 320 KiB per token
    ("kv_cache_bytes(80, 8, 128, 1, 2)", 327680),
    ("type(kv_cache_bytes(80, 8, 128, 1, 2)).__name__", "int"),  # a byte count, not a float
    ("kv_cache_bytes(80, 8, 128, 131072, 2)", 42949672960),  # 40 GiB for a 128K context
    ("kv_cache_bytes(80, 64, 128, 1, 2)", 2621440),  # the same model as MHA: 8x more
    ("kv_cache_bytes(32, 8, 128, 4096, 1)", 268435456),  # FP8 cache
]
