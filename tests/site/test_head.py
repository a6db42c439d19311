"""Every page's <head> carries what link previews and search engines read."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image

from .helpers import is_redirect, local_file, soup

LOCALES = {"zh": "zh_CN", "en": "en_US"}


def content_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if not is_redirect(p)]


def meta(doc, key: str) -> str:
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    assert tag is not None and tag.get("content"), f"missing {key}"
    return tag["content"]


def test_every_page_has_complete_preview_metadata(built_site, catalog):
    pages = content_pages(built_site)
    # home, index, all questions, performance and the calculator, one page per question, the
    # problems' index and one page per problem, in each language
    per_language = [5 + len(catalog.in_language(lang)) + 1 + len(catalog.problems) for lang in ("zh", "en")]
    assert len(pages) == sum(per_language)
    site_url = soup(built_site / "index.html").find("link", rel="canonical")["href"]
    for page in pages:
        doc = soup(page)
        relative = page.parent.relative_to(built_site).as_posix()
        lang = "en" if relative.split("/")[0] == "en" else "zh"
        url = site_url + (relative + "/" if relative != "." else "")
        is_question = "/questions/" in f"/{relative}/" and not relative.endswith("questions")
        where = page.relative_to(built_site)

        assert doc.title and doc.title.get_text().strip(), where
        assert meta(doc, "description"), where
        assert doc.find("link", rel="canonical")["href"] == url, where
        assert meta(doc, "og:url") == url, where
        site_name = meta(doc, "og:site_name")
        title = doc.title.get_text().strip()
        assert meta(doc, "og:title") == (site_name if title == site_name else title.removesuffix(f" - {site_name}")), (
            where
        )
        assert meta(doc, "og:description") == meta(doc, "description"), where
        assert meta(doc, "og:type") == ("article" if is_question else "website"), where
        assert meta(doc, "og:locale") == LOCALES[lang], where
        assert meta(doc, "og:locale:alternate") == LOCALES["zh" if lang == "en" else "en"], where
        assert meta(doc, "twitter:card") == "summary_large_image", where

        alternates = {link["hreflang"]: link["href"] for link in doc.find_all("link", hreflang=True)}
        path = relative.removeprefix("en").lstrip("/").removeprefix(".")
        path = path + "/" if path else ""
        assert alternates == {
            "zh": site_url + path,
            "en": site_url + "en/" + path,
            "x-default": site_url + path,
        }, where
        for link in doc.find_all("link", hreflang=True):
            assert "alternate" in link["rel"], where  # crawlers read rel as a token list

        image = meta(doc, "og:image")
        assert image.startswith(site_url), where
        file = local_file(built_site, "/" + image[len(site_url) :])
        assert file is not None, f"{where}: og:image {image} missing"
        with Image.open(file) as picture:
            assert picture.size[0] >= 1200 and picture.size[1] >= 630, where
        if is_question:
            assert meta(doc, "description") in doc.find("article").get_text(), where


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_question_card_is_the_questions_own(built_site, lang):
    root = "" if lang == "zh" else "en/"
    doc = soup(built_site / root / "questions/quantization/index.html")
    assert meta(doc, "og:image").endswith(f"/{root}assets/cards/quantization.png")


def test_sitemap_and_robots(built_site):
    site_url = soup(built_site / "index.html").find("link", rel="canonical")["href"]
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {site_url}sitemap.xml" in robots
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(built_site / "sitemap.xml")
    locations = [loc.text for loc in sitemap.iterfind("s:url/s:loc", names)]
    assert f"{site_url}questions/quantization/" in locations
    assert f"{site_url}en/questions/quantization/" in locations
    assert {a.get("hreflang") for a in sitemap.iterfind("s:url/x:link", names)} == {"zh", "en"}
