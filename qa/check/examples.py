"""Runnable examples: run each `content/examples/<slug>.py` in the sandbox and keep what it prints.

The output shown on a page is produced by running the file at build time, in the
sandbox (qa.check.sandbox: its own scratch folder, no network, limits on time,
memory, file size and output), and cached by a hash of the file, the interpreter
and the sandbox's rules, so an unchanged example is not run again.  A failing
example is reported at the line its traceback points to, like any other bad input.
"""

from __future__ import annotations

import hashlib
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from qa.check import sandbox
from qa.model import Finding, quoted
from qa.sources.files import read_text
from qa.sources.scaffold import PLACEHOLDER

STUB = PLACEHOLDER["en"]  # what `qa new` writes into an example
# Bump when what the sandbox allows changes: every example runs again.
SANDBOX_RULES = "sandbox-1"


@dataclass(frozen=True)
class Example:
    path: Path
    code: str
    output: str


def run_example(path: Path) -> sandbox.Outcome:
    return sandbox.run(path.resolve())


def _cache_key(code: str) -> str:
    text = f"{sys.version}\0{SANDBOX_RULES}\0{sandbox.Limits()}\0{code}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def load_examples(
    folder: Path, slugs: set[str], cache: Path, root: Path | None = None
) -> tuple[dict[str, Example], list[Finding]]:
    """slug → example with its output; problems for unknown, unreadable or failing examples."""
    root = root or folder.parent.parent
    problems: list[Finding] = []
    sources: dict[str, tuple[Path, str]] = {}
    for path in sorted(folder.glob("*.py")) if folder.is_dir() else []:
        slug = path.stem
        if slug not in slugs:
            problems.append(Finding(path, 1, f"no question has the slug `{quoted(slug)}` — name the file `<slug>.py`"))
            continue
        code, found = read_text(path, root)
        problems += found
        stub = None if code is None else next((n for n, line in enumerate(code.splitlines(), 1) if STUB in line), None)
        if stub is not None:
            problems.append(Finding(path, stub, "example is still the stub `qa new` wrote — write the example"))
        elif code is not None:
            sources[slug] = (path, code)
    missing = {slug: path for slug, (path, code) in sources.items() if not (cache / f"{_cache_key(code)}.out").exists()}
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # each runs in its own process
        outcomes = dict(zip(missing, pool.map(run_example, missing.values()), strict=True))
    examples: dict[str, Example] = {}
    for slug, (path, code) in sources.items():
        cached = cache / f"{_cache_key(code)}.out"
        outcome = outcomes.get(slug)
        if outcome is not None:
            if not outcome.ok:
                problems.append(Finding(path, outcome.line or 1, outcome.message or "example failed — fix it"))
                continue
            cache.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(".part")
            partial.write_text(outcome.stdout, encoding="utf-8")
            partial.replace(cached)  # a cache entry is complete or absent
        examples[slug] = Example(path, code, cached.read_text(encoding="utf-8"))
    # the cache holds the outputs of the examples as they are now, and no other
    current = {f"{_cache_key(code)}.out" for _, code in sources.values()}
    for old in [*cache.glob("*.out"), *cache.glob("*.part")] if cache.is_dir() else []:
        if old.name not in current:
            old.unlink()
    return examples, problems
