"""Rules every question source must follow.  Each rule returns problems; none stops early."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator

from qa.model import DEFAULT_LANGUAGE, LANGUAGES, Problem, Question, Topic

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
MAX_TITLE = 80  # characters; longer titles break the index table and preview cards
ANCHORS = ("question", "answer", "note", "example")  # stable ids every question page has
LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^\s*(```|~~~)")
BLOCK_OPEN = re.compile(r"^\s*///\s*\w")
BLOCK_CLOSE = re.compile(r"^\s*///\s*$")
RAW_HTML = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> is not allowed — remove it; pages may not run their own scripts"),
    (re.compile(r"<\s*iframe\b", re.I), "raw <iframe> is not allowed — link to the page instead"),
    (
        re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
        "event-handler attribute (on…=) is not allowed — remove it",
    ),
    (re.compile(r"javascript\s*:", re.I), "`javascript:` URL is not allowed — link to an http(s) page"),
]

FileRule = Callable[[Question, set[str]], Iterator[Problem]]


def check_identity(q: Question, topic_ids: set[str]) -> Iterator[Problem]:
    if "number" not in q.invalid and q.number < 1:
        yield Problem(q.path, q.line_of("number"), f"number {q.number} is not positive — number questions from 1")
    if "slug" in q.invalid:
        pass
    elif not q.slug:
        yield Problem(q.path, q.line_of("slug"), "slug is empty — set a short English kebab-case slug")
    elif not KEBAB.match(q.slug):
        yield Problem(
            q.path,
            q.line_of("slug"),
            f"slug `{q.slug}` is not kebab-case — use lowercase letters, digits and single hyphens",
        )
    if "topic" not in q.invalid and q.topic not in topic_ids:
        yield Problem(
            q.path,
            q.line_of("topic"),
            f"unknown topic `{q.topic}` — use one of: {', '.join(sorted(topic_ids))}",
        )


def check_text(q: Question, _: set[str]) -> Iterator[Problem]:
    for key in ("title", "prompt"):
        if key not in q.invalid and not getattr(q, key):
            yield Problem(q.path, q.line_of(key), f"{key} is empty — write the question's {key}")
    if len(q.title) > MAX_TITLE:
        yield Problem(
            q.path,
            q.line_of("title"),
            f"title is {len(q.title)} characters long — shorten it to at most {MAX_TITLE}",
        )
    if not q.answer:
        yield Problem(q.path, q.line_of("body"), "answer is empty — write the answer below the front matter")
    if q.lang != DEFAULT_LANGUAGE:
        for key in ("title", "prompt"):
            if CJK.search(getattr(q, key)):
                yield Problem(q.path, q.line_of(key), f"{key} contains Chinese characters — translate it into English")
        for offset, line in enumerate(q.answer.splitlines()):
            if CJK.search(line):
                yield Problem(
                    q.path, _body_line(q, offset), "answer contains Chinese characters — translate it into English"
                )


def check_markup(q: Question, _: set[str]) -> Iterator[Problem]:
    fence_at: int | None = None
    block_at: list[int] = []
    for offset, line in enumerate(q.answer.splitlines()):
        number = _body_line(q, offset)
        if FENCE.match(line):
            fence_at = None if fence_at is not None else number
            continue
        if fence_at is not None:
            continue  # code is shown, not rendered: no markup rules inside
        if BLOCK_OPEN.match(line):
            block_at.append(number)
        elif BLOCK_CLOSE.match(line):
            if block_at:
                block_at.pop()
            else:
                yield Problem(q.path, number, "`///` closes a block that was never opened — remove it")
        for pattern, message in RAW_HTML:
            if pattern.search(line):
                yield Problem(q.path, number, message)
    if fence_at is not None:
        yield Problem(q.path, fence_at, "code fence is not closed — add a closing ``` line")
    for number in block_at:
        yield Problem(q.path, number, "block is not closed — add a closing `///` line")


def check_links(q: Question, slugs: set[str] | None) -> Iterator[Problem]:
    """Links to other questions must resolve; `slugs` is None when they cannot be known."""
    for offset, line in enumerate(q.answer.splitlines()):
        for match in LINK.finditer(line):
            target = match["target"]
            if re.match(r"^\s*javascript\s*:", target, re.I):
                continue  # reported by check_markup
            if re.match(r"^(https?:|mailto:)", target) or target.startswith("#"):
                if target.startswith("#") and target[1:] not in ANCHORS:
                    yield _bad_anchor(q, offset, target[1:])
                continue
            page, _, anchor = target.partition("#")
            if not page.endswith(".md") or "/" in page:
                yield Problem(
                    q.path,
                    _body_line(q, offset),
                    f"link `{target}` is not a question link — write another question as `slug.md`, or an http(s) URL",
                )
            elif slugs is not None and page[:-3] not in slugs:
                yield Problem(
                    q.path,
                    _body_line(q, offset),
                    f"link `{target}` points to a missing question — use the slug of an existing question",
                )
            elif anchor and anchor not in ANCHORS:
                yield _bad_anchor(q, offset, anchor)


def _bad_anchor(q: Question, offset: int, anchor: str) -> Problem:
    return Problem(
        q.path,
        _body_line(q, offset),
        f"link points to a missing anchor `#{anchor}` — use one of: {', '.join('#' + a for a in ANCHORS)}",
    )


def _body_line(q: Question, offset: int) -> int:
    return q.line_of("body") + offset


def check_set(questions: list[Question], unknown: set[str]) -> Iterator[Problem]:
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
                    yield Problem(
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
                yield Problem(
                    present.path,
                    present.line_of("number"),
                    f"question {number} has no {lang} source — add content/questions/{lang}/{number:02d}.md",
                )
        reference = versions.get(DEFAULT_LANGUAGE)
        if reference is None:
            continue
        for q in versions.values():
            for key in ("slug", "topic"):
                if key in q.invalid or key in reference.invalid:
                    continue
                if q is not reference and getattr(q, key) != getattr(reference, key):
                    yield Problem(
                        q.path,
                        q.line_of(key),
                        f"{key} `{getattr(q, key)}` differs from the Chinese source's `{getattr(reference, key)}` "
                        f"— use the same {key} in every language",
                    )


FILE_RULES: tuple[FileRule, ...] = (check_identity, check_text, check_markup)


def validate(questions: list[Question], topics: list[Topic], unreadable: set[str] = frozenset()) -> list[Problem]:
    """Every problem in the set, in one pass.  `unreadable`: languages with a source
    whose front matter could not be read at all."""
    topic_ids = {t.id for t in topics}
    problems: list[Problem] = []
    unknown_number = set(unreadable) | {q.lang for q in questions if "number" in q.invalid}
    unknown_slug = set(unreadable) | {q.lang for q in questions if "slug" in q.invalid}
    slugs: dict[str, set[str] | None] = {
        lang: None if lang in unknown_slug else {q.slug for q in questions if q.lang == lang} for lang in LANGUAGES
    }
    for q in questions:
        for rule in FILE_RULES:
            problems.extend(rule(q, topic_ids))
        problems.extend(check_links(q, slugs[q.lang]))
    problems.extend(check_set(questions, unknown_number))
    return sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
