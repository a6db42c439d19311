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
        run(30, "cached", 2.0, 2.6),
        run(30, "plain", 5.0, 5.8),
        run(1000, "cold", 250.0, 58.5),
        run(1000, "cached", 25.5, 61.0, page_kb_max=31.0, gzip_kb=2100),
        run(1000, "plain", 170.0, 700.0),
    ]
    assert target_rows("en", runs) == [
        ["30 questions: whole pipeline (cached) ≤ 1.3 × the plain build", "0.4×", "✅"],
        ["30 questions: whole pipeline (cold, for reference)", "3.2×", "–"],
        ["1,000 questions: rebuild with caches ≤ 25 s", "25.5 s", "❌"],
        ["1,000 questions: cold build (for reference)", "250 s", "–"],
        ["1,000 questions: site ≤ 60 MB", "61 MB", "❌"],
        ["question-page HTML ≤ 30 KB (largest at any size)", "31 KB", "❌"],
        ["search index ≤ 2 KB gzip per question (largest of both languages, any size)", "2.1 KB", "❌"],
    ]


def test_readme_shows_the_recorded_targets():
    readme = (PROJECT.root / "README.md").read_text(encoding="utf-8")
    record = PROJECT.content / "benchmark.json"
    assert json.loads(record.read_text(encoding="utf-8"))["runs"], "no benchmark recorded"
    assert readme == readme_with_targets(readme, record), "README.md is stale: run `make bench`"
