"""content/published-urls.txt: the append-only record of every URL the site has published."""

from __future__ import annotations

from pathlib import Path

from qa.model import Catalog
from qa.urls import published_urls

HEADER = (
    "# Every URL this site has published, as a path under site_url (/ is the Chinese home page).\n"
    "# Append-only: `python -m qa urls --update` adds new ones; never delete a line.\n"
)


def read_manifest(path: Path) -> list[tuple[int, str]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


def update_manifest(path: Path, catalog: Catalog) -> list[str]:
    """Append the URLs published now that the record lacks; return them."""
    recorded = {url for _, url in read_manifest(path)}
    added = [url for url in published_urls(catalog) if url not in recorded]
    if added:
        text = path.read_text(encoding="utf-8") if path.exists() else HEADER
        path.write_text(text + "".join(f"{url}\n" for url in added), encoding="utf-8")
    return added
