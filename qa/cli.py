"""`qa VERB` (or `python -m qa VERB`): the site's workflow, one verb per stage.

Every verb is listed with its help by `qa --help`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qa.check.catalog import load_catalog
from qa.check.project import check_project
from qa.generate.stage import generate
from qa.layout import Layout
from qa.model import Catalog, Finding, SourceError
from qa.publish.build import build_site
from qa.publish.timings import Timings
from qa.sources.seed import import_seed


def _report(layout: Layout, problems: list[Finding]) -> bool:
    """Print every problem as path:line: message; True if there were any."""
    for problem in problems:
        print(problem.render(layout.root), file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found; nothing was built.", file=sys.stderr)
    return bool(problems)


def _catalog_or_report(layout: Layout) -> Catalog | None:
    catalog, problems = load_catalog(layout)
    return None if _report(layout, problems) else catalog


def cmd_import_seed(layout: Layout, args: argparse.Namespace) -> int:
    try:
        written = import_seed(Path(args.seed) if args.seed else layout.seed_file, layout.questions / "zh")
    except SourceError as err:
        _report(layout, err.problems)
        return 1
    print(f"{len(written)} Chinese source(s) written.")
    return 0


def cmd_validate(layout: Layout, args: argparse.Namespace) -> int:
    checked = check_project(layout)
    if _report(layout, checked.problems):
        return 1
    catalog = checked.catalog
    counts = f"{len(catalog.questions)} sources, {len(checked.examples)} examples"
    print(f"{counts} and {len(catalog.problems)} coding problems valid.")
    return 0


def cmd_generate(layout: Layout, args: argparse.Namespace, timings: Timings | None = None) -> int:
    timings = timings or Timings(layout)
    with timings.stage("check"):
        checked = check_project(layout)
    if _report(layout, checked.problems):
        return 1
    assert checked.presets is not None  # no problem was found, so the presets were read
    with timings.stage("generate"):
        changed = generate(checked.catalog, layout, checked.examples, checked.presets, checked.problem_tests)
    print(f"build/docs staged ({len(changed)} file(s) changed).")
    return 0


def cmd_build(layout: Layout, args: argparse.Namespace) -> int:
    timings = Timings(layout)
    timings.reset()  # the stages of this build, for `qa bench` (qa.publish.timings)
    layout.staged.timings.unlink(missing_ok=True)
    if cmd_generate(layout, args, timings) != 0:
        return 1
    status = build_site(layout, pdfs=not getattr(args, "no_pdf", False))
    if status != 0:
        print("mkdocs build failed; site/ was left as it was.", file=sys.stderr)
        return status
    print(f"site built: {layout.site}")
    return 0


def cmd_urls(layout: Layout, args: argparse.Namespace) -> int:
    from qa.sources.manifest import read_manifest, update_manifest
    from qa.urls import published_urls

    catalog = _catalog_or_report(layout)
    if catalog is None:
        return 1
    if args.update:
        added = update_manifest(layout.manifest_file, catalog)
        print(f"{len(added)} URL(s) added to {layout.manifest_file.relative_to(layout.root)}.")
        return 0
    recorded = {url for _, url in read_manifest(layout.manifest_file)}
    missing = [url for url in published_urls(catalog) if url not in recorded]
    for url in missing:
        print(f"not yet recorded: {url}", file=sys.stderr)
    if missing:
        print("run `python -m qa urls --update` and commit content/published-urls.txt", file=sys.stderr)
    return 1 if missing else 0


def cmd_bench(layout: Layout, args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from qa.generate.benchmark_tables import COLUMNS, benchmark_tables, readme_with_targets, table
    from qa.tools.bench import bench, record

    sizes = tuple(int(n) for n in args.sizes.split(","))
    print("\n".join(table(COLUMNS["en"], [])), flush=True)  # the header; rows print as runs finish
    runs = bench(layout, sizes)
    print()
    print("\n".join(benchmark_tables("en", [asdict(r) for r in runs])))
    if args.record:
        record(layout.content / "benchmark.json", runs, command=f"qa bench --sizes {args.sizes} --record")
        readme = layout.root / "README.md"
        updated = readme_with_targets(readme.read_text(encoding="utf-8"), layout.content / "benchmark.json")
        readme.write_text(updated, encoding="utf-8")
        print("\nrecorded in content/benchmark.json (shown on the Performance page) and README.md")
    return 0


def cmd_preview_latency(layout: Layout, args: argparse.Namespace) -> int:
    from qa.tools.preview_latency import main as measure_preview

    measure_preview(layout, tuple(int(n) for n in args.sizes.split(",")))
    return 0


def cmd_latency(layout: Layout, args: argparse.Namespace) -> int:
    from qa.tools.latency import measure, report

    print(report(measure(layout)))
    return 0


def cmd_new(layout: Layout, args: argparse.Namespace) -> int:
    from qa.sources.scaffold import scaffold

    try:
        written = scaffold(layout, args.slug, args.topic, args.difficulty, args.tags.split(",") if args.tags else [])
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(layout.root)}")
    print(
        "\nFill in every placeholder (待填写 / FILL ME IN): `qa validate` lists each one with its line.\n"
        "Write the Chinese first; when the English follows it, run `qa translated "
        f"{written[0].stem.lstrip('0')}`; then `make urls` and commit the four files."
    )
    return 0


def cmd_translated(layout: Layout, args: argparse.Namespace) -> int:
    """Record that the translations of these questions were checked against their source."""
    from qa.check.translation import SOURCE_LANGUAGE
    from qa.sources.frontmatter import set_field
    from qa.sources.questions import stamp

    catalog, _ = load_catalog(layout)
    sources = {q.number: q for q in catalog.in_language(SOURCE_LANGUAGE)}
    wanted = set(sources) if args.all else set(args.numbers)
    missing = sorted(wanted - set(sources))
    if missing:
        print(f"no {SOURCE_LANGUAGE} source for question(s) {missing} — check the numbers", file=sys.stderr)
        return 1
    for q in catalog.questions:
        if q.lang != SOURCE_LANGUAGE and q.number in wanted:
            set_field(q.path, "translated_from", stamp(sources[q.number]))
            print(f"{q.path.relative_to(layout.root)}: translated from {SOURCE_LANGUAGE} {stamp(sources[q.number])}")
    return 0


def cmd_serve(layout: Layout, args: argparse.Namespace) -> int:
    from qa.publish.preview import serve_live
    from qa.publish.server import serve_forever

    if not args.no_build and cmd_build(layout, args) != 0:
        return 1
    if args.static:
        serve_forever(layout, port=args.port)
    else:
        serve_live(layout, port=args.port)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="qa", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--root", type=Path, default=None, help="project folder (default: this checkout)")
    verbs = parser.add_subparsers(dest="verb", required=True)
    seed = verbs.add_parser("import-seed", help="import the seed article into content/questions/zh")
    seed.add_argument("seed", nargs="?", default=None, help="default: content/seed/questions.zh.txt")
    seed.set_defaults(run=cmd_import_seed)
    verbs.add_parser("validate", help="check every source").set_defaults(run=cmd_validate)
    verbs.add_parser("generate", help="validate and stage build/docs").set_defaults(run=cmd_generate)
    build = verbs.add_parser("build", help="generate and build site/")
    build.add_argument("--no-pdf", action="store_true", help="keep the PDFs of the previous site (a preview)")
    build.set_defaults(run=cmd_build)
    urls = verbs.add_parser("urls", help="check that content/published-urls.txt records every URL published now")
    urls.add_argument("--update", action="store_true", help="append the URLs published now")
    urls.set_defaults(run=cmd_urls)
    bench = verbs.add_parser("bench", help="time the pipeline at several sizes, against a plain build")
    bench.add_argument("--sizes", default="30,300,1020", help="questions per language, comma-separated")
    bench.add_argument("--record", action="store_true", help="write content/benchmark.json")
    bench.set_defaults(run=cmd_bench)
    verbs.add_parser("latency", help="time search results in Chromium on the built site/").set_defaults(run=cmd_latency)
    preview = verbs.add_parser("preview-latency", help="time save → reloaded page in the live preview")
    preview.add_argument("--sizes", default="30,1020", help="questions per language, comma-separated")
    preview.set_defaults(run=cmd_preview_latency)
    new = verbs.add_parser("new", help="write a new question's sources and example, ready to fill in")
    new.add_argument("slug", help="English kebab-case, part of the URL for ever")
    new.add_argument("--topic", required=True, help="an id of content/topics.yml")
    new.add_argument("--difficulty", required=True, help="an id of content/difficulty.yml")
    new.add_argument("--tags", default="", help="comma-separated kebab-case tags")
    new.set_defaults(run=cmd_new)
    translated = verbs.add_parser("translated", help="record that a question's translation matches its source")
    translated.add_argument("numbers", nargs="*", type=int, help="question numbers")
    translated.add_argument("--all", action="store_true", help="every question")
    translated.set_defaults(run=cmd_translated)
    serve = verbs.add_parser("serve", help="build, then preview locally")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-build", action="store_true", help="serve the existing site/")
    serve.add_argument("--static", action="store_true", help="no live preview: serve site/ as it is, like Pages")
    serve.set_defaults(run=cmd_serve)
    args = parser.parse_args(argv)
    layout = Layout() if args.root is None else Layout(root=args.root.resolve())
    return args.run(layout, args)
