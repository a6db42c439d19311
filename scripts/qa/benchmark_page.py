"""The benchmark tables shown on the Performance page, from content/benchmark.json."""

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
        "站点 MB（不含 PDF）",
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
        "site MB (without PDFs)",
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
RECORDED = {
    "zh": "测于 {date}，{machine}。命令：`{command}`（即 `make bench`）。",
    "en": "Measured on {date}, {machine}, with `{command}` (that is, `make bench`).",
}
MISSING = {
    "zh": "尚未记录测量结果：运行 `make bench`。",
    "en": "No measurement recorded yet: run `make bench`.",
}


def table(header: tuple[str, ...], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---:|" * len(header), *("| " + " | ".join(r) + " |" for r in rows)]


def benchmark_markdown(lang: str, record: Path) -> str:
    if not record.exists():
        return MISSING[lang] + "\n"
    data = json.loads(record.read_text(encoding="utf-8"))
    runs = data["runs"]

    def index(run: dict, code: str) -> str:
        raw, gz = run["index_kb"].get(code), run["index_kb_gzip"].get(code)
        return "–" if raw is None else f"{raw} ({gz})"

    rows = []
    for run in runs:
        s = run["seconds"]
        per_lang = f" ({s['build zh']} / {s['build en']})" if "build zh" in s else ""
        rows.append(
            [
                str(run["questions"]),
                KINDS[lang][run["kind"]],
                *(str(s.get(stage, "–")) for stage in ("validate", "examples", "generate")),
                f"{s['mkdocs']}{per_lang}",
                str(s.get("pdf", "–")),
                str(run["total"]),
                str(run["pages"]),
                str(run["site_mb"]),
                str(run.get("pdf_mb", "–")),
                f"{run['page_kb_median']} / {run['page_kb_max']}",
                index(run, "zh"),
                index(run, "en"),
            ]
        )
    ratios = []
    for n in sorted({r["questions"] for r in runs}):
        ours = next(r for r in runs if r["questions"] == n and r["kind"] == "cached")
        plain = next(r for r in runs if r["questions"] == n and r["kind"] == "plain")
        ratios.append(
            [
                str(n),
                f"{ours['total'] / plain['total']:.2f}",
                f"{ours['site_mb'] / plain['site_mb']:.2f}",
                f"{ours['page_kb_median'] / plain['page_kb_median']:.2f}",
            ]
        )
    lines = [RECORDED[lang].format(**data), "", *table(COLUMNS[lang], rows), "", *table(RATIO_COLUMNS[lang], ratios)]
    return "\n".join(lines) + "\n"
