"""The validator: every broken fixture yields exactly its expected problems."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
ROOT = DATA.parents[1]
CASES = sorted(p.name for p in (DATA / "broken").iterdir() if p.is_dir())


def make_tree(tmp_path: Path, case: str | None) -> Path:
    """valid/ with the case's files laid over it."""
    shutil.copytree(DATA / "valid", tmp_path, dirs_exist_ok=True)
    if case is not None:
        for part in ("content", "docs"):  # a case holds the files it changes
            if (DATA / "broken" / case / part).is_dir():
                shutil.copytree(DATA / "broken" / case / part, tmp_path / part, dirs_exist_ok=True)
    return tmp_path


def run_qa(root: Path, verb: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qa", "--root", str(root), verb],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_there_are_at_least_sixty_five_kinds_of_broken_source():
    assert len(CASES) >= 65  # 35 from the start, 30 more for what a hostile contributor tries


def test_valid_fixture_passes(tmp_path):
    result = run_qa(make_tree(tmp_path, None), "validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4 sources, 0 examples and 0 coding problems valid."


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_reports_exact_problems(tmp_path, case):
    result = run_qa(make_tree(tmp_path, case), "validate")
    expected = (DATA / "broken" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem(s) found; nothing was built."


def test_every_message_says_what_is_wrong_and_how_to_fix_it():
    for case in CASES:
        for line in (DATA / "broken" / case / "expected.txt").read_text(encoding="utf-8").splitlines():
            path, number, message = line.split(":", 2)
            assert path.startswith(("content/", "docs/")) and number.isdigit(), line
            assert " — " in message, f"{case}: no fix given in {line!r}"
