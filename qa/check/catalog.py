"""Load and validate everything in one pass: the entry point for every later stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.check.rules import validate
from qa.layout import Layout
from qa.model import Label, Problem, Question
from qa.sources.questions import load_labels, load_questions


@dataclass(frozen=True)
class Catalog:
    """All questions of all languages, validated, with their vocabularies."""

    topics: list[Label]
    levels: list[Label]  # difficulty
    questions: list[Question]
    redirects: dict[str, str] = field(default_factory=dict)  # retired slug → current slug

    def in_language(self, lang: str) -> list[Question]:
        return sorted((q for q in self.questions if q.lang == lang), key=lambda q: q.number)

    def topic(self, q: Question) -> Label:
        return next(t for t in self.topics if t.id == q.topic)

    def level(self, q: Question) -> Label:
        return next(level for level in self.levels if level.id == q.difficulty)


def load_catalog(layout: Layout) -> tuple[Catalog, list[Problem]]:
    topics, problems = load_labels(layout.topics_file)
    levels, found = load_labels(layout.difficulty_file)
    problems += found
    questions, unreadable, found = load_questions(layout.questions)
    problems += found
    problems += validate(questions, topics, levels, unreadable)
    # imported here: qa.urls needs Catalog
    from qa.check.published import check_published, load_redirects

    slugs = {q.slug for q in questions}
    redirects, found = load_redirects(layout.redirects_file, slugs)
    catalog = Catalog(topics, levels, questions, redirects)
    problems += found
    if not unreadable:  # a source we could not read may be the page a URL needs
        problems += check_published(layout.manifest_file, catalog, redirects)
    return catalog, sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
