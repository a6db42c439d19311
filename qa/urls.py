"""The URL scheme, in one place: where every language, page, short link, anchor and file lives.

The default language (Chinese) is at the site root, every other language under
`<lang>/`.  Paths here are relative to a language's root unless a function says
otherwise; the generator, the exports, the PDF step, the MkDocs plugin, the
benchmark and the tests all build their addresses from these functions.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from qa.model import DEFAULT_LANGUAGE, LANGUAGES, Catalog

# Slugs (a question's part of its URL) and tags: lowercase words joined by single hyphens.
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Stable ids every question page has; a link may point at any of them.
ANCHORS: tuple[str, ...] = ("question", "answer", "note", "example")
# The anchors recorded in content/published-urls.txt for every question page.
PUBLISHED_ANCHORS: tuple[str, ...] = ("question", "answer")

INDEX = "questions/"  # the list of every question, by topic
PROBLEMS_INDEX = "problems/"  # the list of every coding problem
ALL = "all/"  # every question with its answer on one page
LLMS = "llms.txt"
LLMS_FULL = "llms-full.txt"
DATASET = "questions.json"  # language-neutral: at the site root only
SCHEMA = "questions.schema.json"
REDIRECT_SCRIPT = "assets/javascripts/qa-redirect.js"  # the short links' redirect, at the site root
SEARCH_DOCUMENTS = "search/documents.json"  # a language's search index, fetched on first search
SEARCH_STUB = "search/search_index.json"  # what Material's page script fetches on every load: kept empty


def language_folder(lang: str) -> str:
    """The language's folder under the site root: '' for the default language, else its code."""
    return "" if lang == DEFAULT_LANGUAGE else lang


def language_prefix(lang: str) -> str:
    """The language's root as a path under the site: '/' or '/en/'."""
    folder = language_folder(lang)
    return f"/{folder}/" if folder else "/"


def language_url(site_url: str, lang: str) -> str:
    """Absolute address of a language's home (site_url ends with '/')."""
    return site_url + language_prefix(lang)[1:]


def language_dir(site_dir: Path, lang: str) -> Path:
    """The folder of a language's pages in a built site."""
    folder = language_folder(lang)
    return site_dir / folder if folder else site_dir


def question_path(slug: str) -> str:
    return f"questions/{slug}/"


def short_path(number: int) -> str:
    return f"q/{number}/"


def problem_path(slug: str) -> str:
    return f"problems/{slug}/"


def problem_short_path(number: int) -> str:
    return f"p/{number}/"


def problem_url(site_url: str, lang: str, slug: str) -> str:
    return language_url(site_url, lang) + problem_path(slug)


def calculator_path() -> str:
    """The KV-cache and GPU-memory calculator (qa.generate.calculator)."""
    return CALCULATOR + "/"


def card_path(name: str) -> str:
    """A preview card (a question's slug, or 'home'), relative to the language root."""
    return f"assets/cards/{name}.png"


# Where the generated pages are staged, relative to a language's docs folder (their
# URLs follow from these: `questions/<slug>.md` is published as `questions/<slug>/`).
INDEX_SOURCE = "questions/index.md"
PROBLEMS_SOURCE = "problems/index.md"
ALL_SOURCE = "all.md"
CALCULATOR_SOURCE = "tools/calculator.md"  # CALCULATOR below, staged as Markdown


def question_source(slug: str) -> str:
    return f"questions/{slug}.md"


def problem_source(slug: str) -> str:
    return f"problems/{slug}.md"


def generated_sources(slugs: Sequence[str], problem_slugs: Sequence[str] = ()) -> set[str]:
    """The generated pages of a language with these question and problem slugs (the pages docs may link)."""
    pages = {INDEX_SOURCE, ALL_SOURCE, CALCULATOR_SOURCE, PROBLEMS_SOURCE, *(question_source(slug) for slug in slugs)}
    return pages | {problem_source(slug) for slug in problem_slugs}


def pdf_name(lang: str) -> str:
    """The PDF of every question, at the root of each language (printed by qa.publish.pdf)."""
    return f"llm-inference-qa.{lang}.pdf"


def question_url(site_url: str, lang: str, slug: str) -> str:
    return language_url(site_url, lang) + question_path(slug)


def short_url(site_url: str, lang: str, number: int) -> str:
    return language_url(site_url, lang) + short_path(number)


def other_languages(lang: str) -> list[str]:
    return [code for code in LANGUAGES if code != lang]


def published_urls(catalog: Catalog) -> list[str]:
    """Every URL the site publishes now, as paths under site_url (content/published-urls.txt records them)."""
    found: list[str] = []
    for lang in LANGUAGES:
        root = language_prefix(lang)
        found += [root, root + INDEX, root + ALL, root + pdf_name(lang)]
        found += [root + LLMS, root + LLMS_FULL, root + calculator_path()]
        for q in catalog.in_language(lang):
            page = root + question_path(q.slug)
            found += [
                page,
                *(f"{page}#{anchor}" for anchor in PUBLISHED_ANCHORS),
                root + short_path(q.number),
            ]
        if catalog.problems:
            found.append(root + PROBLEMS_INDEX)
        for p in catalog.problems:
            found += [root + problem_path(p.slug), root + problem_short_path(p.number)]
    return found + [f"/{DATASET}", f"/{SCHEMA}"]


# -- links written in sources ---------------------------------------------------------

# Where each kind of generated page is staged, relative to its language's docs folder:
# a source in QUESTIONS links another question as `slug.md`, a problem as `../problems/slug.md`.
QUESTIONS = "questions"
PROBLEMS = "problems"
CALCULATOR = "tools/calculator"


@dataclass(frozen=True)
class SourceLink:
    """A relative link in a source, as it resolves."""

    kind: str  # "anchor" (this page), "question", "problem" or "calculator"
    slug: str = ""
    anchor: str = ""
    query: str = ""


def parse_source_link(target: str, folder: str = QUESTIONS) -> SourceLink | None:
    """A relative link of a source in `folder`; None if it is not a form sources may use."""
    rest, _, anchor = target.partition("#")
    path, _, query = rest.partition("?")
    if not path:
        return SourceLink("anchor", anchor=anchor) if not query else None
    if not path.endswith(".md") or "\\" in path:
        return None
    page = posixpath.normpath(posixpath.join(folder, path)).removesuffix(".md")
    if page == CALCULATOR:
        return SourceLink("calculator", anchor=anchor, query=query)
    section, _, slug = page.partition("/")
    if query or not slug or "/" in slug:
        return None
    if section == QUESTIONS:
        return SourceLink("question", slug, anchor)
    if section == PROBLEMS:
        return SourceLink("problem", slug, anchor)
    return None
