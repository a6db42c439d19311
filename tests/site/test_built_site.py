"""The built site: every question in both languages, short links, verbatim Chinese, English only."""

from __future__ import annotations

import re

import pytest

from qa.check.rules import CJK
from qa.sources.answer import parse_answer

from .helpers import question_pages, redirect_target, soup


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_page_per_question_per_language(built_site, catalog, lang):
    assert len(question_pages(built_site, lang)) == len(catalog.in_language(lang))


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_short_links_lead_to_their_question(built_site, catalog, prefix):
    lang = "en" if prefix else "zh"
    for q in catalog.in_language(lang):
        target = redirect_target(built_site / f"{prefix}q/{q.number}/index.html")
        assert target == (built_site / f"{prefix}questions/{q.slug}/index.html").resolve()
        assert target.exists()


def test_chinese_pages_carry_the_seed_text_verbatim(built_site, catalog):
    seed_questions = [q for q in catalog.in_language("zh") if catalog.origin(q) == "seed"]
    assert len(seed_questions) == 30  # the seed article's
    for q in seed_questions:
        text = soup(built_site / "questions" / q.slug / "index.html").find("article").get_text()
        assert q.title in text and q.prompt in text
        lead, bullets = parse_answer(q.answer)
        assert lead in text
        for bullet in bullets:
            assert f"{bullet.term}：" in text and bullet.text in text


def test_english_pages_are_english_only(built_site):
    for page in question_pages(built_site, "en") + [
        built_site / "en/index.html",
        built_site / "en/questions/index.html",
    ]:
        doc = soup(page)
        visible = doc.find("article").get_text() + doc.title.get_text()
        visible += doc.find("meta", attrs={"name": "description"})["content"]
        assert not CJK.search(visible), f"{page}: {CJK.findall(visible)[:5]}"


def test_answers_are_collapsed_details_with_a_stable_id(built_site):
    for lang in ("zh", "en"):
        for page in question_pages(built_site, lang):
            details = soup(page).find("details", id="answer")
            assert details is not None, page
            assert not details.has_attr("open"), page
            assert soup(page).find(id="question").name == "h1", page


def test_no_third_party_fonts_or_hosts_in_pages(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            assert not re.search(r"\.(js|css|woff2?|png|svg)(\?|$)", url), f"{page} loads {url}"


def test_each_language_has_its_own_404(built_site):
    assert "全部题目" in (built_site / "404.html").read_text(encoding="utf-8")
    assert "All questions" in (built_site / "en/404.html").read_text(encoding="utf-8")
