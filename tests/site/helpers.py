"""Reading the built site the way a crawler would."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

from qa.urls import language_dir


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def question_pages(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (language_dir(site, lang) / "questions").glob("*/index.html"))


def redirect_target(page: Path) -> Path:
    """Where a redirect page leads, as a file in the site."""
    link = soup(page).find("link", rel="canonical")
    assert link is not None, f"{page} is not a redirect page"
    return (page.parent / link["href"] / "index.html").resolve()


def is_redirect(page: Path) -> bool:
    return 'http-equiv="refresh"' in page.read_text(encoding="utf-8")


@cache
def ids(page: Path) -> frozenset[str]:
    """Every id (and <a name>) on a page; cached, since a crawl asks for the same pages often."""
    doc = soup(page)
    return frozenset(el["id"] for el in doc.find_all(id=True)) | {
        el["name"] for el in doc.find_all("a", attrs={"name": True})
    }


def local_file(site: Path, path: str) -> Path | None:
    """The file a URL path (relative to the site root) is served from, if any (a query is ignored)."""
    path = path.partition("?")[0]
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def follow(site: Path, page: Path, hops: int = 5) -> Path:
    """Follow redirect pages (meta refresh + canonical) to the page they lead to."""
    while hops and is_redirect(page):
        page = redirect_target(page)
        hops -= 1
    return page
