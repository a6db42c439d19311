"""The Chinese text of every seed question is the seed article's, verbatim.

A question is a seed question when its number is one of the seed article's
(content/seed/questions.zh.txt); every other question was added by this site.
Its Chinese title, prompt and answer (lead sentence and bullets) must be the
seed's; the editor's note after them is ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from qa.model import DEFAULT_LANGUAGE, Finding, Question
from qa.sources.answer import parse_answer
from qa.sources.seed import SeedQuestion


def check_seed_text(questions: list[Question], seed: list[SeedQuestion], seed_file: Path) -> Iterator[Finding]:
    by_number = {q.number: q for q in questions if q.lang == DEFAULT_LANGUAGE and "number" not in q.invalid}
    where = seed_file.as_posix().rsplit("content/", 1)[-1]
    for s in seed:
        q = by_number.get(s.number)
        if q is None:
            continue  # reported by the rule that every question has a source in every language
        fix = f"restore the seed's text (content/{where}:{s.line}); corrections go in the editor's note"
        for key in ("title", "prompt"):
            if key not in q.invalid and getattr(q, key) != getattr(s, key):
                yield Finding(q.path, q.line_of(key), f"{key} differs from the seed article — {fix}")
        if parse_answer(q.answer) != parse_answer(s.answer):
            yield Finding(q.path, q.line_of("body"), f"answer differs from the seed article — {fix}")
