"""The benchmark's tables, in Chinese and English: printed by `qa bench` and shown on
the Performance page (from content/benchmark.json, which `qa bench --record` writes).

A run is a dict as recorded: questions, kind (cold, unchanged, edit or plain), seconds
per stage (as `qa build` records them: check, generate, state, copy, mkdocs, pdf, swap;
and MkDocs' time per language), pages, site_mb, copies_mb, pdf_mb, page_kb_median,
page_kb_max, index_kb, index_kb_gzip and total (the wall time of the whole command).
The tables' "rest" is the total less check, generate, copy, MkDocs and PDFs: start-up,
the incremental state and swapping the new site in."""

from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType

from qa.contract import PAGE_BUDGET_BYTES

COLUMNS = {
    "zh": (
        "每种语言题数",
        "构建",
        "校验 s",
        "生成 s",
        "复制 s",
        "MkDocs s（中 / 英）",
        "PDF s",
        "其余 s",
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
        "check s",
        "generate s",
        "copy s",
        "MkDocs s (zh / en)",
        "PDFs s",
        "rest s",
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
    "zh": {"cold": "本项目（冷）", "unchanged": "本项目（无改动）", "edit": "本项目（改一题）", "plain": "默认配置"},
    "en": {
        "cold": "ours, cold",
        "unchanged": "ours, nothing changed",
        "edit": "ours, one question edited",
        "plain": "plain default",
    },
}
RATIO_COLUMNS = {
    "zh": (
        "每种语言题数",
        "无改动 本项目/默认",
        "改一题 本项目/默认",
        "站点大小 本项目/默认",
        "题目页中位数 本项目/默认",
    ),
    "en": (
        "questions per language",
        "nothing changed ours/plain",
        "one edit ours/plain",
        "site size ours/plain",
        "median page ours/plain",
    ),
}
# The targets of the performance issues (#20): seconds, ratios to the plain build, MB, KB
LIMITS = MappingProxyType(
    {"small": 2, "unchanged": 0.25, "edit": 0.35, "site": 75, "page": PAGE_BUDGET_BYTES / 1024, "index": 2}
)  # page_kb is bytes / 1024
TARGET_COLUMNS = {"zh": ("目标", "测得", "达成"), "en": ("target", "measured", "met")}
TARGETS = {
    "zh": {
        "small": "{n:,} 题：无改动的重建 ≤ {limit:g} s",
        "unchanged": "{n:,} 题：无改动的重建 ≤ 默认构建的 {limit:g} 倍",
        "edit": "{n:,} 题：改一题后的重建 ≤ 默认构建的 {limit:g} 倍",
        "cold": "{n:,} 题：冷构建（参考，默认构建 {plain:g} s）",
        "site": "{n:,} 题：站点（不含 PDF 和全文副本）≤ {limit:g} MB",
        "page": "题目页 HTML ≤ {limit:g} KB（各规模中最大）",
        "index": "搜索索引 ≤ 每题 {limit:g} KB gzip（各语言、各规模中最大）",
    },
    "en": {
        "small": "{n:,} questions: nothing-changed rebuild ≤ {limit:g} s",
        "unchanged": "{n:,} questions: nothing-changed rebuild ≤ {limit:g} × the plain build",
        "edit": "{n:,} questions: rebuild after a one-question edit ≤ {limit:g} × the plain build",
        "cold": "{n:,} questions: cold build (for reference; the plain build took {plain:g} s)",
        "site": "{n:,} questions: site without PDFs and full-text copies ≤ {limit:g} MB",
        "page": "question-page HTML ≤ {limit:g} KB (largest at any size)",
        "index": "search index ≤ {limit:g} KB gzip per question (largest of both languages, any size)",
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
        KINDS[lang].get(run["kind"], run["kind"]),  # a record of an older benchmark may name other kinds
        *(str(s.get(stage, "–")) for stage in ("check", "generate", "copy")),
        f"{s['mkdocs']}{per_lang}",
        str(s.get("pdf", "–")),
        rest(run),
        str(run["total"]),
        str(run["pages"]),
        str(run["site_mb"]),
        str(run.get("copies_mb", "–")),
        str(run.get("pdf_mb", "–")),
        f"{run['page_kb_median']} / {run['page_kb_max']}",
        index("zh"),
        index("en"),
    ]


MAIN_STAGES = ("check", "generate", "copy", "mkdocs", "pdf")


def rest(run: dict) -> str:
    """The time outside the main stages (a plain build has one stage: its total)."""
    if run["kind"] == "plain":
        return "–"
    return f"{max(0.0, run['total'] - sum(run['seconds'].get(stage, 0.0) for stage in MAIN_STAGES)):.2f}"


def find(runs: list[dict], n: int, kind: str) -> dict | None:
    return next((r for r in runs if r["questions"] == n and r["kind"] == kind), None)


def ratio_rows(runs: list[dict]) -> list[list[str]]:
    rows = []
    for n in sorted({r["questions"] for r in runs}):
        unchanged, edit, plain = find(runs, n, "unchanged"), find(runs, n, "edit"), find(runs, n, "plain")
        if unchanged and edit and plain:
            rows.append(
                [
                    str(n),
                    f"{unchanged['total'] / plain['total']:.2f}",
                    f"{edit['total'] / plain['total']:.2f}",
                    f"{unchanged['site_mb'] / plain['site_mb']:.2f}",
                    f"{unchanged['page_kb_median'] / plain['page_kb_median']:.2f}",
                ]
            )
    return rows


def target_rows(lang: str, runs: list[dict]) -> list[list[str]]:
    """Each target of the performance issues with what was measured and whether it is met."""
    say = TARGETS[lang]
    sizes = sorted({r["questions"] for r in runs})
    small, large = sizes[0], sizes[-1]
    rows: list[list[str]] = []

    def add(text: str, value: float, unit: str, limit: float | None) -> None:
        met = "–" if limit is None else ("✅" if value <= limit else "❌")
        rows.append([text, f"{value:g}{unit}", met])

    unchanged = find(runs, small, "unchanged")
    if unchanged and small <= 60:
        add(say["small"].format(n=small, limit=LIMITS["small"]), unchanged["total"], " s", LIMITS["small"])
    plain = find(runs, large, "plain")
    if plain and large >= 1000:  # the targets set for 1,020 questions per language
        for kind in ("unchanged", "edit"):
            ours = find(runs, large, kind)
            if ours:
                ratio = round(ours["total"] / plain["total"], 2)
                add(say[kind].format(n=large, limit=LIMITS[kind]), ratio, "×", LIMITS[kind])
        cold = find(runs, large, "cold")
        if cold:
            add(say["cold"].format(n=large, plain=plain["total"]), cold["total"], " s", None)
        if unchanged := find(runs, large, "unchanged"):
            add(say["site"].format(n=large, limit=LIMITS["site"]), unchanged["site_mb"], " MB", LIMITS["site"])
    ours = [r for r in runs if r["kind"] != "plain"]
    if ours:
        add(say["page"].format(limit=LIMITS["page"]), max(r["page_kb_max"] for r in ours), " KB", LIMITS["page"])
        per_question = max(gz / r["questions"] for r in ours for gz in r["index_kb_gzip"].values())
        add(say["index"].format(limit=LIMITS["index"]), round(per_question, 2), " KB", LIMITS["index"])
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
