"""The benchmark times the program users run, on projects whose copies are all unique."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qa.check.catalog import load_catalog
from qa.layout import Layout
from qa.tools.bench import BUILD, edit_one, synthesize

ROOT = Path(__file__).resolve().parents[2]


def makefile_variable(text: str, name: str) -> str:
    return re.search(rf"^{name} :?= (.+)$", text, re.M)[1].strip()


def test_the_benchmark_runs_what_make_site_runs():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    site_recipe = re.search(r"^site:.*\n\t(.+)$", makefile, re.M)[1]
    assert site_recipe == "$(QA) build"
    assert makefile_variable(makefile, "QA") == "$(BIN)/qa"
    assert makefile_variable(makefile, "BIN") == "$(VENV)/bin"
    # $(VENV)/bin/qa is the console script beside the interpreter that runs the benchmark
    assert Path(BUILD[0]) == Path(sys.executable).with_name("qa") and BUILD[1:] == ("build",)


def test_synthesized_copies_are_valid_and_unique(tmp_path):
    layout = synthesize(tmp_path, Layout(root=ROOT), 64)
    catalog, problems = load_catalog(layout)
    assert problems == [], [p.render(layout.root) for p in problems[:5]]
    for lang in ("zh", "en"):
        questions = catalog.in_language(lang)
        assert len(questions) == 64
        assert len({q.title for q in questions}) == 64 and len({q.slug for q in questions}) == 64
    examples = sorted(layout.examples.glob("*.py"))
    assert len(examples) == 64 and len({p.read_bytes() for p in examples}) == 64
    edit_one(layout, 64)
    catalog, problems = load_catalog(layout)
    assert problems == []  # the edit renews the translation stamp, as an author does
