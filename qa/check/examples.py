"""Runnable examples: run each `content/examples/<slug>.py` and keep what it prints.

The output shown on the page is produced by running the file at build time, and
cached by a hash of the file (and the Python that ran it), so an unchanged example
is not run again.  A failing example stops the build like any other bad input.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from qa.model import Finding

TIMEOUT = 30  # seconds; every example runs in well under one


@dataclass(frozen=True)
class Example:
    path: Path
    code: str
    output: str


def run_example(path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=TIMEOUT, env=env, cwd=path.parent
    )


def load_examples(folder: Path, slugs: set[str], cache: Path) -> tuple[dict[str, Example], list[Finding]]:
    """slug → example with its output; problems for unknown or failing examples."""
    examples: dict[str, Example] = {}
    problems: list[Finding] = []
    for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
        slug = path.stem
        if slug not in slugs:
            problems.append(Finding(path, 1, f"no question has the slug `{slug}` — name the file `<slug>.py`"))
            continue
        code = path.read_text(encoding="utf-8")
        key = hashlib.sha256(f"{sys.version}\0{code}".encode()).hexdigest()[:24]
        cached = cache / f"{key}.out"
        if not cached.exists():
            try:
                result = run_example(path)
            except subprocess.TimeoutExpired:
                problems.append(Finding(path, 1, f"example ran longer than {TIMEOUT} s — make it smaller"))
                continue
            if result.returncode != 0:
                last = (result.stderr.strip().splitlines() or ["no error output"])[-1]
                problems.append(Finding(path, 1, f"example exited with status {result.returncode} ({last}) — fix it"))
                continue
            cache.mkdir(parents=True, exist_ok=True)
            cached.write_text(result.stdout, encoding="utf-8")
        examples[slug] = Example(path, code, cached.read_text(encoding="utf-8"))
    return examples, problems
