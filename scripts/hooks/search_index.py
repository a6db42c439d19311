"""MkDocs hook: one search index per language, searched in the reader's language.

Material's search UI fetches `search/search_index.json` relative to `__config.base`.
By default mkdocs-static-i18n merges every language into one root index and gives
English pages the site root as base, so results mix languages.  Instead:

- each page's `__config.base` points at its own language root (en/ for English),
  so a page fetches only its language's index and result links resolve there;
- each language's index is written from build/search/<lang>.json (made by
  `qa generate` from the question sources).  Chinese is segmented with jieba at
  build time: words are joined by U+200B, which the search separator splits on,
  and a `parts` field adds the shorter words inside long ones (知识蒸馏 → 知识, 蒸馏),
  so a multi-character term and its parts both match.  Material's query-time
  segmenter splits Chinese queries along the words of that index.

Runs after static-i18n has written its merged index, and replaces it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import jieba
from i18n_build import building_other_languages, current_language, language_folder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

# Whitespace, U+200B, ASCII punctuation and CJK punctuation separate words.
SEPARATOR = (
    r'[\s\u200b\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\-_,:;!?=\[\]()"`/]+|\.(?!\d)|&[lg]t;'
)
# Words made only of separator characters: dropped where only matching counts
PUNCTUATION = re.compile(SEPARATOR.split("|")[0])
# Field weights: a question whose title or bold answer terms hold the query
# outranks one that merely mentions it in passing.
FIELDS = {
    "title": {"boost": 20},
    "terms": {"boost": 8},
    "text": {"boost": 1},
    "note": {"boost": 0.3},
    "parts": {"boost": 1},
}
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)(")')
WORKER = re.compile(r'("search": ")([^"]*/)(search\.[0-9a-f]+\.min\.js)(")')
DOCUMENTS = "search/documents.json"  # the real index, fetched by the worker on first use
HAN = re.compile(r"[\u3400-\u9fff]")
USER_DICT = Path(__file__).resolve().parents[2] / "content" / "search" / "userdict.zh.txt"

SEGMENTED_FORMAT = "2"  # change when segmented() changes what it returns: older cache entries are dropped

_roots: dict[str, Path] = {}  # language → folder of its site (root or root/en)
_dictionary_loaded = False


def on_config(config: MkDocsConfig) -> None:
    _roots[current_language(config)] = Path(config.site_dir) / language_folder(config)


def load_dictionary() -> None:
    """jieba's dictionary, with ours, loaded once per process and only when a document
    has to be segmented: loading takes about a second, and a rebuild usually finds
    every document in the cache (segmented_cached)."""
    global _dictionary_loaded
    if not _dictionary_loaded:
        jieba.setLogLevel(60)
        jieba.load_userdict(str(USER_DICT))
        _dictionary_loaded = True


@event_priority(10)  # before Material's search plugin (0) reads the page
def on_page_context(context, page, config: MkDocsConfig, nav):
    # Our index replaces the one Material's plugin builds: spare it the work.
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return context


@event_priority(50)  # before hooks/minify.py rewrites the HTML
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Edit the page's __config JSON: its language's base, and our search worker."""
    folder = language_folder(config)
    # overrides/assets/javascripts/workers/qa-search.js: told where Material's worker
    # (for lunr) and this language's documents are, relative to itself
    documents = f"../../../{folder + '/' if folder else ''}{DOCUMENTS}"
    output = WORKER.sub(lambda m: f"{m[1]}{m[2]}qa-search.js?material={m[3]}&index={documents}{m[4]}", output, count=1)
    if folder:  # asset URLs keep using the site root; only the search base moves
        output = CONFIG_BASE.sub(lambda m: f"{m[1]}{m[2]}/{folder}/{m[3]}", output, count=1)
    return output


@event_priority(50)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return on_post_page(output, None, config) if template_name == "404.html" else output


def segment(text: str) -> str:
    """Chinese words joined by U+200B (invisible in the results list)."""
    load_dictionary()
    return "\u200b".join(jieba.cut(text)) if HAN.search(text) else text


def words(text: str) -> str:
    """Chinese words for matching only (the results never show the note): spaces
    instead of U+200B (1 byte instead of 3) and no punctuation, which the
    separator drops anyway: 40 % smaller at 1,000 questions, same terms and ranks."""
    load_dictionary()
    if not HAN.search(text):
        return text
    return " ".join(w for w in jieba.cut(text) if not PUNCTUATION.fullmatch(w))


def sub_words(text: str) -> str:
    """The shorter words inside long ones, which precise segmentation leaves out."""
    load_dictionary()
    precise = set(jieba.cut(text))
    return " ".join(sorted({w for w in jieba.cut_for_search(text) if HAN.search(w)} - precise))


def segmented(d: dict[str, object]) -> dict[str, object]:
    """A Chinese document with its words separated (the slow part: jieba)."""
    load_dictionary()
    return {
        "location": d["location"],
        "title": segment(str(d["title"])),
        "terms": [" ".join(jieba.cut_for_search(str(t))) for t in d["terms"]],  # type: ignore[union-attr]
        "text": segment(str(d["text"])),
        "note": words(str(d["note"])),
        "parts": sub_words(f"{d['title']} {' '.join(d['terms'])} {d['text']}"),  # type: ignore[arg-type]
    }


def segmented_cached(docs: list[dict[str, object]], cache_file: Path) -> list[dict[str, object]]:
    """Segment each document once: results are kept by a hash of the document (and
    of our dictionary), so a rebuild segments only the questions that changed."""
    salt = SEGMENTED_FORMAT + hashlib.sha256(USER_DICT.read_bytes()).hexdigest()
    cache = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file.exists() else {}
    fresh: dict[str, object] = {}
    out = []
    for d in docs:
        key = hashlib.sha256((salt + json.dumps(d, ensure_ascii=False, sort_keys=True)).encode()).hexdigest()
        fresh[key] = cache.get(key) or segmented(d)
        out.append(fresh[key])
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    write_json(cache_file, fresh)
    return out  # type: ignore[return-value]


def index_for(docs: list[dict[str, object]], lang: str, cache_file: Path | None = None) -> dict[str, object]:
    if lang == "zh":
        docs = segmented_cached(docs, cache_file) if cache_file else [segmented(d) for d in docs]
    fields = FIELDS if lang == "zh" else {k: v for k, v in FIELDS.items() if k != "parts"}
    # lunr's English stemmer helps English and leaves Chinese alone; its trimmer
    # would strip non-ASCII words, so only the stemmer runs.
    config = {"lang": ["en"], "separator": SEPARATOR, "pipeline": ["stemmer"], "fields": fields}
    return {"config": config, "docs": docs}


@event_priority(-200)  # after static-i18n (-100) wrote its merged index
def on_post_build(config: MkDocsConfig) -> None:
    if building_other_languages(config):
        return  # all languages are written at the end
    staged = Path(config.docs_dir).parent / "search"
    for lang, root in _roots.items():
        docs = json.loads((staged / f"{lang}.json").read_text(encoding="utf-8"))
        index = index_for(docs, lang, staged.parent / "cache" / f"search-{lang}.json")
        (root / "search").mkdir(parents=True, exist_ok=True)
        write_json(root / DOCUMENTS, index)
        # Material's page script fetches this file on every page load: keep it a stub,
        # so readers download the documents only when they first search
        write_json(root / "search" / "search_index.json", {"config": index["config"], "docs": []})


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
