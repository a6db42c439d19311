"""Typed records shared by every stage: questions, coding problems, labels, the catalog and findings."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


MAX_QUOTED = 80  # characters of an authored value a message quotes


def quoted(value: object) -> str:
    """An authored value as a message quotes it: on one line, at most MAX_QUOTED characters."""
    text = str(value).replace("\n", " ")
    return text if len(text) <= MAX_QUOTED else text[: MAX_QUOTED - 1] + "…"


@dataclass(frozen=True)
class Finding:
    """One bad input, reported as `path:line: message`."""

    path: Path
    line: int
    message: str

    def render(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None:
            # where the file is named, not where a symbolic link leads
            absolute, base = Path(os.path.abspath(self.path)), Path(os.path.abspath(root))
            try:
                shown = absolute.relative_to(base)
            except ValueError:
                try:
                    shown = self.path.resolve().relative_to(root.resolve())
                except ValueError:
                    pass
        return f"{shown.as_posix()}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Label:
    """An entry of a fixed vocabulary (a topic, a difficulty) with its name per language."""

    id: str
    labels: dict[str, str]  # language → label


@dataclass(frozen=True)
class Bullet:
    term: str
    text: str


@dataclass
class Question:
    """One question in one language, as read from its source file."""

    lang: str
    path: Path
    number: int
    slug: str
    topic: str
    difficulty: str
    tags: list[str]
    title: str
    prompt: str
    answer: str  # Markdown: the lead sentence and the bullets (the seed's text for Chinese)
    note: str = ""  # Markdown: the editor's note section after the answer, heading included
    translated_from: str = ""  # a translation: the stamp of the source it was checked against
    # line numbers of front matter keys and of the body, for error messages
    lines: dict[str, int] = field(default_factory=dict)
    # fields whose value was missing or of the wrong type (already reported)
    invalid: set[str] = field(default_factory=set)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass(frozen=True)
class ProblemText:
    """A coding problem's words in one language (content/problems/<slug>/<lang>.md)."""

    lang: str
    path: Path
    title: str
    statement: str  # Markdown
    constraints: list[str]  # Markdown, one item each
    hints: list[str]  # Markdown, shown folded, one at a time
    complexity: str  # Markdown: the reference solution's idea and its cost
    lines: dict[str, int] = field(default_factory=dict)  # front matter keys and "body" → line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


@dataclass(frozen=True)
class Problem:
    """A coding problem (content/problems/<slug>/): its words per language, its code and tests."""

    slug: str
    folder: Path
    number: int
    difficulty: str
    related: list[str]  # question slugs
    texts: dict[str, ProblemText]  # language → words
    code: dict[str, str]  # "starter", "solution", "wrong", "tests" → the file's text
    lines: dict[str, int] = field(default_factory=dict)  # problem.yml keys → line

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    def file(self, name: str) -> Path:
        """One of the problem's files: problem.yml, <lang>.md or <name>.py."""
        return self.folder / name


@dataclass(frozen=True)
class Catalog:
    """All questions of all languages, validated, with their vocabularies."""

    topics: list[Label]
    levels: list[Label]  # difficulty
    questions: list[Question]
    redirects: dict[str, str] = field(default_factory=dict)  # retired slug → current slug
    seed_numbers: frozenset[int] = frozenset()  # the questions of the seed article (the others are ours)
    problems: list[Problem] = field(default_factory=list)  # the coding problems, by number

    def in_language(self, lang: str) -> list[Question]:
        return sorted((q for q in self.questions if q.lang == lang), key=lambda q: q.number)

    def topic(self, q: Question) -> Label:
        return next(t for t in self.topics if t.id == q.topic)

    def origin(self, q: Question) -> str:
        """Where the question comes from: 'seed' (the seed article) or 'site' (added by this site)."""
        return "seed" if q.number in self.seed_numbers else "site"

    def level(self, q: Question) -> Label:
        return next(level for level in self.levels if level.id == q.difficulty)


class SourceError(Exception):
    """Raised by importers when their input cannot be parsed at all."""

    def __init__(self, problems: list[Finding]):
        super().__init__("\n".join(p.render() for p in problems))
        self.problems = problems
