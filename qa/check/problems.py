"""Rules for coding problems, and their code run against their tests in the sandbox.

Every problem's reference solution must pass every test, and its starter code and
its wrong variant must each fail at least one: a test set that a wrong answer passes
proves nothing.  The three run in one sandboxed process per problem (qa.check.sandbox,
the examples' rules), through the same harness the reader's browser runs
(qa.check.harness), and the outcome is cached by a hash of everything it depends on.
The reference's results are what the page shows of the visible tests.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from qa.check import harness, sandbox
from qa.check.examples import SANDBOX_RULES
from qa.check.markup import LinkRules, check_body, check_plain_text
from qa.check.rules import MAX_TITLE
from qa.model import LANGUAGES, Finding, Label, Problem, quoted
from qa.urls import KEBAB, PROBLEMS

HARNESS = Path(harness.__file__)
LIMITS = sandbox.Limits(output_bytes=512 * 1024)  # every result of three runs, as JSON
MAX_RELATED = 5
# Runs in the sandbox: the harness (its source comes first), then this.
DRIVER = """
import json as _json
_SOURCES = _json.loads({sources!r})
try:
    _pairs = pairs(_SOURCES["tests"])
except BaseException as _error:
    print(_json.dumps({{"tests_error": error_text(_error, ""), "line": _test_line(_error)}}))
else:
    _runs = {{name: run_tests(_SOURCES[name], _SOURCES["tests"]) for name in ("solution", "starter", "wrong")}}
    print(_json.dumps(_runs))
"""
DRIVER_HELPERS = """
def _test_line(error):
    if isinstance(error, SyntaxError) and error.filename == "tests.py":
        return error.lineno or 1
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == "tests.py":
            return frame.lineno
    return 1
"""


@dataclass(frozen=True)
class TestCase:
    """One test as the page shows it: the call and the reference's (expected) value."""

    call: str
    expected: str  # repr


@dataclass(frozen=True)
class ProblemTests:
    examples: list[TestCase]  # shown on the page
    further: int  # run on submission only


def check_problems(
    problems: list[Problem], question_slugs: set[str], levels: list[Label], cache: Path
) -> tuple[dict[str, ProblemTests], list[Finding]]:
    """Every rule of every problem, and its code run; slug → its tests as the page shows them."""
    found: list[Finding] = []
    links = LinkRules(question_slugs, {p.slug for p in problems})
    level_ids = {level.id for level in levels}
    for problem in problems:
        found += list(_rules(problem, question_slugs, level_ids, links))
    found += list(_numbers(problems))
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # each runs in its own process
        outcomes = list(pool.map(lambda p: _run(p, cache), problems))
    tests: dict[str, ProblemTests] = {}
    for problem, outcome in zip(problems, outcomes, strict=True):
        judged, errors = _judge(problem, outcome)
        found += errors
        if judged is not None:
            tests[problem.slug] = judged
    return tests, found


def _rules(problem: Problem, questions: set[str], levels: set[str], links: LinkRules) -> Iterator[Finding]:
    meta = problem.file("problem.yml")
    if not KEBAB.match(problem.slug):
        yield Finding(meta, 1, f"folder name `{quoted(problem.slug)}` is not a slug — use lowercase words and hyphens")
    if problem.number < 1:
        yield Finding(meta, problem.line_of("number"), "number must be 1 or more — give the next free number")
    if problem.difficulty not in levels:
        yield Finding(
            meta,
            problem.line_of("difficulty"),
            f"unknown difficulty `{quoted(problem.difficulty)}` — use one of {', '.join(sorted(levels))}",
        )
    if not 1 <= len(problem.related) <= MAX_RELATED:
        yield Finding(
            meta, problem.line_of("related"), f"list 1 to {MAX_RELATED} related questions — the slugs it practises"
        )
    for slug in problem.related:
        if not isinstance(slug, str) or slug not in questions:
            yield Finding(
                meta, problem.line_of("related"), f"no question has the slug `{quoted(slug)}` — use a question's slug"
            )
    for lang in LANGUAGES:
        text = problem.texts[lang]
        if len(text.title) > MAX_TITLE:
            yield Finding(text.path, text.line_of("title"), f"title is longer than {MAX_TITLE} characters — shorten it")
        yield from check_plain_text(text.path, text.line_of("title"), "title", text.title)
        if not text.statement:
            yield Finding(text.path, text.line_of("body"), "the statement is empty — write it after the front matter")
        elif "](https://" not in text.statement and "](http://" not in text.statement:
            yield Finding(
                text.path,
                text.line_of("body"),
                "the statement cites no source — link the paper (arXiv) or the documentation it comes from",
            )
        yield from check_body(text.path, text.statement, text.line_of("body"), links, PROBLEMS)
        if not text.hints:
            yield Finding(text.path, text.line_of("hints"), "give at least one hint — a nudge, not the solution")
        for key in ("constraints", "hints"):
            for item in getattr(text, key):
                yield from check_body(text.path, item, text.line_of(key), links, PROBLEMS)
        yield from check_body(text.path, text.complexity, text.line_of("complexity"), links, PROBLEMS)


