"""`qa build` replaces site/ only when the whole build succeeds."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
CASES = sorted(p.name for p in (DATA / "broken").iterdir() if p.is_dir())
MACHINERY = ("mkdocs.yml", "overrides", "scripts", "content/search")  # the pipeline, not the content


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def qa_build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa", "--root", str(root), "build"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(root)},
        check=False,
    )


@pytest.fixture(scope="module")
def project_with_site(tmp_path_factory) -> Path:
    """The valid fixture as a whole project (our pipeline, its content), built once."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(DATA / "valid", root, dirs_exist_ok=True)
    for part in MACHINERY:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(source, root / part)
    result = qa_build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "questions" / "first-question" / "index.html").exists()
    return root


@pytest.fixture
def project(project_with_site, tmp_path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(project_with_site, root)
    return root


@pytest.mark.parametrize("case", CASES)
def test_a_broken_source_leaves_site_byte_identical(project, case):
    before = fingerprint(project / "site")
    shutil.copytree(DATA / "broken" / case / "content", project / "content", dirs_exist_ok=True)
    result = qa_build(project)
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("nothing was built.")
    assert fingerprint(project / "site") == before


def test_failed_mkdocs_build_leaves_site_byte_identical(project):
    before = fingerprint(project / "site")
    home = project / "docs" / "zh" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[断链](missing-page.md)\n", encoding="utf-8")
    result = qa_build(project)
    assert result.returncode != 0
    assert "missing-page.md" in result.stderr  # strict mode reports the broken link
    assert "site/ was left as it was" in result.stderr
    assert fingerprint(project / "site") == before
    assert not list((project / "build").glob("site-*")), "the temporary build folder was not cleaned up"


def test_successful_build_replaces_site(project):
    home = project / "docs" / "en" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert qa_build(project).returncode == 0
    assert "A new closing line." in (project / "site" / "en" / "index.html").read_text(encoding="utf-8")


def test_one_process_per_language_builds_the_same_site(project_with_site, tmp_path):
    """`qa build` runs one MkDocs per language at once and merges their sites
    (scripts/qa/build.py); plain `mkdocs build` builds them one after the other."""
    sequential = tmp_path / "sequential"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(sequential)],
        cwd=project_with_site,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    merged, one_process = fingerprint(project_with_site / "site"), fingerprint(sequential)
    # The one exception: in one process, the English 404 page's language links keep
    # the last Chinese page rendered before it (static-i18n state left from the
    # Chinese build); built on its own, it links to the language roots, as the
    # Chinese 404 page does.
    del merged["en/404.html"], one_process["en/404.html"]
    # and `qa build` prints the PDFs after MkDocs (qa/pdf.py)
    pdfs = sorted(name for name in merged if name.endswith(".pdf"))
    assert pdfs == ["en/llm-inference-qa.en.pdf", "llm-inference-qa.zh.pdf"]
    for name in pdfs:
        del merged[name]
    assert merged == one_process
    language_links = [
        re.findall(r"<link href=(\S+) hreflang=(\w+) rel=alternate>", (project_with_site / "site" / page).read_text())
        for page in ("404.html", "en/404.html")
    ]
    assert language_links[0] == language_links[1] != []
