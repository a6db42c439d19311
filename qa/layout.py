"""Where things live.  One typed object, so every stage agrees on the layout."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The published address when SITE_URL is not set: mkdocs.yml's `site_url: !ENV [SITE_URL, "…"]`
# repeats it (YAML cannot import it; tests/unit/test_exports.py keeps the two equal).
DEFAULT_SITE_URL = "https://miaotui.github.io/llm-inference-qa/"


def site_url(environ: Mapping[str, str] = os.environ) -> str:
    """The address the site is built for, as MkDocs reads it: SITE_URL, else the default; ends with /.

    An empty SITE_URL counts as unset (MkDocs would then build a site without a
    site_url, and the exports need an absolute address).
    """
    url = environ.get("SITE_URL") or DEFAULT_SITE_URL
    return url if url.endswith("/") else url + "/"


def pdf_name(lang: str) -> str:
    """The PDF of all questions, at the root of each language's site (printed by qa.pdf)."""
    return f"llm-inference-qa.{lang}.pdf"


@dataclass(frozen=True)
class Layout:
    root: Path = ROOT

    @property
    def content(self) -> Path:  # authored question sources and topics
        return self.root / "content"

    @property
    def questions(self) -> Path:
        return self.content / "questions"

    @property
    def topics_file(self) -> Path:
        return self.content / "topics.yml"

    @property
    def difficulty_file(self) -> Path:
        return self.content / "difficulty.yml"

    @property
    def examples(self) -> Path:  # runnable examples, one `<slug>.py` per question
        return self.content / "examples"

    @property
    def seed_file(self) -> Path:  # snapshot of ../shared/seed/questions.zh.txt (tests keep them equal)
        return self.content / "seed" / "questions.zh.txt"

    @property
    def redirects_file(self) -> Path:  # authored: retired slugs → current slugs
        return self.content / "redirects.yml"

    @property
    def manifest_file(self) -> Path:  # append-only record of every published URL
        return self.content / "published-urls.txt"

    @property
    def docs(self) -> Path:  # authored pages (home, about), one folder per language
        return self.root / "docs"

    @property
    def build(self) -> Path:  # git-ignored staging area: everything generated
        return self.root / "build"

    @property
    def cache(self) -> Path:  # cards, example outputs (and hooks/search_index.py segmentation), kept between builds
        return self.build / "cache"

    @property
    def staged_docs(self) -> Path:  # MkDocs' docs_dir
        return self.build / "docs"

    @property
    def staged_cards(self) -> Path:  # preview cards, one folder per language; hooks/cards.py publishes them
        return self.build / "cards"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"
