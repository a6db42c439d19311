"""Byte-pair encoding: learn merges on a tiny corpus, then split rare and unseen words."""
from collections import Counter

CORPUS = {"low": 5, "lower": 2, "newest": 6, "widest": 3}  # classic example (Sennrich et al.)
END = "_"  # end-of-word marker


def pair_counts(vocab: dict[tuple[str, ...], int]) -> Counter[tuple[str, str]]:
    pairs: Counter[tuple[str, str]] = Counter()
    for symbols, freq in vocab.items():
        for a, b in zip(symbols, symbols[1:]):
            pairs[a, b] += freq
    return pairs


def apply_merge(symbols: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def learn_bpe(corpus: dict[str, int], n_merges: int) -> list[tuple[str, str]]:
    vocab = {tuple(word) + (END,): freq for word, freq in corpus.items()}
    merges: list[tuple[str, str]] = []
    for _ in range(n_merges):
        pairs = pair_counts(vocab)
        best = max(pairs, key=pairs.__getitem__)  # ties: first pair seen wins
        merges.append(best)
        vocab = {apply_merge(s, best): f for s, f in vocab.items()}
    return merges


def tokenize(word: str, merges: list[tuple[str, str]]) -> list[str]:
    symbols = tuple(word) + (END,)
    for pair in merges:  # apply merges in the order they were learned
        symbols = apply_merge(symbols, pair)
    return list(symbols)


def main() -> None:
    merges = learn_bpe(CORPUS, n_merges=10)
    print("learned merges:", " ".join(a + "+" + b for a, b in merges))
    for word in ["newest", "lowest", "newer", "slowest", "zebra"]:
        tag = "in corpus" if word in CORPUS else "unseen"
        print(f"{word:7s} ({tag:9s}) -> {tokenize(word, merges)}")
    print("Unseen words become known subwords or single characters: no <unk> token needed.")
    print("Byte-level BPE (GPT-style) starts from 256 bytes, so every string is covered.")


if __name__ == "__main__":
    main()
