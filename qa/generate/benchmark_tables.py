"""The benchmark's tables, in Chinese and English: printed by `qa bench` and shown on
the Performance page (from content/benchmark.json, which `qa bench --record` writes).

A run is a dict as recorded: questions, kind (cold, cached or plain), seconds per
stage, pages, site_mb, copies_mb, pdf_mb, page_kb_median, page_kb_max, index_kb,
index_kb_gzip and total."""

from __future__ import annotations

import json
from pathlib import Path

COLUMNS = {
    "zh": (
        "每种语言题数",
        "构建",
        "校验 s",
        "示例 s",
        "生成 s",
        "MkDocs s（中 / 英）",
        "PDF s",
        "合计 s",
        "页面数",
        "站点 MB",
        "全文副本 MB",
        "PDF MB",
        "题目页 KB（中位 / 最大）",
        "中文索引 KB（gzip）",
        "英文索引 KB（gzip）",
    ),
    "en": (
        "questions per language",
        "build",
        "validate s",
        "examples s",
        "generate s",
        "MkDocs s (zh / en)",
        "PDFs s",
        "total s",
        "pages",
        "site MB",
        "full-text copies MB",
        "PDFs MB",
        "question page KB (median / max)",
        "zh index KB (gzip)",
        "en index KB (gzip)",
    ),
}
KINDS = {
    "zh": {"cold": "本项目（冷）", "cached": "本项目（有缓存）", "plain": "默认配置"},
    "en": {"cold": "ours, cold", "cached": "ours, cached", "plain": "plain default"},
}
RATIO_COLUMNS = {
    "zh": ("每种语言题数", "耗时 本项目/默认", "站点大小 本项目/默认", "题目页中位数 本项目/默认"),
    "en": ("questions per language", "time ours/plain", "site size ours/plain", "median page ours/plain"),
}
TARGET_COLUMNS = {"zh": ("目标", "测得", "达成"), "en": ("target", "measured", "met")}
TARGETS = {
    "zh": {
        "ratio": "{n:,} 题：完整流程（有缓存）≤ 默认构建的 1.3 倍",
        "ratio_cold": "{n:,} 题：完整流程（冷，参考）",
        "seconds": "{n:,} 题：有缓存的重建 ≤ 25 s",
        "seconds_cold": "{n:,} 题：冷构建（参考）",
        "spread": "（{count} 次的中位数，范围 {low:g}–{high:g} s）",
        "site": "{n:,} 题：站点 ≤ 60 MB",
        "page": "题目页 HTML ≤ 30 KB（各规模中最大）",
        "index": "搜索索引 ≤ 每题 2 KB gzip（各语言、各规模中最大）",
    },
    "en": {
        "ratio": "{n:,} questions: whole pipeline (cached) ≤ 1.3 × the plain build",
        "ratio_cold": "{n:,} questions: whole pipeline (cold, for reference)",
        "seconds": "{n:,} questions: rebuild with caches ≤ 25 s",
        "seconds_cold": "{n:,} questions: cold build (for reference)",
        "spread": " (median of {count} runs, {low:g}–{high:g} s)",
        "site": "{n:,} questions: site ≤ 60 MB",
        "page": "question-page HTML ≤ 30 KB (largest at any size)",
        "index": "search index ≤ 2 KB gzip per question (largest of both languages, any size)",
    },
}
RECORDED = {
    "zh": "测于 {date}，{machine}。命令：`{command}`（即 `make bench`）。",
    "en": "Measured on {date}, {machine}, with `{command}` (that is, `make bench`).",
}
MISSING = {
    "zh": "尚未记录测量结果：运行 `make bench`。",
    "en": "No measurement recorded yet: run `make bench`.",
}


def table(header: tuple[str, ...], rows: list[list[str]], text_columns: int = 0) -> list[str]:
    """A Markdown table, numbers right-aligned after the first text_columns."""
    rule = "|" + "---|" * text_columns + "---:|" * (len(header) - text_columns)
    return [table_row(list(header)), rule, *(table_row(r) for r in rows)]


