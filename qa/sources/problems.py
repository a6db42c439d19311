"""Load coding problems (content/problems/<slug>/) into typed records, collecting problems.

A problem's folder holds exactly these files:

- problem.yml: `number`, `difficulty` (an id of content/difficulty.yml) and `related`
  (slugs of the questions it practises);
- zh.md, en.md: front matter `title`, `constraints`, `hints` (lists of Markdown
  strings) and `complexity` (Markdown); the body is the statement;
- starter.py (what the reader starts from), solution.py (the reference), wrong.py (a
  plausible mistake) and tests.py (`EXAMPLES` and `TESTS`, qa.check.harness).

Loading checks presence and types only; qa.check.problems holds the rules and runs
the code.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from qa.model import LANGUAGES, Finding, Problem, ProblemText, quoted
from qa.sources.files import read_text
from qa.sources.frontmatter import parse_yaml, read_source

META = "problem.yml"
CODE = ("starter", "solution", "wrong", "tests")  # <name>.py
FILES = (META, *(f"{lang}.md" for lang in LANGUAGES), *(f"{name}.py" for name in CODE))
META_FIELDS: dict[str, type] = {"number": int, "difficulty": str, "related": list}
TEXT_FIELDS: dict[str, type] = {"title": str, "constraints": list, "hints": list, "complexity": str}
TYPE_NAMES = {int: "an integer", str: "a string", list: "a list"}


def load_problems(folder: Path, root: Path) -> tuple[list[Problem], list[Finding]]:
    """Every problem under `folder`, by number; problems for what cannot be read."""
    problems: list[Problem] = []
    found: list[Finding] = []
    if not folder.is_dir():
        return [], []
    for path in sorted(folder.iterdir()):
        if not path.is_dir() or path.is_symlink():
            found.append(Finding(path, 1, "not a problem folder — each problem is a folder `content/problems/<slug>/`"))
            continue
        problem, errors = load_problem(path, root)
        found += errors
        if problem is not None:
            problems.append(problem)
    return sorted(problems, key=lambda p: (p.number, p.slug)), found


def load_problem(folder: Path, root: Path) -> tuple[Problem | None, list[Finding]]:
    found: list[Finding] = []
    for path in sorted(folder.rglob("*")):
        if path.relative_to(folder).as_posix() not in FILES:
            found.append(
                Finding(path, 1, f"unexpected file in a problem folder — a problem holds only {', '.join(FILES)}")
            )
    for name in FILES:
        if not (folder / name).exists() and not (folder / name).is_symlink():
            found.append(Finding(folder / name, 1, f"missing file `{name}` — every problem has {', '.join(FILES)}"))
    meta, lines, errors = _meta(folder / META, root)
    found += errors
    texts: dict[str, ProblemText] = {}
    for lang in LANGUAGES:
        text, errors = _text(folder / f"{lang}.md", lang, root)
        found += errors
        if text is not None:
            texts[lang] = text
    code: dict[str, str] = {}
    for name in CODE:
        path = folder / f"{name}.py"
        if path.exists() or path.is_symlink():
            text, errors = read_text(path, root)
            found += errors
            if text is not None:
                code[name] = text
    if meta is None or len(texts) < len(LANGUAGES) or len(code) < len(CODE):
        return None, found
    problem = Problem(
        slug=folder.name,
        folder=folder,
        number=meta["number"],
        difficulty=meta["difficulty"],
        related=meta["related"],
        texts=texts,
        code=code,
        lines=lines,
    )
    return problem, found


def _meta(path: Path, root: Path) -> tuple[dict | None, dict[str, int], list[Finding]]:
    if not path.exists() and not path.is_symlink():
        return None, {}, []  # reported as a missing file
    text, found = read_text(path, root)
    if text is None:
        return None, {}, found
    node, data, found = parse_yaml(path, text)
    if found:
        return None, {}, found
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return None, {}, [Finding(path, 1, "must be a mapping — write `number:`, `difficulty:` and `related:`")]
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    found = _fields(path, data, lines, META_FIELDS)
    return (None if found else data), lines, found


def _text(path: Path, lang: str, root: Path) -> tuple[ProblemText | None, list[Finding]]:
    if not path.exists() and not path.is_symlink():
        return None, []  # reported as a missing file
    source, found = read_source(path, root)
    if source is None:
        return None, found
    found = _fields(path, source.meta, source.lines, TEXT_FIELDS)
    if found:
        return None, found
    skipped = source.body[: len(source.body) - len(source.body.lstrip("\n"))].count("\n")
    lines = {**source.lines, "body": source.body_line + skipped}
    meta = source.meta
    text = ProblemText(
        lang=lang,
        path=path,
        title=str(meta["title"]).strip(),
        statement=source.body.strip(),
        constraints=list(meta["constraints"]),  # type: ignore[call-overload]
        hints=list(meta["hints"]),  # type: ignore[call-overload]
        complexity=str(meta["complexity"]).strip(),
        lines=lines,
    )
    return text, []


def _fields(path: Path, data: dict, lines: dict[str, int], fields: dict[str, type]) -> list[Finding]:
    """Each field present, of its type (lists of strings for lists), and no other."""
    found = []
    allowed = ", ".join(fields)
    for key in data:
        if key not in fields:
            message = f"unknown field `{quoted(key)}` — allowed fields: {allowed}"
            found.append(Finding(path, lines.get(str(key), 1), message))
    for key, kind in fields.items():
        value = data.get(key)
        if value is None:
            found.append(Finding(path, 1, f"missing required field `{key}` — add `{key}:`"))
        elif not isinstance(value, kind) or isinstance(value, bool):
            found.append(Finding(path, lines[key], f"field `{key}` must be {TYPE_NAMES[kind]} — write it so"))
        elif kind is list and not all(isinstance(item, str) and item.strip() for item in value):
            found.append(Finding(path, lines[key], f"field `{key}` must be a list of non-empty strings — write it so"))
    return found
