"""Translations that cannot drift from their source.

Chinese is the source language of every question: the seed's are the seed article's
text, and this site writes its new ones in Chinese first.  Each English source
records, as `translated_from`, a stamp of the Chinese source it was last checked
against: a short hash of the Chinese title, prompt, answer and note.  When the Chinese
source changes and the English one is not checked again, the stamps differ, and
validation says so at the English file; `qa translated N` records the new stamp once
the translation is updated.
"""

from __future__ import annotations

from collections.abc import Iterator

from qa.model import DEFAULT_LANGUAGE, Finding, Question
from qa.sources.questions import stamp

SOURCE_LANGUAGE = DEFAULT_LANGUAGE
LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


def check_translations(questions: list[Question]) -> Iterator[Finding]:
    sources = {q.number: q for q in questions if q.lang == SOURCE_LANGUAGE and "number" not in q.invalid}
    name = LANGUAGE_NAMES[SOURCE_LANGUAGE]
    for q in questions:
        source = sources.get(q.number)
        if q.lang == SOURCE_LANGUAGE or source is None:
            continue
        fix = f"update it, then run `qa translated {q.number}`"
        if not q.translated_from:
            then = f"run `qa translated {q.number}`"
            message = f"translation has no `translated_from` stamp — check it against the {name} source, then {then}"
            yield Finding(q.path, 1, message)
        elif q.translated_from != stamp(source):
            line = q.line_of("translated_from")
            yield Finding(q.path, line, f"the {name} source changed since this translation — {fix}")
