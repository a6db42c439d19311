"""`qa bench`: the program users run, timed at 30, 300 and 1,020 questions per language.

For each size a temporary project holds this project's pipeline (mkdocs.yml,
overrides/, docs/, content/ but the questions) and N questions per language in the
project's own source format: the real ones, then copies under new numbers, slugs,
titles and example files — each copy unique, as real questions are, so no cache is
shared between copies that a real set would not share.  Then, in one run:

- cold:      `qa build` with nothing cached and no site;
- unchanged: `qa build` again, nothing changed;
- edit:      one question's Chinese and English notes edited (and its translation
             stamp renewed), then `qa build`;
- plain:     the same staged pages built by a plain Material + mkdocs-static-i18n
             configuration (every page in the sidebar, one search index), the
             setup this project started from.

`qa build` runs as a subprocess exactly as `make site` runs it (BUILD), and reports
its own stages (build/stages.jsonl, build/timings.jsonl).  Results print as tables;
`--record` writes content/benchmark.json, which the Performance page and the README show.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from qa.check.rules import MAX_TITLE
from qa.generate.benchmark_tables import run_cells, table_row
from qa.layout import Layout
from qa.model import LANGUAGES
from qa.publish.build import mkdocs_env
from qa.sources.frontmatter import set_field
from qa.sources.questions import load_question, stamp
from qa.urls import language_dir

SIZES = (30, 300, 1020)
# What `make site` runs (Makefile: `site: … $(QA) build` with QA := $(BIN)/qa); the
# benchmark runs the same command (tests/unit/test_bench.py keeps the two equal).
BUILD = (str(Path(sys.executable).with_name("qa")), "build")
MACHINERY = ("mkdocs.yml", "overrides", "docs")  # the qa package itself is installed
PLAIN_CONFIG = """\
site_name: plain
site_url: https://example.github.io/plain/
docs_dir: {docs}
site_dir: {site}
theme:
  name: material
  language: zh
  custom_dir: {theme}
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - {{locale: zh, name: 中文, default: true}}
        - {{locale: en, name: English}}
markdown_extensions: [attr_list, md_in_html, tables, admonition, pymdownx.blocks.details,
  pymdownx.highlight, pymdownx.superfences, toc]
