"""Reading the built site the way a crawler would."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def question_pages(site: Path, lang: str) -> list[Path]:
    root = site if lang == "zh" else site / lang
    return sorted(p for p in (root / "questions").glob("*/index.html"))


def redirect_target(page: Path) -> Path:
    """Where a redirect page leads, as a file in the site."""
    link = soup(page).find("link", rel="canonical")
    assert link is not None, f"{page} is not a redirect page"
    return (page.parent / link["href"] / "index.html").resolve()
