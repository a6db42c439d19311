"""Run MkDocs into a temporary folder and swap it into place only on success."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qa.chromium import ChromiumMissing
from qa.config import Layout
from qa.pdf import print_pdfs
from qa.server import site_path

QUIET_ENV = {
    # MkDocs 1.6 plugins print a banner about MkDocs 2; it is noise in our logs
    "DISABLE_MKDOCS_2_WARNING": "true",
    "NO_MKDOCS_2_WARNING": "1",
}


def mkdocs_env(layout: Layout) -> dict[str, str]:
    env = {**os.environ, **QUIET_ENV}
    scripts = str(layout.root / "scripts")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (scripts, env.get("PYTHONPATH", "")) if p)
    return env


def run_mkdocs(layout: Layout, site_dir: Path, config_file: Path | None = None, quiet: bool = False) -> int:
    """`mkdocs build --strict` into site_dir; return its exit status.

    quiet: keep MkDocs' output unless the build fails (for the benchmark's tables).
    """
    command = [
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
    result = subprocess.run(
        command, cwd=layout.root, env=mkdocs_env(layout), check=False, capture_output=quiet, text=True
    )
    if quiet and result.returncode != 0:
        print(result.stdout, result.stderr, sep="\n", file=sys.stderr)
    return result.returncode


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

    A failed build leaves the previous site/ untouched.
    """
    layout.build.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="site-", dir=layout.build))
    status = build_into(layout, staging, config_file)
    if status != 0:
        shutil.rmtree(staging, ignore_errors=True)
        return status
    retired = layout.build / "site-retired"
    shutil.rmtree(retired, ignore_errors=True)
    if layout.site.exists():
        layout.site.rename(retired)
    staging.rename(layout.site)
    shutil.rmtree(retired, ignore_errors=True)
    return 0
