"""`qa build` replaces site/ only when the whole build succeeds."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "overrides", "scripts")


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


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
        env={"PYTHONPATH": str(ROOT / "scripts"), "PATH": "/usr/bin:/bin", "HOME": str(root)},
        check=False,
    )


@pytest.fixture(scope="module")
def project_with_site(tmp_path_factory) -> Path:
    """A copy of the project with a successfully built site/."""
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = qa_build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "index.html").exists()
    return root


@pytest.mark.parametrize(
    "case", ["raw-script", "not-utf8", "byte-order-mark", "malformed-front-matter", "unclosed-fence"]
)
def test_invalid_sources_leave_site_byte_identical(project_with_site, tmp_path, case):
    root = tmp_path / "project"
    shutil.copytree(project_with_site, root)
    before = fingerprint(root / "site")
    # lay the broken fixture's files over the real sources
    for source in (DATA / "broken" / case / "content").rglob("*.md"):
        relative = source.relative_to(DATA / "broken" / case / "content")
        target = root / "content" / relative
        shutil.copy2(source, target)
    result = qa_build(root)
    assert result.returncode == 1
    assert "nothing was built" in result.stderr
    assert fingerprint(root / "site") == before


def test_failed_mkdocs_build_leaves_site_byte_identical(project_with_site, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(project_with_site, root)
    before = fingerprint(root / "site")
    home = root / "docs" / "zh" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\n[断链](missing-page.md)\n", encoding="utf-8")
    result = qa_build(root)
    assert result.returncode != 0
    assert "site/ was left as it was" in result.stderr
    assert fingerprint(root / "site") == before
    assert not list((root / "build").glob("site-*")), "the temporary build folder was not cleaned up"


def test_successful_build_replaces_site(project_with_site, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(project_with_site, root)
    home = root / "docs" / "en" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert qa_build(root).returncode == 0
    assert "A new closing line." in (root / "site" / "en" / "index.html").read_text(encoding="utf-8")
