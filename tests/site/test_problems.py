"""The coding problems in the built site: their pages and short links in both languages,
their place on the index, in search, the exports and the PDF's page, the runner's hooks,
and a security policy that allows WebAssembly on their pages only."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from qa import contract, urls
from qa.check import harness
from qa.model import LANGUAGES
from qa.urls import language_dir

from .helpers import is_redirect, redirect_target, soup

POLICY = re.compile(r'<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"')


def test_there_are_at_least_twelve_problems(catalog):
    assert len(catalog.problems) >= 12


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_problem_has_its_page_and_short_link(built_site, catalog, lang):
    root = language_dir(built_site, lang)
    for p in catalog.problems:
        page = root / urls.problem_path(p.slug) / "index.html"
        assert page.is_file(), page
        doc = soup(page)
        assert doc.h1.get_text().startswith(("编程题" if lang == "zh" else "Problem") + f" {p.number}"), (
            doc.h1.get_text()
        )
        for hook in ("data-qa-editor", "data-qa-run", "data-qa-reset", "data-qa-summary", "data-qa-results"):
            assert doc.find(attrs={hook: True}) is not None, (page, hook)
        solution = doc.find(attrs={"data-qa-solution": True})
        assert solution is not None and solution.name == "details"  # folded
        shown = solution.find("code").get_text()
        assert shown.strip() == p.code["solution"].strip()
        data = json.loads(doc.find("script", id="qa-problem").string)
        assert data["starter"] == p.code["starter"] and data["tests"] == p.code["tests"]
        assert doc.find("textarea").get_text() == p.code["starter"]
        assert len(doc.select("details.qa-hint")) == len(p.texts[lang].hints)
        for slug in p.related:  # links to the questions it practises
            assert doc.find("a", href=f"../../questions/{slug}/") is not None
        short = root / urls.problem_short_path(p.number) / "index.html"
        assert is_redirect(short) and redirect_target(short) == page.resolve()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_indexes_list_every_problem_with_its_difficulty(built_site, catalog, lang):
    root = language_dir(built_site, lang)
    for index, prefix in ((root / "questions" / "index.html", "../problems/"), (root / "problems" / "index.html", "")):
        doc = soup(index)
        for p in catalog.problems:
            link = doc.find("a", href=f"{prefix}{p.slug}/")
            assert link is not None, (index, p.slug)
            level = next(level.labels[lang] for level in catalog.levels if level.id == p.difficulty)
            assert level in link.parent.get_text()


def test_only_problem_pages_allow_webassembly_and_load_the_runner(built_site):
    runner_pages = 0
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        policy = POLICY.search(html)
        if policy is None:
            continue
        is_problem = "data-qa-runner" in html
        assert ("'wasm-unsafe-eval'" in policy[1]) == is_problem, page
        assert ("runner.js" in html) == is_problem, page
        runner_pages += is_problem
    assert runner_pages >= 24


def test_pyodide_and_the_harness_are_served_by_the_site(built_site):
    for name in contract.PYODIDE_FILES:
        assert (built_site / contract.PYODIDE_DIR / name).stat().st_size > 0
    served = (built_site / contract.HARNESS).read_text(encoding="utf-8")
    assert served == Path(harness.__file__).read_text(encoding="utf-8")
    worker = (built_site / "assets" / "javascripts" / "runner-worker.js").read_text(encoding="utf-8")
    assert "http" not in worker  # everything relative to the site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_and_exports_include_the_problems(built_site, catalog, lang):
    root = language_dir(built_site, lang)
    documents = (root / urls.SEARCH_DOCUMENTS).read_text(encoding="utf-8")
    llms = (root / urls.LLMS).read_text(encoding="utf-8")
    full = (root / urls.LLMS_FULL).read_text(encoding="utf-8")
    everything = soup(root / "all" / "index.html")
    for p in catalog.problems:
        assert f"problems/{p.slug}/" in documents
        assert f"/problems/{p.slug}/)" in llms
        assert p.code["solution"].strip() in full
        section = everything.find(id=f"p-{p.slug}").find_parent("section")
        assert contract.PRINT_PART in section["class"]  # printed into the PDF
        assert section.select_one("details.qa-solution code").get_text().strip() == p.code["solution"].strip()
    dataset = json.loads((built_site / urls.DATASET).read_text(encoding="utf-8"))
    assert [p["slug"] for p in dataset["problems"]] == [p.slug for p in catalog.problems]
