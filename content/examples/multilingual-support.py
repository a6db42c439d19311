"""Token cost by script: UTF-8 bytes per character for the same sentence in 4 languages."""
import re

# The same sentence ("The weather is nice today, let's take a walk in the park.") in four
# languages. Non-ASCII text is written with escapes so this file stays pure ASCII.
SAMPLES = {
    "English": "The weather is nice today, let's take a walk in the park.",
    "Russian": "\u0421\u0435\u0433\u043e\u0434\u043d\u044f "
               "\u0445\u043e\u0440\u043e\u0448\u0430\u044f \u043f\u043e\u0433\u043e\u0434\u0430, "
               "\u043f\u043e\u0439\u0434\u0451\u043c "
               "\u0433\u0443\u043b\u044f\u0442\u044c \u0432 \u043f\u0430\u0440\u043a.",
    "Chinese": "\u4eca\u5929\u5929\u6c14\u5f88\u597d\uff0c\u6211\u4eec\u53bb\u516c\u56ed\u6563"
               "\u6b65\u5427\u3002",
    "Japanese": "\u4eca\u65e5\u306f\u5929\u6c17\u304c\u3044\u3044\u306e\u3067\u3001\u516c\u5712"
                "\u3092\u6563\u6b69\u3057\u307e\u3057\u3087\u3046\u3002",
}


def byte_tokens(text: str) -> int:
    """A byte-level tokenizer with no merges emits one token per UTF-8 byte."""
    return len(text.encode("utf-8"))


def english_centric_tokens(text: str) -> int:
    """Toy vocabulary learned on English: each ASCII word or symbol is one token,
    anything else falls back to one token per UTF-8 byte."""
    pieces = re.findall(r"[A-Za-z']+|\S", text)
    return sum(1 if p.isascii() else byte_tokens(p) for p in pieces)


def main() -> None:
    base = english_centric_tokens(SAMPLES["English"])
    print("language  chars  bytes/char  byte-level  English-vocab  cost vs English")
    for lang, text in SAMPLES.items():
        n_bytes, n_tok = byte_tokens(text), english_centric_tokens(text)
        print(f"{lang:8s}  {len(text):5d}  {n_bytes / len(text):10.2f}  {n_bytes:10d}  "
              f"{n_tok:13d}  {n_tok / base:14.2f}x")
    for ch, name in [("a", "Latin letter"), ("\u0436", "Cyrillic letter"),
                     ("\u6c14", "CJK ideograph"), ("\U0001f642", "emoji")]:
        print(f"one {name:15s} = {byte_tokens(ch)} UTF-8 byte(s)")
    print("Same meaning, several times the tokens: more cost, more latency, less context.")
    print("Multilingual BPE vocabularies (e.g. 100k-250k tokens) merge common CJK characters")
    print("and Cyrillic words into single tokens, shrinking this gap.")


if __name__ == "__main__":
    main()
