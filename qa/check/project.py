"""Every check of a project, in one pass: what `qa validate` reports and `qa generate` needs.

The sources and their rules (qa.check.catalog), the examples run in the sandbox
(qa.check.examples), the coding problems' code run against their tests
(qa.check.problems), the hand-written pages (qa.check.docs) and the source folders
themselves (no symbolic links).  A
problem of one kind never hides another: the examples run even when a source is
broken, so one pass reports everything a change got wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa import urls
from qa.check.catalog import load_content
from qa.check.docs import check_docs
from qa.check.examples import Example, load_examples
from qa.check.problems import ProblemTests, check_problems
from qa.layout import Layout
from qa.model import LANGUAGES, Catalog, Finding
from qa.sources.files import links_in
from qa.sources.presets import Presets


@dataclass(frozen=True)
class Checked:
    catalog: Catalog
    examples: dict[str, Example]
    problems: list[Finding]
    presets: Presets | None = None  # the calculator's (None: they have a problem, in `problems`)
    problem_tests: dict[str, ProblemTests] | None = None  # coding problem slug → its tests as pages show them


def check_project(layout: Layout) -> Checked:
    catalog, presets, problems = load_content(layout)
    slugs = {q.slug for q in catalog.questions}
    examples, found = load_examples(layout.examples, slugs, layout.cache / "examples", layout.root)
    problems = problems + found
    tests, found = check_problems(catalog.problems, slugs, catalog.levels, layout.cache / "problems")
    problems += found
    for folder in (layout.content, layout.docs):
        problems += links_in(folder)
    pages = {}
    for lang in LANGUAGES:
        authored = {p.relative_to(layout.docs / lang).as_posix() for p in (layout.docs / lang).rglob("*.md")}
        pages[lang] = authored | urls.generated_sources(
            [q.slug for q in catalog.in_language(lang)], [p.slug for p in catalog.problems]
        )
    problems += check_docs(layout.docs, layout.root, pages)
    problems = sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))
    return Checked(catalog, examples, problems, presets, tests)