"""
LINK_TO = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<slug>[a-z0-9-]+)\.md(?:#[a-z]+)?\)")
COPY_MARK = {"zh": "（副本 {k}）", "en": " (copy {k})"}


@dataclass
class Run:
    """One build of one size."""

    questions: int  # per language
    kind: str  # cold, unchanged, edit or plain
    seconds: dict[str, float] = field(default_factory=dict)  # stage → seconds, as the build reports them
    total: float = 0.0  # wall time of the whole command
    pages: int = 0
    site_mb: float = 0.0  # what readers browse: every file but the full-text copies and the PDFs
    copies_mb: float = 0.0  # the full-text copies: all-questions pages, llms-full.txt, questions.json
    pdf_mb: float = 0.0
    page_kb_median: float = 0.0
    page_kb_max: float = 0.0
    index_kb: dict[str, float] = field(default_factory=dict)  # lang → raw KB of the index a page fetches
    index_kb_gzip: dict[str, float] = field(default_factory=dict)


def synthesize(root: Path, project: Layout, n: int) -> Layout:
    """A project with this pipeline and n questions per language, every copy unique."""
    for part in MACHINERY:
        source = project.root / part
        if source.is_dir():
            shutil.copytree(source, root / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / part)
    modules = project.root / "node_modules"  # installed like the qa package (Pyodide): linked, not copied
    if modules.is_dir():
        (root / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    # the record of published URLs is this project's, not the synthesized one's
    ignore = shutil.ignore_patterns("questions", "examples", "benchmark.json", "published-urls.txt")
    shutil.copytree(project.content, root / "content", ignore=ignore)
    layout = Layout(root=root)
    real = {lang: sorted((project.questions / lang).glob("*.md")) for lang in LANGUAGES}
    count = len(real[LANGUAGES[0]])
    for number in range(1, n + 1):
        original = (number - 1) % count  # index of the real question this one is (a copy of)
        copy = number > count
        for lang in LANGUAGES:
            text = real[lang][original].read_text(encoding="utf-8")
            slug = re.search(r"^slug: (.+)$", text, re.M)[1]
            if copy:
                text = text.replace(f"number: {original + 1}\n", f"number: {number}\n", 1)
                text = text.replace(f"slug: {slug}\n", f"slug: {slug}-{number}\n", 1)
                title = re.search(r"^title: (.*)$", text, re.M)[1]
                text = text.replace(f"title: {title}\n", f"title: {unique_title(title, lang, number)}\n", 1)
            folder = layout.questions / lang
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{number:04d}.md").write_text(text, encoding="utf-8")
        example = project.examples / f"{slug}.py"
        if example.exists():
            name = f"{slug}-{number}.py" if copy else example.name
            code = example.read_text(encoding="utf-8")
            layout.examples.mkdir(parents=True, exist_ok=True)
            (layout.examples / name).write_text(code + (f"\n# copy {number}\n" if copy else ""), encoding="utf-8")
    if n < count:  # fewer questions than the real ones: a link to one left out becomes its text
        kept = {
            re.search(r"^slug: (.+)$", p.read_text(encoding="utf-8"), re.M)[1] for p in layout.questions.rglob("*.md")
        }
        for path in layout.questions.rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            text = LINK_TO.sub(lambda m: m[0] if m["slug"] in kept else m["text"], text)
            path.write_text(text, encoding="utf-8")
    if n < count:
        _fit_problems(layout)
    restamp(layout, range(1, n + 1))
    return layout


PROBLEM_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\(\.\./questions/(?P<slug>[a-z0-9-]+)\.md(?:#[a-z]+)?\)")


def _fit_problems(layout: Layout) -> None:
    """Fewer questions than the real ones: a problem whose related questions are left out is
    left out too, and a link to a question left out becomes its text."""
    kept = {re.search(r"^slug: (.+)$", p.read_text(encoding="utf-8"), re.M)[1] for p in layout.questions.rglob("*.md")}
    for folder in sorted(layout.problems.glob("*/")) if layout.problems.is_dir() else []:
        related = re.search(r"^related: \[(.*)\]$", (folder / "problem.yml").read_text(encoding="utf-8"), re.M)
        if related is None or not {slug.strip() for slug in related[1].split(",")} <= kept:
            shutil.rmtree(folder)
            continue
        for path in folder.glob("*.md"):
            text = path.read_text(encoding="utf-8")
            text = PROBLEM_LINK.sub(lambda m: m[0] if m["slug"] in kept else m["text"], text)
            path.write_text(text, encoding="utf-8")


def unique_title(title: str, lang: str, number: int) -> str:
    """A copy's own title, still within the 80 characters a title may have."""
    quoted = title.startswith('"') and title.endswith('"')
    text = title[1:-1] if quoted else title
    mark = COPY_MARK[lang].format(k=number)
    text = text[: MAX_TITLE - len(mark)] + mark
    return json.dumps(text, ensure_ascii=False)


def restamp(layout: Layout, numbers) -> None:
    """Each English source's translation stamp, for its (changed) Chinese source."""
    for number in numbers:
        zh, _ = load_question(layout.questions / "zh" / f"{number:04d}.md", "zh", layout.root)
        assert zh is not None
        set_field(layout.questions / "en" / f"{number:04d}.md", "translated_from", stamp(zh))


