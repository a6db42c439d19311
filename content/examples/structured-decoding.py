"""Regex-constrained decoding: compile a DFA, precompute state -> allowed tokens, mask random logits each step."""
import re

import numpy as np

SEGMENTS = [("lit", '{"name": "'), ("plus", "abcdefghijklmnopqrstuvwxyz"), ("lit", '", "age": '),
            ("plus", "0123456789"), ("lit", "}")]
REGEX = r'\{"name": "[a-z]+", "age": [0-9]+\}'
VOCAB = ['{', '{"', 'name', '":', ' "', '": "', '"', '", "', 'age', '": ', '}', '"}', ',', ' ', ':',
         'a', 'b', 'o', 'bo', 'bob', 'ali', 'ce', 'x', 'an', 'na', 'me', '1', '2', '3', '42', '7', '0',
         '10}', 'hello', ' world', '""', '\n', 'Name', '{"name"'] + ['<eos>']
EOS = len(VOCAB) - 1
PATTERN_TEXT = '{"name": "x", "age": 1}'  # a string that walks the DFA states in order (for printing)


def build_dfa():
    trans: list[dict[str, int]] = [{}]
    cur = 0
    for kind, chars in SEGMENTS:
        if kind == "lit":
            for ch in chars:
                trans.append({})
                trans[cur][ch] = len(trans) - 1
                cur = len(trans) - 1
        else:  # one or more characters of the class
            trans.append({})
            loop = len(trans) - 1
            for ch in chars:
                trans[cur][ch] = loop
                trans[loop][ch] = loop
            cur = loop
    return trans, {cur}


def build_index(trans, accept):
    """For every DFA state: {token id: state after the token}. Done once per (pattern, vocabulary)."""
    index = []
    for s in range(len(trans)):
        allowed = {}
        for tid, tok in enumerate(VOCAB[:EOS]):
            t = s
            for ch in tok:
                t = trans[t].get(ch)
                if t is None:
                    break
            if t is not None:
                allowed[tid] = t
        if s in accept:
            allowed[EOS] = s
        index.append(allowed)
    # Drop tokens that lead to dead ends: states from which no token sequence reaches the end.
    live = set(accept)
    while True:
        grown = live | {s for s, allowed in enumerate(index) if any(t in live for t in allowed.values())}
        if grown == live:
            break
        live = grown
    dead = [(s, VOCAB[tid]) for s in sorted(live) for tid, t in index[s].items() if t not in live]
    return [{tid: t for tid, t in allowed.items() if t in live} for allowed in index], live, dead


def generate(index, rng, constrained=True, max_steps=40):
    state, out = 0, []
    for _ in range(max_steps):
        logits = rng.normal(0, 2, len(VOCAB))  # a "model" that knows nothing about the format
        if constrained:
            mask = np.full(len(VOCAB), -np.inf)
            mask[list(index[state])] = 0.0
            logits = logits + mask
        p = np.exp(logits - logits.max())
        tid = int(rng.choice(len(VOCAB), p=p / p.sum()))
        if tid == EOS:
            break
        out.append(VOCAB[tid])
        if constrained:
            state = index[state][tid]
    return "".join(out), len(out)


def main() -> None:
    trans, accept = build_dfa()
    index, live, dead = build_index(trans, accept)
    sizes = [len(index[s]) for s in sorted(live)]
    print(f"DFA: {len(trans)} states, {len(live)} of them can still reach the end with this {len(VOCAB)}-token vocab")
    print(f"allowed tokens per live state: min {min(sizes)}, max {max(sizes)}, mean {np.mean(sizes):.1f}")
    for s, tok in dead:
        print(f"pruned: {tok!r} after {PATTERN_TEXT[:s]!r} (no token continues from there)")
    rng = np.random.default_rng(0)
    for _ in range(3):
        text, n = generate(index, rng)
        print(f"constrained: {text!r} ({n} tokens) valid={bool(re.fullmatch(REGEX, text))}")
    n = 300
    ok = sum(bool(re.fullmatch(REGEX, generate(index, rng, constrained=False)[0])) for _ in range(n))
    print(f"unconstrained, same logits distribution: {ok}/{n} valid")
    forced = sum(1 for s in live if len(trans[s]) == 1)
    print(f"live states with exactly one legal next character: {forced} of {len(live)} "
          "(jump-forward appends such runs without sampling)")
    v = 128_256
    print(f"mask for a {v}-token vocab: {v // 8:,} B as a bitmask, {v * 4:,} B as an FP32 additive mask")


if __name__ == "__main__":
    main()
