"""Run MkDocs into a temporary folder and swap it into place only on success."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qa.layout import Layout
from qa.publish import incremental
from qa.publish.chromium import ChromiumMissing
from qa.publish.pdf import print_pdfs
from qa.publish.server import site_path
from qa.publish.timings import Timings

QUIET_ENV = {
    # MkDocs 1.6 plugins print a banner about MkDocs 2; it is noise in our logs
    "DISABLE_MKDOCS_2_WARNING": "true",
    "NO_MKDOCS_2_WARNING": "1",
}


def mkdocs_env(layout: Layout) -> dict[str, str]:
    return {**os.environ, **QUIET_ENV}


def mkdocs_command(layout: Layout, site_dir: Path, config_file: Path | None = None, dirty: bool = False) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",  # never add --quiet: it hides the warnings that strict mode counts
        *(["--dirty"] if dirty else []),  # re-render only pages whose source is newer (qa.publish.incremental)
        "--config-file",
        str(config_file or layout.mkdocs_yml),
        "--site-dir",
        str(site_dir),
    ]


def run_mkdocs(
    layout: Layout, site_dir: Path, config_file: Path | None = None, quiet: bool = False, dirty: bool = False
) -> int:
    """`mkdocs build --strict` into site_dir; return its exit status.

    One process builds every language: mkdocs-static-i18n builds the default language,
    then the others nested in it (its documented behaviour).

    quiet: keep MkDocs' output unless the build fails (for the benchmark's tables).
    """
    run = subprocess.run(
        mkdocs_command(layout, site_dir, config_file, dirty),
        cwd=layout.root,
        env=mkdocs_env(layout),
        capture_output=True,
        text=True,
        check=False,
    )
    if not quiet or run.returncode != 0:
        print(run.stdout, end="")
        print(run.stderr, end="", file=sys.stderr)
    return run.returncode


def build_into(
    layout: Layout, site_dir: Path, config_file: Path | None = None, dirty: bool = False, pdfs: bool = True
) -> int:
    """The whole build into site_dir: `mkdocs build --strict`, then the PDFs; 0 on success.

    dirty: site_dir holds the previous site and only changed pages are re-rendered;
    pdfs: print them (a preview leaves the previous ones as they are)."""
    timings = Timings(layout)
    with timings.stage("mkdocs"):
        status = run_mkdocs(layout, site_dir, config_file, dirty=dirty)
    if status != 0:
        return status
    if pdfs:
        try:
            with timings.stage("pdf"):
                print_pdfs(site_dir, site_path(layout), layout.cache / "pdf")
        except ChromiumMissing as error:
            print(f"error: printing the PDFs: {error}", file=sys.stderr)
            return 1
    return 0


def build_site(layout: Layout, config_file: Path | None = None, pdfs: bool = True) -> int:
    """Build into build/site-*, then replace site/ atomically enough for a static site.

    When nothing but page sources changed since site/ was built, the staging folder
    starts as a copy of site/ and MkDocs re-renders only the changed pages
    (qa.publish.incremental).  A failed build — a non-zero status or an exception —
    leaves the previous site/ untouched and no staging folder behind."""
    layout.build.mkdir(parents=True, exist_ok=True)
    timings = Timings(layout)
    with timings.stage("state"):
        now = incremental.state(layout)
        dirty = config_file is None and incremental.can_build_dirty(layout, now)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=layout.build))
    try:
        if dirty:
            with timings.stage("copy"):
                shutil.copytree(layout.site, staging, dirs_exist_ok=True)  # copy2: times kept, as MkDocs compares them
        status = build_into(layout, staging, config_file, dirty=dirty, pdfs=pdfs)
        if status != 0:
            return status
        if not pdfs and not dirty:  # a preview keeps the PDFs it had
            for old in layout.site.rglob("*.pdf") if layout.site.is_dir() else []:
                target = staging / old.relative_to(layout.site)
                if target.parent.is_dir():
                    shutil.copy2(old, target)
        with timings.stage("swap"):
            retired = layout.build / "site-retired"
            shutil.rmtree(retired, ignore_errors=True)
            incremental.forget(layout)  # from here to record(), site/ is not what the state says
            if layout.site.exists():
                layout.site.rename(retired)
            staging.rename(layout.site)
            shutil.rmtree(retired, ignore_errors=True)
            if config_file is None:
                incremental.record(layout, now)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when it became site/
