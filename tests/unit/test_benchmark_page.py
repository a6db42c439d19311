"""The benchmark's tables: targets checked from the record, README kept up to date."""

from __future__ import annotations

import json

from qa.generate.benchmark_tables import readme_with_targets, target_rows
from qa.layout import Layout

PROJECT = Layout()


def run(questions: int, kind: str, total: float, site_mb: float, page_kb_max: float = 20.0, gzip_kb: float = 0.0):
    return {
        "questions": questions,
        "kind": kind,
        "total": total,
        "site_mb": site_mb,
        "page_kb_max": page_kb_max,
        "index_kb_gzip": {"zh": gzip_kb or questions * 0.9, "en": questions * 0.7},
    }


def test_targets_are_checked_against_the_measured_figures():
    runs = [
        run(30, "cold", 16.0, 2.6),
        run(30, "unchanged", 1.8, 2.6),
        run(30, "edit", 2.4, 2.6),
        run(30, "plain", 5.0, 5.8),
        run(1020, "cold", 250.0, 70.0),
        run(1020, "unchanged", 9.0, 76.0, page_kb_max=31.0, gzip_kb=2100),
        run(1020, "edit", 16.0, 76.0),
        run(1020, "plain", 40.0, 700.0),
    ]
    assert target_rows("en", runs) == [
        ["30 questions: nothing-changed rebuild ≤ 2 s", "1.8 s", "✅"],
        ["1,020 questions: nothing-changed rebuild ≤ 0.25 × the plain build", "0.23×", "✅"],
        ["1,020 questions: rebuild after a one-question edit ≤ 0.35 × the plain build", "0.4×", "❌"],
        ["1,020 questions: cold build (for reference; the plain build took 40 s)", "250 s", "–"],
        ["1,020 questions: site without PDFs and full-text copies ≤ 75 MB", "76 MB", "❌"],
        ["question-page HTML ≤ 30 KB (largest at any size)", "31 KB", "❌"],
        ["search index ≤ 2 KB gzip per question (largest of both languages, any size)", "2.06 KB", "❌"],
    ]


def test_readme_shows_the_recorded_targets():
    readme = (PROJECT.root / "README.md").read_text(encoding="utf-8")
    record = PROJECT.content / "benchmark.json"
    assert json.loads(record.read_text(encoding="utf-8"))["runs"], "no benchmark recorded"
    assert readme == readme_with_targets(readme, record), "README.md is stale: run `make bench`"
