"""Load question sources and vocabularies into typed records, collecting problems."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from qa.model import LANGUAGES, Finding, Label, Question, quoted
from qa.sources.files import read_text
from qa.sources.frontmatter import parse_yaml, read_source

# Front matter schema: key → type.  Every key is required; others are unknown.
FIELDS: dict[str, type] = {
    "number": int,
    "slug": str,
    "topic": str,
    "difficulty": str,
    "tags": list,
    "title": str,
    "prompt": str,
}
# Optional: a translation's stamp of the source it was last checked against (qa.check.translation).
OPTIONAL: dict[str, type] = {"translated_from": str}
TYPE_NAMES = {int: "an integer", str: "a string", list: "a list"}
# The editor's note is the one section after the answer, under exactly this heading.
NOTE_HEADING = {"zh": "## 编者注 { #note }", "en": "## Editor's note { #note }"}
SECTION = re.compile(r"^## ", re.MULTILINE)  # the answer ends where the first section starts


def load_labels(path: Path, root: Path) -> tuple[list[Label], list[Finding]]:
    """A vocabulary file: a list of {id, zh, en}."""
    text, problems = read_text(path, root)
    if text is None:
        return [], problems
    _, data, problems = parse_yaml(path, text)
    if problems:
        return [], problems
    if not isinstance(data, list):
        return [], [Finding(path, 1, "must be a list of {id, zh, en} entries — see content/topics.yml")]
    labels: list[Label] = []
    problems: list[Finding] = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not {"id", *LANGUAGES} <= item.keys():
            problems.append(Finding(path, 1, f"entry #{i + 1} needs the keys id, {', '.join(LANGUAGES)}"))
            continue
        labels.append(Label(str(item["id"]), {lang: str(item[lang]) for lang in LANGUAGES}))
    return labels, problems


def load_question(path: Path, lang: str, root: Path) -> tuple[Question | None, list[Finding]]:
    """Read one source; check each field's presence and type.

    A source whose front matter parses yields a Question even when some fields are
    bad: the bad ones are listed in `invalid` (and reported once, here), so the later
    rules can still check the good ones without repeating the same complaint.
    """
    source, problems = read_source(path, root)
    if source is None:
        return None, problems
    for key, line in source.lines.items():
        if key not in FIELDS and key not in OPTIONAL:
            allowed = ", ".join([*FIELDS, *OPTIONAL])
            problems.append(Finding(path, line, f"unknown field `{quoted(key)}` — allowed fields: {allowed}"))
    values: dict[str, object] = {}
    invalid: set[str] = set()
    for key, kind in FIELDS.items():
        value = source.meta.get(key)
        if value is None:
            problems.append(Finding(path, 1, f"missing required field `{key}` — add `{key}:` to the front matter"))
        elif not isinstance(value, kind) or isinstance(value, bool):
            problems.append(
                Finding(
                    path,
                    source.lines[key],
                    f"field `{key}` must be {TYPE_NAMES[kind]}, not {type(value).__name__} — "
                    f"write it as {TYPE_NAMES[kind]}",
                )
            )
        else:
            values[key] = value.strip() if isinstance(value, str) else value
            continue
        invalid.add(key)
        values[key] = kind()  # 0, "" or []: a placeholder the rules skip
    for key, kind in OPTIONAL.items():
        value = source.meta.get(key)
        if value is not None and not isinstance(value, kind):
            problems.append(Finding(path, source.lines[key], f"field `{key}` must be {TYPE_NAMES[kind]} — write it so"))
        elif value is not None:
            values[key] = value.strip()
    lines = dict(source.lines)
    skipped = source.body[: len(source.body) - len(source.body.lstrip("\n"))].count("\n")
    lines["body"] = source.body_line + skipped  # first non-blank body line
    body = source.body.strip()
    split = SECTION.search(body)
    answer, note = (body[: split.start()].rstrip(), body[split.start() :]) if split else (body, "")
    lines["note"] = lines["body"] + body[: split.start()].count("\n") if split else lines["body"]
    question = Question(lang=lang, path=path, answer=answer, note=note, lines=lines, invalid=invalid, **values)  # type: ignore[arg-type]
    return question, problems


def stamp(source: Question) -> str:
    """A short hash of what a translation renders: the source's title, prompt, answer and note."""
    text = "\0".join((source.title, source.prompt, source.answer, source.note))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def note_body(q: Question) -> str:
    """The editor's note without its heading line (`## 编者注 { #note }`)."""
    return q.note.partition("\n")[2].strip("\n") if q.note else ""


def load_questions(questions_dir: Path, root: Path) -> tuple[list[Question], set[str], list[Finding]]:
    """Load every `<lang>/*.md` under the questions folder.

    Also returns the languages that have a source too broken to read: cross-file
    rules cannot know what such a file holds, so they stay quiet about that language.
    """
    questions: list[Question] = []
    unreadable: set[str] = set()
    problems: list[Finding] = []
    for lang in LANGUAGES:
        for path in sorted((questions_dir / lang).glob("*.md")):
            question, found = load_question(path, lang, root)
            problems.extend(found)
            if question is None:
                unreadable.add(lang)
            else:
                questions.append(question)
    return questions, unreadable, problems