def table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def run_cells(lang: str, run: dict) -> list[str]:
    s = run["seconds"]
    per_lang = f" ({s['build zh']} / {s['build en']})" if "build zh" in s else ""

    def index(code: str) -> str:
        raw, gz = run["index_kb"].get(code), run["index_kb_gzip"].get(code)
        return "–" if raw is None else f"{raw} ({gz})"

    return [
        str(run["questions"]),
        KINDS[lang][run["kind"]],
        *(str(s.get(stage, "–")) for stage in ("validate", "examples", "generate")),
        f"{s['mkdocs']}{per_lang}",
        str(s.get("pdf", "–")),
        str(run["total"]),
        str(run["pages"]),
        str(run["site_mb"]),
        str(run.get("copies_mb", "–")),
        str(run.get("pdf_mb", "–")),
        f"{run['page_kb_median']} / {run['page_kb_max']}",
        index("zh"),
        index("en"),
    ]


def find(runs: list[dict], n: int, kind: str) -> dict | None:
    return next((r for r in runs if r["questions"] == n and r["kind"] == kind), None)


def ratio_rows(runs: list[dict]) -> list[list[str]]:
    rows = []
    for n in sorted({r["questions"] for r in runs}):
        ours, plain = find(runs, n, "cached"), find(runs, n, "plain")
        if ours and plain:
            rows.append(
                [
                    str(n),
                    f"{ours['total'] / plain['total']:.2f}",
                    f"{ours['site_mb'] / plain['site_mb']:.2f}",
                    f"{ours['page_kb_median'] / plain['page_kb_median']:.2f}",
                ]
            )
    return rows


def target_rows(lang: str, runs: list[dict]) -> list[list[str]]:
    """Each target of issue #6 with what was measured and whether it is met."""
    say = TARGETS[lang]
    sizes = sorted({r["questions"] for r in runs})
    small, large = sizes[0], sizes[-1]
    rows: list[list[str]] = []

    def add(text: str, value: float, unit: str, limit: float | None) -> None:
        met = "–" if limit is None else ("✅" if value <= limit else "❌")
        rows.append([text, f"{value:g}{unit}", met])

    plain, cached, cold = find(runs, small, "plain"), find(runs, small, "cached"), find(runs, small, "cold")
    if plain and cached:
        add(say["ratio"].format(n=small), round(cached["total"] / plain["total"], 2), "×", 1.3)
    if plain and cold:
        add(say["ratio_cold"].format(n=small), round(cold["total"] / plain["total"], 2), "×", None)
    cached, cold = find(runs, large, "cached"), find(runs, large, "cold")
    if large >= 1000 and cached:  # the 25 s and 60 MB targets are set for 1,000 questions
        add(say["seconds"].format(n=large), cached["total"], " s", 25)
        repeats = cached.get("repeats", [])
        if len(repeats) > 1:  # the median of several runs: show their range
            rows[-1][1] += say["spread"].format(count=len(repeats), low=repeats[0], high=repeats[-1])
        if cold:
            add(say["seconds_cold"].format(n=large), cold["total"], " s", None)
        add(say["site"].format(n=large), cached["site_mb"], " MB", 60)
    ours = [r for r in runs if r["kind"] != "plain"]
    if ours:
        add(say["page"], max(r["page_kb_max"] for r in ours), " KB", 30)
        per_question = max(gz / r["questions"] for r in ours for gz in r["index_kb_gzip"].values())
        add(say["index"], round(per_question, 2), " KB", 2)
    return rows


def benchmark_tables(lang: str, runs: list[dict]) -> list[str]:
    return [
        *table(COLUMNS[lang], [run_cells(lang, r) for r in runs]),
        "",
        *table(RATIO_COLUMNS[lang], ratio_rows(runs)),
        "",
        *table(TARGET_COLUMNS[lang], target_rows(lang, runs), text_columns=1),
    ]


def benchmark_markdown(lang: str, record: Path) -> str:
    if not record.exists():
        return MISSING[lang] + "\n"
    data = json.loads(record.read_text(encoding="utf-8"))
    return "\n".join([RECORDED[lang].format(**data), "", *benchmark_tables(lang, data["runs"])]) + "\n"


README_START = "<!-- benchmark targets: generated from content/benchmark.json by qa.benchmark_page -->"
README_END = "<!-- end of benchmark targets -->"


def readme_with_targets(readme: str, record: Path) -> str:
    """README.md with its targets table rewritten from the record (`qa bench --record`
    does it; tests/unit/test_benchmark_page.py fails when it is stale)."""
    data = json.loads(record.read_text(encoding="utf-8"))
    block = [
        README_START,
        RECORDED["en"].format(**data),
        "",
        *table(TARGET_COLUMNS["en"], target_rows("en", data["runs"]), text_columns=1),
        README_END,
    ]
    start, end = readme.index(README_START), readme.index(README_END) + len(README_END)
    return readme[:start] + "\n".join(block) + readme[end:]