def edit_one(layout: Layout, n: int) -> None:
    """What an author does: correct a sentence of one question's note, in both languages."""
    number = max(1, n // 2)
    for lang, words in (("zh", "（已更正）"), ("en", " (corrected)")):
        path = layout.questions / lang / f"{number:04d}.md"
        text = path.read_text(encoding="utf-8").rstrip("\n")
        path.write_text(text + words + "\n", encoding="utf-8")
    restamp(layout, [number])


def run_build(layout: Layout, n: int, kind: str) -> Run:
    """`qa build` on the project, as `make site` runs it; the build reports its stages."""
    run = Run(n, kind)
    start = time.perf_counter()
    result = subprocess.run([*BUILD[:1], "--root", str(layout.root), *BUILD[1:]], capture_output=True, text=True)
    run.total = round(time.perf_counter() - start, 2)
    if result.returncode != 0:
        raise RuntimeError(f"qa build failed at {n} questions ({kind}):\n{result.stderr[-3000:]}")
    for line in layout.staged.stages.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        run.seconds[entry["stage"]] = entry["seconds"]
    for line in layout.staged.timings.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        run.seconds[f"build {entry['lang']}"] = entry["seconds"]
    measure(run, layout.site, index_name="documents.json")
    return run


def build_plain(layout: Layout, n: int) -> Run:
    run = Run(n, "plain")
    site = layout.build / "plain-site"
    config = layout.root / "plain.yml"
    # pages that name a template of ours (the calculator, the problems) get Material's own page
    theme = layout.build / "plain-theme"
    theme.mkdir(parents=True, exist_ok=True)
    for template in (layout.root / "overrides").glob("*.html"):
        if template.name not in ("main.html", "404.html"):
            (theme / template.name).write_text('{% extends "main.html" %}\n', encoding="utf-8")
    config.write_text(PLAIN_CONFIG.format(docs=layout.staged_docs, site=site, theme=theme), encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    start = time.perf_counter()
    subprocess.run(command, env=mkdocs_env(layout), check=True, capture_output=True)
    run.total = run.seconds["mkdocs"] = round(time.perf_counter() - start, 2)
    measure(run, site, index_name="search_index.json")
    return run


# Files that hold every question of a language: their size is the content's, at any
# design, so they are counted apart from the site that navigation and page design keep
# light.  Paths are relative to a language's root.
FULL_TEXT_COPIES = ("all/index.html", "llms-full.txt", "questions.json")


def kind_of(path: Path, site: Path) -> str:
    """'pdf', 'copy' or 'site'."""
    if path.suffix == ".pdf":
        return "pdf"
    relative = path.relative_to(site).as_posix()
    for lang in LANGUAGES[1:]:
        relative = relative.removeprefix(f"{lang}/")
    return "copy" if relative in FULL_TEXT_COPIES else "site"


def measure(run: Run, site: Path, index_name: str) -> None:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and b'http-equiv="refresh"' not in p.read_bytes()]
    questions = [p.stat().st_size for p in pages if p.parent.parent.name == "questions"]
    run.pages = len(pages)
    sizes = {"site": 0, "copy": 0, "pdf": 0}
    for path in files:
        sizes[kind_of(path, site)] += path.stat().st_size
    run.site_mb = round(sizes["site"] / 1e6, 1)
    run.copies_mb = round(sizes["copy"] / 1e6, 1)
    run.pdf_mb = round(sizes["pdf"] / 1e6, 1)
    run.page_kb_median = round(statistics.median(questions) / 1024, 1)
    run.page_kb_max = round(max(questions) / 1024, 1)
    for lang in LANGUAGES:
        index = language_dir(site, lang) / "search" / index_name
        if index.exists():
            data = index.read_bytes()
            run.index_kb[lang] = round(len(data) / 1024, 1)
            run.index_kb_gzip[lang] = round(len(gzip.compress(data)) / 1024, 1)


def bench(project: Layout, sizes: tuple[int, ...] = SIZES) -> list[Run]:
    runs: list[Run] = []

    def show(run: Run) -> None:
        runs.append(run)
        print(table_row(run_cells("en", asdict(run))), flush=True)

    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"qa-bench-{n}-") as folder:
            layout = synthesize(Path(folder), project, n)
            show(run_build(layout, n, "cold"))
            show(run_build(layout, n, "unchanged"))
            edit_one(layout, n)
            show(run_build(layout, n, "edit"))
            show(build_plain(layout, n))
    return runs


def record(path: Path, runs: list[Run], command: str) -> None:
    data = {
        "command": command,
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "runs": [asdict(r) for r in runs],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
