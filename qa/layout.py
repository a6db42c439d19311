"""Where things live.  One typed object, so every stage agrees on the layout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa.contract import Staged

ROOT = Path(__file__).resolve().parents[1]


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
    def problems(self) -> Path:  # coding problems, one folder `<slug>/` each (qa.sources.problems)
        return self.content / "problems"

    @property
    def seed_file(self) -> Path:  # snapshot of ../shared/seed/questions.zh.txt (tests keep them equal)
        return self.content / "seed" / "questions.zh.txt"

    @property
    def redirects_file(self) -> Path:  # authored: retired slugs → current slugs
        return self.content / "redirects.yml"

    @property
    def presets_file(self) -> Path:  # authored: the calculator's model and GPU presets, with sources
        return self.content / "calculator" / "presets.yml"

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
    def staged(self) -> Staged:  # what qa generate writes and the MkDocs plugin reads (qa.contract)
        return Staged(self.build)

    @property
    def cache(self) -> Path:  # kept between builds: cards, example outputs, PDFs, search segmentation
        return self.staged.cache

    @property
    def staged_docs(self) -> Path:  # MkDocs' docs_dir
        return self.staged.docs

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"
