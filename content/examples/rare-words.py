"""BPE on a tiny corpus: rare words split into known subwords; unseen characters need a byte-level base."""
from collections import Counter
from collections.abc import Callable

CORPUS = {"low": 5, "lower": 2, "newest": 6, "widest": 3}  # classic example (Sennrich et al.)
END = "</w>"  # end-of-word marker, as in Sennrich et al.
Symbols = tuple[str, ...]


def chars(word: str) -> Symbols:
    return tuple(word) + (END,)


def byte_symbol(b: int) -> str:
    """A byte written as itself if printable ASCII, else as <XX>."""
    return chr(b) if 32 < b < 127 else f"<{b:02X}>"


def utf8_bytes(word: str) -> Symbols:
    """One symbol per UTF-8 byte."""
    return tuple(byte_symbol(b) for b in word.encode()) + (END,)


def apply_merge(symbols: Symbols, pair: tuple[str, str]) -> Symbols:
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def learn_bpe(split: Callable[[str], Symbols], n_merges: int) -> list[tuple[str, str]]:
    vocab = {split(word): freq for word, freq in CORPUS.items()}
    merges: list[tuple[str, str]] = []
    for _ in range(n_merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for symbols, freq in vocab.items():
            for a, b in zip(symbols, symbols[1:]):
                pairs[a, b] += freq
        best = max(pairs, key=pairs.__getitem__)  # ties: first pair seen wins
        merges.append(best)
        vocab = {apply_merge(s, best): f for s, f in vocab.items()}
    return merges


def tokenize(word: str, split: Callable[[str], Symbols], merges: list[tuple[str, str]],
             base: set[str]) -> list[str]:
    symbols = tuple(s if s in base else "<unk>" for s in split(word))  # not in base vocabulary
    for pair in merges:  # apply merges in the order they were learned
        symbols = apply_merge(symbols, pair)
    return list(symbols)


def main() -> None:
    char_base = {c for w in CORPUS for c in chars(w)}                    # characters seen in training
    byte_base = {byte_symbol(b) for b in range(256)} | {END}             # all 256 byte values
    char_merges, byte_merges = learn_bpe(chars, 10), learn_bpe(utf8_bytes, 10)
    print("learned merges:", " ".join(a + "+" + b for a, b in char_merges),
          f"(same for bytes on this ASCII corpus: {char_merges == byte_merges})")
    print(f"base vocabulary: char-level {len(char_base)} symbols seen in the corpus, "
          f"byte-level {len(byte_base) - 1} byte values + end marker")
    unk = {"char": 0, "byte": 0}
    for word in ["newest", "lowest", "newer", "slowest", "zebra", "caf\u00e9"]:
        tag = "in corpus" if word in CORPUS else "unseen"
        c_tok = tokenize(word, chars, char_merges, char_base)
        b_tok = tokenize(word, utf8_bytes, byte_merges, byte_base)
        unk["char"] += "<unk>" in c_tok
        unk["byte"] += "<unk>" in b_tok
        shown = word.encode("ascii", "backslashreplace").decode()
        print(f"{shown:10s} ({tag:9s}) char-level {' '.join(c_tok):28s} byte-level {' '.join(b_tok)}")
    print(f"words needing <unk>: char-level {unk['char']} of 6 (letters it never saw), "
          f"byte-level {unk['byte']} of 6")


if __name__ == "__main__":
    main()
