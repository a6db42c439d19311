"""Run MkDocs into a temporary folder and swap it into place only on success."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qa.layout import Layout
from qa.publish.chromium import ChromiumMissing
from qa.publish.pdf import print_pdfs
from qa.publish.server import site_path

QUIET_ENV = {
    # MkDocs 1.6 plugins print a banner about MkDocs 2; it is noise in our logs
    "DISABLE_MKDOCS_2_WARNING": "true",
    "NO_MKDOCS_2_WARNING": "1",
}


def mkdocs_env(layout: Layout) -> dict[str, str]:
    return {**os.environ, **QUIET_ENV}


def mkdocs_command(layout: Layout, site_dir: Path, config_file: Path | None = None) -> list[str]:
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",  # never add --quiet: it hides the warnings that strict mode counts
        "--config-file",
        str(config_file or layout.mkdocs_yml),
        "--site-dir",
        str(site_dir),
    ]


def run_mkdocs(layout: Layout, site_dir: Path, config_file: Path | None = None, quiet: bool = False) -> int:
    """`mkdocs build --strict` into site_dir; return its exit status.

    One process builds every language: mkdocs-static-i18n builds the default language,
    then the others nested in it (its documented behaviour).

    quiet: keep MkDocs' output unless the build fails (for the benchmark's tables).
    """
    run = subprocess.run(
        mkdocs_command(layout, site_dir, config_file),
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


def build_into(layout: Layout, site_dir: Path, config_file: Path | None = None) -> int:
    """The whole build into site_dir: `mkdocs build --strict`, then the PDFs; 0 on success."""
    status = run_mkdocs(layout, site_dir, config_file)
    if status != 0:
        return status
    try:
        print_pdfs(site_dir, site_path(layout), layout.cache / "pdf")
    except ChromiumMissing as error:
        print(f"error: printing the PDFs: {error}", file=sys.stderr)
        return 1
    return 0


def build_site(layout: Layout, config_file: Path | None = None) -> int:
    """Build into build/site-*, then replace site/ atomically enough for a static site.

    A failed build — a non-zero status or an exception — leaves the previous site/
    untouched and no staging folder behind."""
    layout.build.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=layout.build))
    try:
        status = build_into(layout, staging, config_file)
        if status != 0:
            return status
        retired = layout.build / "site-retired"
        shutil.rmtree(retired, ignore_errors=True)
        if layout.site.exists():
            layout.site.rename(retired)
        staging.rename(layout.site)
        shutil.rmtree(retired, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already when it became site/
