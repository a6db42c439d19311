"""Run MkDocs into a temporary folder and swap it into place only on success."""

from __future__ import annotations

import gzip
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

from qa.layout import Layout
from qa.model import LANGUAGES
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
    """`mkdocs build --strict` into site_dir, one process per language at once; return
    the exit status (0 only if every language built).

    mkdocs-static-i18n would build the languages one after the other in one process;
    the machine has two cores, so each language gets its own process
    (scripts/hooks/one_language.py) and its own site folder, and the other
    languages' folders are then moved into the default language's site, with one
    sitemap for all.  The result is the site one process builds.

    quiet: keep MkDocs' output unless the build fails (for the benchmark's tables).
    """
    default, *others = LANGUAGES
    sites = {default: site_dir} | {lang: site_dir.with_name(f"{site_dir.name}.{lang}") for lang in others}
    env = mkdocs_env(layout)
    runs = {
        lang: subprocess.Popen(
            mkdocs_command(layout, site, config_file),
            cwd=layout.root,
            env=env | {"QA_BUILD_LANGUAGE": lang},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for lang, site in sites.items()
    }
    status = 0
    for run in runs.values():  # in language order, so the output reads like one build's
        stdout, stderr = run.communicate()
        status = status or run.returncode
        if not quiet or run.returncode != 0:
            print(stdout, end="")
            print(stderr, end="", file=sys.stderr)
    try:
        if status == 0:
            for lang in others:
                merge_language(site_dir, sites[lang], lang)
    finally:
        for lang in others:
            shutil.rmtree(sites[lang], ignore_errors=True)
    return status


def merge_language(site_dir: Path, other_site: Path, lang: str) -> None:
    """Move a language's folder from its own build into the default language's site.

    Everything else that build wrote is the same as in the default language's site
    (theme assets, robots.txt) or is replaced here: its root 404.html and search
    index are the default language's, and the sitemap lists both languages'
    pages, default language first, as static-i18n's last nested build writes it."""
    (other_site / lang).rename(site_dir / lang)
    sitemap, theirs = site_dir / "sitemap.xml", other_site / "sitemap.xml"
    if sitemap.exists() and theirs.exists():
        ours_text, their_text = sitemap.read_text(encoding="utf-8"), theirs.read_text(encoding="utf-8")
        start = their_text.index(">", their_text.index("<urlset")) + 1
        merged = ours_text[: ours_text.rindex("</urlset>")] + their_text[start:].lstrip("\n")
        sitemap.write_text(merged, encoding="utf-8")
        gz = site_dir / "sitemap.xml.gz"
        if gz.exists():  # MkDocs writes a gzip copy, stamped with the pages' date: keep the stamp
            mtime = struct.unpack("<I", gz.read_bytes()[4:8])[0]
            with gz.open("wb") as f, gzip.GzipFile(fileobj=f, filename=str(gz), mode="wb", mtime=mtime) as out:
                out.write(merged.encode("utf-8"))


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
