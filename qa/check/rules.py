"""Rules every question source must follow.  Each rule returns problems; none stops early."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from qa.check.calculator import calculator_query
from qa.check.markup import LinkRules, check_body, check_plain_text
from qa.model import DEFAULT_LANGUAGE, LANGUAGES, Finding, Label, Question
from qa.sources.presets import Presets
from qa.sources.questions import NOTE_HEADING
from qa.sources.scaffold import PLACEHOLDER
from qa.urls import KEBAB, QUESTIONS

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
MAX_TITLE = 80  # characters; longer titles break the index table and preview cards

MAX_TAGS = 6
SHARED = ("slug", "topic", "difficulty", "tags")  # the same in every language


@dataclass(frozen=True)
class Vocabulary:
    topics: set[str]
    levels: set[str]


FileRule = Callable[[Question, Vocabulary], Iterator[Finding]]


def body_lines(q: Question) -> Iterator[tuple[int, str]]:
    """(line number in the source, text) for every line of the answer and the note."""
    for offset, line in enumerate(q.answer.splitlines()):
        yield q.line_of("body") + offset, line
    for offset, line in enumerate(q.note.splitlines()):
        yield q.line_of("note") + offset, line


def check_identity(q: Question, vocabulary: Vocabulary) -> Iterator[Finding]:
    if "number" not in q.invalid and q.number < 1:
        yield Finding(q.path, q.line_of("number"), f"number {q.number} is not positive — number questions from 1")
    if "slug" in q.invalid:
        pass
    elif not q.slug:
        yield Finding(q.path, q.line_of("slug"), "slug is empty — set a short English kebab-case slug")
    elif not KEBAB.match(q.slug):
        yield Finding(
            q.path,
            q.line_of("slug"),
            f"slug `{q.slug}` is not kebab-case — use lowercase letters, digits and single hyphens",
        )
    if "topic" not in q.invalid and q.topic not in vocabulary.topics:
        yield Finding(
            q.path,
            q.line_of("topic"),
            f"unknown topic `{q.topic}` — use one of: {', '.join(sorted(vocabulary.topics))}",
        )
    if "difficulty" not in q.invalid and q.difficulty not in vocabulary.levels:
        yield Finding(
            q.path,
            q.line_of("difficulty"),
            f"unknown difficulty `{q.difficulty}` — use one of: {', '.join(sorted(vocabulary.levels))}",
        )
    if "tags" not in q.invalid:
        if not 1 <= len(q.tags) <= MAX_TAGS:
            yield Finding(
                q.path, q.line_of("tags"), f"give 1 to {MAX_TAGS} tags, not {len(q.tags)} — tags find related questions"
            )
        for tag in q.tags:
            if not isinstance(tag, str) or not KEBAB.match(tag):
                yield Finding(
                    q.path, q.line_of("tags"), f"tag `{tag}` is not kebab-case — use lowercase words joined by hyphens"
                )


def check_text(q: Question, _: Vocabulary) -> Iterator[Finding]:
    for key in ("title", "prompt"):
        if key not in q.invalid and not getattr(q, key):
            yield Finding(q.path, q.line_of(key), f"{key} is empty — write the question's {key}")
    if len(q.title) > MAX_TITLE:
        yield Finding(
            q.path,
            q.line_of("title"),
            f"title is {len(q.title)} characters long — shorten it to at most {MAX_TITLE}",
        )
    if not q.answer:
        yield Finding(q.path, q.line_of("body"), "answer is empty — write the answer below the front matter")
    if q.lang != DEFAULT_LANGUAGE:
        for key in ("title", "prompt"):
            if CJK.search(getattr(q, key)):
                yield Finding(q.path, q.line_of(key), f"{key} contains Chinese characters — translate it into English")
        for number, line in body_lines(q):
            if CJK.search(line):
                yield Finding(q.path, number, "text contains Chinese characters — translate it into English")


def check_note(q: Question, _: Vocabulary) -> Iterator[Finding]:
    """The body is the answer, then (optionally) the editor's note, citing its sources."""
    if not q.note:
        return
    heading = NOTE_HEADING[q.lang]
    for number, line in body_lines(q):
        if line.startswith("## ") and not (number == q.line_of("note") and line.strip() == heading):
            yield Finding(
                q.path, number, f"unexpected section `{line.strip()}` — after the answer comes only `{heading}`"
            )
    if not re.search(r"\]\(https?://", q.note):
        yield Finding(
            q.path, q.line_of("note"), "editor's note cites no source — link a paper (arXiv) or official documentation"
        )


