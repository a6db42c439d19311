"""Crawl the built site: every internal link, asset and anchor resolves."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from qa.sources.manifest import read_manifest

from .helpers import follow, ids, local_file, soup

ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "srcset"}


def site_base(built_site: Path) -> str:
    canonical = soup(built_site / "index.html").find("link", rel="canonical")["href"]
    return canonical  # the site_url the site was built for


def internal_links(page: Path, site: Path, base: str):
    """(href as written, path under the site root, anchor) for every internal reference."""
    doc = soup(page)
    page_path = "/" + page.relative_to(site).as_posix()
    for tag, attribute in ATTRIBUTES.items():
        for element in doc.find_all(tag):
            raw = element.get(attribute)
            if not raw or raw.startswith(("mailto:", "data:")):
                continue
            base_path = urlsplit(base).path  # e.g. /llm-inference-qa/
            if raw.startswith(base):
                raw = "/" + raw[len(base) :]
            elif urlsplit(raw).scheme:
                continue  # external: checked by the security tests
            elif raw.startswith(base_path):  # absolute path on the host
                raw = "/" + raw[len(base_path) :]
            elif raw.startswith("/"):
                yield raw, "/<outside the site>" + raw, ""
                continue
            parts = urlsplit(raw)
            if raw.startswith("/"):
                path = parts.path
            else:
                path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path or page_path))
                if parts.path.endswith("/") or not parts.path:
                    path = path.rstrip("/") + "/" if parts.path else page_path
            yield raw, unquote(path), unquote(parts.fragment)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_internal_reference_resolves(built_site):
    base = site_base(built_site)
    broken = []
    checked = 0
    for page in html_pages(built_site):
        if page.name == "404.html":
            continue  # served at any depth; its links are absolute and checked below
        for raw, path, anchor in internal_links(page, built_site, base):
            checked += 1
            target = local_file(built_site, path)
            if target is None:
                broken.append(f"{page.relative_to(built_site)}: {raw} → {path} (missing)")
            elif anchor and target.suffix == ".html" and anchor not in ids(follow(built_site, target)):
                broken.append(f"{page.relative_to(built_site)}: {raw} (no #{anchor})")
    assert checked > 1000
    assert broken == []


@pytest.mark.parametrize("page", ["404.html", "en/404.html"])
def test_404_pages_link_to_index_and_home(built_site, page):
    doc = soup(built_site / page)
    base = "/" + site_base(built_site).split("/", 3)[3]
    for link in doc.select("article a[href]"):
        href = link["href"]
        assert href.startswith(base), href
        assert local_file(built_site, "/" + href[len(base) :]) is not None, href


def test_every_published_url_resolves(built_site, layout):
    """The record of published URLs, checked against the built site (redirects followed)."""
    for line, url in read_manifest(layout.manifest_file):
        path, _, anchor = url.partition("#")
        target = local_file(built_site, path)
        assert target is not None, f"published-urls.txt:{line}: {url} does not resolve"
        if anchor:
            assert anchor in ids(follow(built_site, target)), f"published-urls.txt:{line}: {url} lost its anchor"
