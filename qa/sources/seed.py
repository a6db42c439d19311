"""Import the seed article (Chinese) into the Chinese question sources.

The seed owns each question's title, prompt (题目) and answer (lead sentence and
bullets).  Everything else in a source (slug, topic, …, and any section after the
answer) belongs to the editors, so re-importing keeps it untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from qa.model import Finding, SourceError
from qa.sources.frontmatter import dump_front_matter, read_source

HEADING = re.compile(r"^#### (?P<number>\d+)\. (?P<title>.+)$")
PROMPT = re.compile(r"^\*\*题目：\*\* (?P<prompt>.+)$")
ANSWER = "**答案：**"
SEED_FIELDS = ("title", "prompt")  # front matter keys owned by the seed


@dataclass(frozen=True)
class SeedQuestion:
    number: int
    title: str
    prompt: str
    answer: str  # lead paragraph, blank line, bullet lines: verbatim from the seed
    line: int


def parse_seed(path: Path) -> list[SeedQuestion]:
    """Parse the seed; raise SourceError listing every malformed question."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if HEADING.match(line)]
    questions: list[SeedQuestion] = []
    problems: list[Finding] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        block = lines[start:end]
        head = HEADING.match(block[0])
        assert head is not None
        prompt_at = next((i for i, line in enumerate(block) if PROMPT.match(line)), None)
        answer_at = next((i for i, line in enumerate(block) if line.strip() == ANSWER), None)
        if prompt_at is None or answer_at is None:
            problems.append(Finding(path, start + 1, "question has no `**题目：**` or `**答案：**` line"))
            continue
        body: list[str] = []
        for line in block[answer_at + 1 :]:
            if line.startswith("以上是"):  # the article's closing paragraph
                break
            body.append(line.rstrip())
        prompt = PROMPT.match(block[prompt_at])
        assert prompt is not None
        questions.append(
            SeedQuestion(
                number=int(head["number"]),
                title=head["title"].strip(),
                prompt=prompt["prompt"].strip(),
                answer="\n".join(body).strip(),
                line=start + 1,
            )
        )
    if problems:
        raise SourceError(problems)
    return questions


def load_seed(path: Path) -> tuple[list[SeedQuestion], list[Finding]]:
    """The seed's questions, or none when the project has no seed snapshot."""
    if not path.exists():
        return [], []
    try:
        return parse_seed(path), []
    except SourceError as err:
        return [], err.problems


def import_seed(seed: Path, zh_dir: Path) -> list[Path]:
    """Write or update one Chinese source per seed question; return the files written."""
    existing: dict[int, Path] = {}
    kept: dict[Path, tuple[dict[str, object], str]] = {}
    for path in sorted(zh_dir.glob("*.md")):
        source, problems = read_source(path, zh_dir.parents[2])
        if problems or source is None:
            raise SourceError(problems)
        number = source.meta.get("number")
        if isinstance(number, int):
            existing[number] = path
            kept[path] = (source.meta, editor_sections(source.body))
    written: list[Path] = []
    for q in parse_seed(seed):
        path = existing.get(q.number, zh_dir / f"{q.number:02d}.md")
        blank: dict[str, object] = {"number": q.number, "slug": "", "topic": "", "difficulty": "", "tags": []}
        meta, extra = kept.get(path, (blank, ""))
        meta = {k: v for k, v in meta.items() if k not in SEED_FIELDS}
        meta = {**_before_seed_fields(meta), "title": q.title, "prompt": q.prompt, **_after_seed_fields(meta)}
        text = dump_front_matter(meta) + "\n" + q.answer + "\n" + extra
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def editor_sections(body: str) -> str:
    """The part of a body after the seed's answer: every `## ` section, verbatim."""
    match = re.search(r"^## ", body, flags=re.MULTILINE)
    return "\n" + body[match.start() :].rstrip() + "\n" if match else ""


# Keep a stable key order: identity first, then the seed's fields, then the rest.
IDENTITY_KEYS = ("number", "slug", "topic", "difficulty", "tags")


def _before_seed_fields(meta: dict[str, object]) -> dict[str, object]:
    return {k: meta[k] for k in IDENTITY_KEYS if k in meta}


def _after_seed_fields(meta: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in meta.items() if k not in IDENTITY_KEYS}
