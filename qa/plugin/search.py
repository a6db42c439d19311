"""One search index per language, written from the documents `qa generate` staged.

Chinese is segmented with jieba at build time: words are joined by U+200B, which
the search separator splits on, and a `parts` field adds the shorter words inside
long ones (知识蒸馏 → 知识, 蒸馏), so a multi-character term and its parts both
match.  The query side (overrides/assets/javascripts/workers/qa-search.js) splits
Chinese queries along the words of this index.  Segmentation is cached per
document, so a rebuild segments only the questions that changed.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jieba

# Whitespace, U+200B, ASCII punctuation and CJK punctuation separate words.
SEPARATOR = (
    r'[\s\u200b\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\-_,:;!?=\[\]()"`/]+|\.(?!\d)|&[lg]t;'
)
# Words made only of separator characters: dropped where only matching counts
PUNCTUATION = re.compile(SEPARATOR.split("|")[0])
HAN = re.compile(r"[\u3400-\u9fff]")
SEGMENTED_FORMAT = "2"  # change when segmented() changes what it returns: older cache entries are dropped


class Segmenter:
    """jieba with the field dictionary, loaded once and only when a document must be
    segmented: loading takes about a second, and a rebuild usually finds every
    document in the cache."""

    def __init__(self, user_dictionary: Path):
        self.user_dictionary = user_dictionary
        self._tokenizer: jieba.Tokenizer | None = None

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        if self._tokenizer is None:
            jieba.setLogLevel(60)
            self._tokenizer = jieba.Tokenizer()
            self._tokenizer.load_userdict(str(self.user_dictionary))
        return self._tokenizer

    def segment(self, text: str) -> str:
        """Chinese words joined by U+200B (invisible in the results list)."""
        return "\u200b".join(self.tokenizer.cut(text)) if HAN.search(text) else text

    def words(self, text: str) -> str:
        """Chinese words for matching only (the results never show the note): spaces
        instead of U+200B and no punctuation, which the separator drops anyway."""
        if not HAN.search(text):
            return text
        return " ".join(w for w in self.tokenizer.cut(text) if not PUNCTUATION.fullmatch(w))

    def sub_words(self, text: str) -> str:
        """The shorter words inside long ones, which precise segmentation leaves out."""
        precise = set(self.tokenizer.cut(text))
        return " ".join(sorted({w for w in self.tokenizer.cut_for_search(text) if HAN.search(w)} - precise))

    def segmented(self, d: dict[str, object]) -> dict[str, object]:
        """A Chinese document with its words separated (the slow part)."""
        terms = [str(t) for t in d["terms"]]  # type: ignore[union-attr]
        return {
            "location": d["location"],
            "title": self.segment(str(d["title"])),
            "terms": [" ".join(self.tokenizer.cut_for_search(t)) for t in terms],
            "text": self.segment(str(d["text"])),
            "note": self.words(str(d["note"])),
            "parts": self.sub_words(f"{d['title']} {' '.join(terms)} {d['text']}"),
        }

    def segmented_cached(self, docs: list[dict[str, object]], cache_file: Path) -> list[dict[str, object]]:
        """Each document segmented once: kept by a hash of the document and of the dictionary."""
        salt = SEGMENTED_FORMAT + hashlib.sha256(self.user_dictionary.read_bytes()).hexdigest()
        cache = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.exists() else {}
        fresh: dict[str, object] = {}
        out = []
        for d in docs:
            key = hashlib.sha256((salt + json.dumps(d, ensure_ascii=False, sort_keys=True)).encode()).hexdigest()
            fresh[key] = cache.get(key) or self.segmented(d)
            out.append(fresh[key])
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_json(cache_file, fresh)
        return out  # type: ignore[return-value]


def index_for(
    docs: list[dict[str, object]], lang: str, fields: dict[str, float], segmenter: Segmenter, cache_file: Path | None
) -> dict[str, object]:
    """The lunr index Material's worker loads: its configuration and the documents."""
    if lang == "zh":
        docs = segmenter.segmented_cached(docs, cache_file) if cache_file else [segmenter.segmented(d) for d in docs]
    used = fields if lang == "zh" else {k: v for k, v in fields.items() if k != "parts"}
    # lunr's English stemmer helps English and leaves Chinese alone; its trimmer
    # would strip non-ASCII words, so only the stemmer runs.
    config = {
        "lang": ["en"],
        "separator": SEPARATOR,
        "pipeline": ["stemmer"],
        "fields": {name: {"boost": boost} for name, boost in used.items()},
    }
    return {"config": config, "docs": docs}


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