def check_markup(q: Question, links: LinkRules) -> Iterator[Finding]:
    """The answer and the note publish only what the allowlist allows (qa.check.markup);
    the title and the prompt are plain text."""
    for key in ("title", "prompt"):
        if key not in q.invalid:
            yield from check_plain_text(q.path, q.line_of(key), key, getattr(q, key))
    yield from check_body(q.path, q.answer, q.line_of("body"), links, QUESTIONS)
    if q.note:  # after its heading, which check_note checks
        yield from check_body(q.path, q.note.partition("\n")[2], q.line_of("note") + 1, links, QUESTIONS)


def check_set(questions: list[Question], unknown: set[str]) -> Iterator[Finding]:
    """Rules across files: uniqueness per language and agreement between languages.

    `unknown` holds languages with a source whose number is unknown (unreadable or
    invalid): any question could be that one, so "no source" is not reported for them.
    """
    for lang in LANGUAGES:
        mine = [q for q in questions if q.lang == lang]
        for key in ("number", "slug"):
            seen: dict[object, Question] = {}
            for q in mine:
                if key in q.invalid:
                    continue
                value = getattr(q, key)
                if value in seen and value != "":
                    first = seen[value]
                    yield Finding(
                        q.path,
                        q.line_of(key),
                        f"duplicate {key} `{value}` (also in {first.path.name}) — give each question its own {key}",
                    )
                else:
                    seen.setdefault(value, q)
    by_number: dict[int, dict[str, Question]] = defaultdict(dict)
    for q in questions:
        if "number" not in q.invalid:
            by_number[q.number].setdefault(q.lang, q)
    for number, versions in sorted(by_number.items()):
        for lang in LANGUAGES:
            if lang not in versions and lang not in unknown:
                present = next(iter(versions.values()))
                yield Finding(
                    present.path,
                    present.line_of("number"),
                    f"question {number} has no {lang} source — add content/questions/{lang}/{number:02d}.md",
                )
        reference = versions.get(DEFAULT_LANGUAGE)
        if reference is None:
            continue
        for q in versions.values():
            for key in SHARED:
                if key in q.invalid or key in reference.invalid:
                    continue
                if q is not reference and getattr(q, key) != getattr(reference, key):
                    yield Finding(
                        q.path,
                        q.line_of(key),
                        f"{key} `{getattr(q, key)}` differs from the Chinese source's `{getattr(reference, key)}` "
                        f"— use the same {key} in every language",
                    )


def check_placeholders(q: Question, _: Vocabulary) -> Iterator[Finding]:
    """What `qa new` wrote to be filled in, each place reported until it is."""
    placeholder = PLACEHOLDER.get(q.lang, "")
    for key in ("title", "prompt"):
        if placeholder in getattr(q, key):
            yield Finding(q.path, q.line_of(key), f"{key} is still the placeholder ({placeholder}) — write the {key}")
    for number, line in body_lines(q):
        if placeholder in line:
            yield Finding(q.path, number, f"placeholder ({placeholder}) left — fill this line in")


FILE_RULES: tuple[FileRule, ...] = (check_identity, check_text, check_note, check_placeholders)


def validate(
    questions: list[Question],
    topics: list[Label],
    levels: list[Label],
    unreadable: set[str] = frozenset(),
    presets: Presets | None = None,
    problem_slugs: set[str] | None = None,
) -> list[Finding]:
    """Every problem in the set, in one pass.  `unreadable`: languages with a source
    whose front matter could not be read at all; `presets`: the calculator's, which
    links to it are checked against (None: its preset ids are not checked);
    `problem_slugs`: the coding problems links may point at (None: not checked)."""
    vocabulary = Vocabulary({t.id for t in topics}, {level.id for level in levels})
    problems: list[Finding] = []
    unknown_number = set(unreadable) | {q.lang for q in questions if "number" in q.invalid}
    unknown_slug = set(unreadable) | {q.lang for q in questions if "slug" in q.invalid}
    slugs: dict[str, set[str] | None] = {
        lang: None if lang in unknown_slug else {q.slug for q in questions if q.lang == lang} for lang in LANGUAGES
    }
    calculator = calculator_query(presets)
    for q in questions:
        for rule in FILE_RULES:
            problems.extend(rule(q, vocabulary))
        problems.extend(check_markup(q, LinkRules(slugs[q.lang], problem_slugs, calculator)))
    problems.extend(check_set(questions, unknown_number))
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
