"""Load and validate everything in one pass: the entry point for every later stage."""

from __future__ import annotations

from dataclasses import dataclass

from qa.config import Layout
from qa.model import LANGUAGES, Problem, Question, Topic
from qa.sources import load_questions, load_topics
from qa.validate import validate


@dataclass(frozen=True)
class Catalog:
    """All questions of all languages, validated."""

    topics: list[Topic]
    questions: list[Question]

    def in_language(self, lang: str) -> list[Question]:
        return sorted((q for q in self.questions if q.lang == lang), key=lambda q: q.number)

    def numbers(self) -> list[int]:
        return sorted({q.number for q in self.questions})


def load_catalog(layout: Layout) -> tuple[Catalog, list[Problem]]:
    topics, problems = load_topics(layout.topics_file)
    questions, unreadable, found = load_questions(layout.questions)
    problems += found
    problems += validate(questions, topics, unreadable)
    return Catalog(topics, questions), sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


__all__ = ["Catalog", "load_catalog", "LANGUAGES"]
