"""Code style is checked by the same ruff rules everywhere (E, W, F, I, B, C4, UP)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check():
    result = ruff("check", "qa", "tests")
    assert result.returncode == 0, result.stdout


def test_ruff_format():
    result = ruff("format", "--check", "qa", "tests")
    assert result.returncode == 0, result.stdout
