"""Load and validate everything in one pass: the entry point for every later stage."""

from __future__ import annotations

from qa.check.published import check_published
from qa.check.rules import validate
from qa.check.seed import check_seed_text
from qa.check.translation import check_translations
from qa.layout import Layout
from qa.model import Catalog, Finding
from qa.sources.presets import Presets, load_presets
from qa.sources.problems import load_problems
from qa.sources.questions import load_labels, load_questions
from qa.sources.redirects import load_redirects
from qa.sources.seed import load_seed


def load_content(layout: Layout) -> tuple[Catalog, Presets | None, list[Finding]]:
    """The questions and coding problems (the catalog) and the calculator's presets (None
    when they have a problem), with every problem of any: links to the calculator are
    checked against the presets.  The problems' code runs later (qa.check.project)."""
    topics, problems = load_labels(layout.topics_file, layout.root)
    levels, found = load_labels(layout.difficulty_file, layout.root)
    problems += found
    questions, unreadable, found = load_questions(layout.questions, layout.root)
    problems += found
    presets, found = load_presets(layout.presets_file, layout.root)
    problems += found
    coding, found = load_problems(layout.problems, layout.root)
    problems += found
    problems += validate(questions, topics, levels, unreadable, presets, {p.slug for p in coding})
    seed, found = load_seed(layout.seed_file)
    problems += found
    problems += check_seed_text(questions, seed, layout.seed_file)
    problems += check_translations(questions)
    slugs = {q.slug for q in questions}
    redirects, found = load_redirects(layout.redirects_file, slugs, layout.root)
    catalog = Catalog(topics, levels, questions, redirects, frozenset(s.number for s in seed), coding)
    problems += found
    if not unreadable:  # a source we could not read may be the page a URL needs
        problems += check_published(layout.manifest_file, catalog, redirects)
    return catalog, presets, sorted(set(problems), key=lambda p: (str(p.path), p.line, p.message))


def load_catalog(layout: Layout) -> tuple[Catalog, list[Finding]]:
    """The catalog and every problem of the project's sources (load_content without the presets)."""
    catalog, _, problems = load_content(layout)
    return catalog, problems