def _numbers(problems: list[Problem]) -> Iterator[Finding]:
    seen: dict[int, Problem] = {}
    for problem in problems:
        first = seen.setdefault(problem.number, problem)
        if first is not problem:
            yield Finding(
                problem.file("problem.yml"),
                problem.line_of("number"),
                f"duplicate number `{problem.number}` (also problem {first.slug}) — give each problem its own number",
            )


def _key(problem: Problem) -> str:
    text = "\0".join(
        [sys.version, SANDBOX_RULES, str(LIMITS), HARNESS.read_text(encoding="utf-8"), DRIVER_HELPERS, DRIVER]
    )
    text += "\0".join(problem.code[name] for name in ("starter", "solution", "wrong", "tests"))
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _run(problem: Problem, cache: Path) -> dict | sandbox.Outcome:
    """The three runs' results (cached), or the sandbox's outcome when the process failed."""
    cached = cache / f"{_key(problem)}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    sources = json.dumps({name: problem.code[name] for name in ("starter", "solution", "wrong", "tests")})
    script = HARNESS.read_text(encoding="utf-8") + DRIVER_HELPERS + DRIVER.format(sources=sources)
    with tempfile.TemporaryDirectory(prefix="qa-problem-") as folder:
        path = Path(folder) / f"{problem.slug}.py"
        path.write_text(script, encoding="utf-8")
        outcome = sandbox.run(path, LIMITS)
    if not outcome.ok:
        return outcome
    data = json.loads(outcome.stdout)  # the harness keeps what the code prints out of standard output
    if "tests_error" not in data:
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".part")
        partial.write_text(json.dumps(data), encoding="utf-8")
        partial.replace(cached)  # a cache entry is complete or absent
    return data


def _judge(problem: Problem, outcome: dict | sandbox.Outcome) -> tuple[ProblemTests | None, list[Finding]]:
    tests_file = problem.file("tests.py")
    if isinstance(outcome, sandbox.Outcome):
        # the process itself failed: a time-out, a crash, a blocked operation (any of the files)
        return None, [Finding(tests_file, 1, outcome.message or "the tests could not run — fix them")]
    if "tests_error" in outcome:
        return None, [Finding(tests_file, outcome["line"], f"{outcome['tests_error']} — fix the test file")]
    found: list[Finding] = []
    solution = outcome["solution"]
    examples = [r for r in solution if r["example"]]
    if not examples:
        found.append(Finding(tests_file, 1, "no EXAMPLES — list the tests the page shows as (call, expected) pairs"))
    if len(solution) == len(examples):
        found.append(Finding(tests_file, 1, "no TESTS — list further tests, run when the reader submits"))
    for result in solution:
        if result["status"] != "pass":
            found.append(
                Finding(
                    tests_file,
                    _call_line(problem.code["tests"], str(result["call"])),
                    f"the reference solution fails `{quoted(result['call'])}`: expected {quoted(result['expected'])}, "
                    f"got {quoted(result['actual'])} — fix solution.py or this test",
                )
            )
    for name, fix in (
        ("starter", "leave the problem unsolved (raise NotImplementedError)"),
        ("wrong", "add a test that catches its mistake"),
    ):
        if solution and all(r["status"] == "pass" for r in outcome[name]):
            found.append(Finding(problem.file(f"{name}.py"), 1, f"the {name} code passes every test — {fix}"))
    judged = ProblemTests([TestCase(r["call"], r["expected"]) for r in examples], len(solution) - len(examples))
    return (None if found else judged), found


def _call_line(tests: str, call: str) -> int:
    """The line of tests.py that lists a test's call (the first that holds it), else 1."""
    for number, line in enumerate(tests.splitlines(), 1):
        if call in line or repr(call) in line:
            return number
    return 1
