"""When MkDocs may rebuild only the pages whose sources changed (`mkdocs build --dirty`).

MkDocs' dirty build re-renders a page only when its source is newer than the page it
wrote last time; everything around the pages (theme, templates, plugin code, the nav
that every page's sidebar shows, the site's address) is assumed unchanged.  So a
build is dirty only when that holds: the "machinery" — mkdocs.yml, overrides/, docs/,
the qa package, the installed versions of what renders, SITE_URL — hashes as it did
for the site in site/, and the set of staged pages is the same (no page added or
removed, whose neighbours and index would change).  Otherwise the build is clean.
`qa generate` rewrites only the staged files whose content changed, so their times
tell MkDocs exactly what to redo.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib.metadata import version
from pathlib import Path

from qa.layout import Layout

RENDERERS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-redirects", "pymdown-extensions")
RENDERERS += ("markdown", "pygments", "jinja2", "minify-html", "rjsmin", "nh3", "jieba")
MACHINERY_SUFFIXES = (".py", ".json", ".html", ".css", ".js", ".svg", ".yml", ".md", ".txt")


def machinery_digest(layout: Layout) -> str:
    digest = hashlib.sha256()
    digest.update(f"{sys.version}\0{os.environ.get('SITE_URL', '')}\0".encode())
    for name in RENDERERS:
        digest.update(f"{name}={version(name)}\0".encode())
    package = Path(__file__).resolve().parents[1]
    for label, folder in (("overrides", layout.root / "overrides"), ("docs", layout.docs), ("qa", package)):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and path.suffix in MACHINERY_SUFFIXES and "__pycache__" not in path.parts:
                # where a file is in its folder, never where the checkout is: a moved project builds dirty
                name = f"{label}/{path.relative_to(folder).as_posix()}"
                digest.update(name.encode() + b"\0" + path.read_bytes())
    digest.update(layout.mkdocs_yml.read_bytes())
    return digest.hexdigest()


def staged_pages(layout: Layout) -> list[str]:
    return sorted(p.relative_to(layout.staged_docs).as_posix() for p in layout.staged_docs.rglob("*") if p.is_file())


def state(layout: Layout) -> dict[str, object]:
    return {"machinery": machinery_digest(layout), "pages": staged_pages(layout)}


def state_file(layout: Layout) -> Path:
    return layout.build / "incremental-state.json"


def can_build_dirty(layout: Layout, now: dict[str, object]) -> bool:
    """Whether site/ was built from the same machinery and page set as now."""
    try:
        before = json.loads(state_file(layout).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return layout.site.is_dir() and before == now


def record(layout: Layout, now: dict[str, object]) -> None:
    state_file(layout).write_text(json.dumps(now), encoding="utf-8")


def forget(layout: Layout) -> None:
    state_file(layout).unlink(missing_ok=True)
