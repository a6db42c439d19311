"""Published URLs never break: renames need a redirect, numbers are permanent."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.check.catalog import load_catalog
from qa.generate.stage import redirect_map
from qa.layout import Layout
from qa.sources.manifest import read_manifest
from qa.urls import published_urls

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path) -> Layout:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return Layout(root=tmp_path)


def rename(layout: Layout, number: int, old: str, new: str) -> None:
    for lang in ("zh", "en"):
        path = layout.questions / lang / f"{number:02d}.md"
        path.write_text(path.read_text(encoding="utf-8").replace(f"slug: {old}\n", f"slug: {new}\n"), "utf-8")


def messages(layout: Layout) -> list[str]:
    return [p.render(layout.root) for p in load_catalog(layout)[1]]


def line_of(layout: Layout, url: str) -> int:
    return next(n for n, u in read_manifest(layout.manifest_file) if u == url)


def test_the_committed_record_holds_every_url_published_now(catalog, layout):
    recorded = {url for _, url in read_manifest(layout.manifest_file)}
    missing = [url for url in published_urls(catalog) if url not in recorded]
    assert not missing, "run `python -m qa urls --update` and commit content/published-urls.txt"


def test_changing_a_slug_without_redirect_names_every_lost_url(project):
    rename(project, 30, "visualization", "llm-visualization")
    fix = "restore slug `visualization`, or add `visualization: new-slug` to content/redirects.yml"
    expected = [
        f"content/published-urls.txt:{line_of(project, url)}: published URL `{url}` no longer resolves — {fix}"
        for url in (
            "/questions/visualization/",
            "/questions/visualization/#question",
            "/questions/visualization/#answer",
            "/en/questions/visualization/",
            "/en/questions/visualization/#question",
            "/en/questions/visualization/#answer",
        )
    ]
    assert messages(project) == expected


def test_a_redirect_keeps_the_old_url_alive(project):
    rename(project, 30, "visualization", "llm-visualization")
    project.redirects_file.write_text("visualization: llm-visualization\n", encoding="utf-8")
    catalog, problems = load_catalog(project)
    assert problems == []
    assert redirect_map(catalog)["questions/visualization.md"] == "questions/llm-visualization.md"


def test_deleting_a_question_names_its_lost_urls(project):
    for lang in ("zh", "en"):
        (project.questions / lang / "30.md").unlink()
    found = messages(project)
    short = f"content/published-urls.txt:{line_of(project, '/q/30/')}: published URL `/q/30/` no longer resolves"
    assert f"{short} — keep question 30: question numbers are permanent" in found
    assert any("`/en/questions/visualization/` no longer resolves" in m for m in found)
    assert len(found) == 8


def test_bad_redirects_are_reported(project):
    project.redirects_file.write_text("old-name: no-such-slug\nquantization: rare-words\n", encoding="utf-8")
    assert messages(project) == [
        "content/redirects.yml:1: redirect target `no-such-slug` is not a question slug — use a current slug",
        "content/redirects.yml:2: `quantization` is a current slug — remove this redirect",
    ]
