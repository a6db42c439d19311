"""Shared fixtures: the real site, built once per test session from this checkout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.check.catalog import load_content
from qa.check.problems import ProblemTests, check_problems
from qa.check.project import check_project
from qa.generate.stage import generate
from qa.layout import Layout
from qa.model import Catalog
from qa.publish.build import build_into
from qa.publish.server import serve_in_thread, site_path
from qa.sources.presets import Presets

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def layout() -> Layout:
    return Layout(root=ROOT)


@pytest.fixture(scope="session")
def content(layout: Layout) -> tuple[Catalog, Presets]:
    catalog, presets, problems = load_content(layout)
    assert problems == [], [p.render(ROOT) for p in problems]
    assert presets is not None
    return catalog, presets


@pytest.fixture(scope="session")
def catalog(content: tuple[Catalog, Presets]) -> Catalog:
    return content[0]


@pytest.fixture(scope="session")
def problem_tests(catalog: Catalog, layout: Layout) -> dict[str, ProblemTests]:
    """Each coding problem's tests as its page shows them (its code run in the sandbox)."""
    slugs = {q.slug for q in catalog.questions}
    tests, found = check_problems(catalog.problems, slugs, catalog.levels, layout.cache / "problems")
    assert found == [], [f.render(ROOT) for f in found]
    return tests


@pytest.fixture(scope="session")
def presets(content: tuple[Catalog, Presets]) -> Presets:
    """The calculator's presets (content/calculator/presets.yml)."""
    return content[1]


@pytest.fixture(scope="session")
def built_site(layout: Layout, catalog: Catalog, presets: Presets, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generate, then build (`mkdocs build --strict` and the PDFs) into a temporary folder;
    site/ is left alone."""
    checked = check_project(layout)
    assert checked.problems == [], [p.render(ROOT) for p in checked.problems]
    assert checked.presets is not None
    generate(checked.catalog, layout, checked.examples, checked.presets, checked.problem_tests)
    site = tmp_path_factory.mktemp("site")
    shutil.rmtree(site)
    assert build_into(layout, site) == 0, "the build failed"
    return site


@pytest.fixture(scope="session")
def base_path(layout: Layout) -> str:
    return site_path(layout)


@pytest.fixture(scope="session")
def site_url(built_site: Path, base_path: str):
    server, url = serve_in_thread(built_site, base_path)
    yield url
    server.shutdown()
