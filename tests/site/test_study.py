"""The all-questions page and the PDFs printed from it, per language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from qa.generate.render import plain_text
from qa.generate.strings import STRINGS
from qa.urls import language_dir, pdf_name

from .helpers import soup

LANGS = ["zh", "en"]


def squash(text: str) -> str:
    """Text as compared with the PDF's: no white space (the PDF breaks lines and puts
    spaces around Latin words inside Chinese text)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf_text(built_site: Path) -> dict[str, str]:
    texts = {}
    for lang in LANGS:
        reader = PdfReader(language_dir(built_site, lang) / pdf_name(lang))
        pages = []
        for number, page in enumerate(reader.pages, 1):
            lines = page.extract_text().splitlines()
            pages.append("\n".join(line for line in lines if line.strip() != str(number)))  # the footer
        texts[lang] = "\n".join(pages)
    return texts


@pytest.mark.parametrize("lang", LANGS)
def test_all_page_has_every_question_with_a_closed_answer_and_its_note(built_site, catalog, lang):
    doc = soup(language_dir(built_site, lang) / "all" / "index.html")
    questions = catalog.in_language(lang)
    headings = doc.select("article h2")[: len(questions)]  # the coding problems follow
    assert [h["id"] for h in doc.select("article h2")] == [q.slug for q in questions] + [
        f"p-{p.slug}" for p in catalog.problems
    ]
    titles = [f"{q.number}. {plain_text(q.title)}" for q in questions]
    assert [h.get_text(strip=True).rstrip("¶") for h in headings] == titles
    for q in questions:
        answer = doc.find("details", id=f"{q.slug}-answer")
        assert answer is not None and not answer.has_attr("open"), q.slug
        assert answer.summary.get_text(strip=True) == STRINGS[lang].answer
        assert doc.find(id=f"{q.slug}-note") is not None, q.slug
        assert doc.select_one(f'.qa-selftest[data-slug="{q.slug}"]') is not None
        page_link = doc.select_one(f'p.qa-meta a[href="../questions/{q.slug}/"]')
        assert page_link is not None and page_link.get_text() == STRINGS[lang].question_page


@pytest.mark.parametrize("lang", LANGS)
def test_all_page_answers_and_notes_are_the_question_pages_own(built_site, catalog, lang):
    """Both are made from the same rendered fragments (qa.generate.render)."""
    root = language_dir(built_site, lang)
    doc = soup(root / "all" / "index.html")
    for q in catalog.in_language(lang):
        page = soup(root / "questions" / q.slug / "index.html")
        assert doc.find("details", id=f"{q.slug}-answer").get_text() == page.find("details", id="answer").get_text()
        note = doc.find("h3", id=f"{q.slug}-note")
        assert note.get_text() == page.find("h2", id="note").get_text(), q.slug


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_all_pages_link_the_pdf(built_site, lang):
    root = language_dir(built_site, lang)
    for page in (root / "index.html", root / "all" / "index.html"):
        links = [a["href"] for a in soup(page).select("a[href$='.pdf']")]
        assert len(links) == 1, page
        assert (page.parent / links[0]).resolve() == (root / pdf_name(lang)).resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_contains_every_question_title_prompt_and_answer(pdf_text, catalog, lang):
    text = squash(pdf_text[lang])
    for q in catalog.in_language(lang):
        assert squash(f"{q.number}. {plain_text(q.title)}") in text, q.title
        assert squash(plain_text(q.prompt)) in text, q.prompt
        first_answer_line = next(line for line in q.answer.splitlines() if line.strip())
        assert squash(re.sub(r"[*`]", "", first_answer_line)) in text, first_answer_line


def test_chinese_pdf_renders_chinese_glyphs_with_an_embedded_cjk_font(built_site, pdf_text):
    reader = PdfReader(built_site / pdf_name("zh"))
    fonts = set()
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()  # Chromium embeds CJK glyphs as Type 3 fonts, named in their descriptor
            descriptor = font.get("/FontDescriptor")
            fonts.add(str(descriptor.get_object()["/FontName"] if descriptor else font["/BaseFont"]))
    assert any("CJK" in name for name in fonts), fonts
    assert squash("全部题目与答案") in squash(pdf_text["zh"])
    # the text layer names ideographs, not the radicals that share their glyphs (qa/pdf_unicode.py)
    radicals = sorted({c for c in pdf_text["zh"] if 0x2E80 <= ord(c) < 0x2FE0})
    assert radicals == []


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_prints_public_link_addresses_and_no_controls(pdf_text, catalog, lang, built_site):
    text = squash(pdf_text[lang])
    home = "https://miaotui.github.io/llm-inference-qa/" + ("" if lang == "zh" else "en/")
    first = catalog.in_language(lang)[0]
    assert squash(f"({home}questions/{first.slug}/)") in text
    assert "127.0.0.1" not in text
    s = STRINGS[lang]
    for control in (s.expand_all, s.mark_known, s.copy_link, s.download_pdf):
        assert squash(control) not in text


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_bookmarks_lead_to_every_question_in_order_and_the_book_keeps_its_title(built_site, catalog, lang):
    """The book is joined from parts (qa.publish.pdf.join): each question's bookmark is
    there, in order, and opens the page on which its heading is printed."""
    reader = PdfReader(language_dir(built_site, lang) / pdf_name(lang))
    top = [item for item in reader.outline if not isinstance(item, list)]
    # Chromium names a bookmark by the heading's lines as printed: where it wraps, the space goes
    titles = [squash(f"{q.number}. {plain_text(q.title)}") for q in catalog.in_language(lang)]
    bookmarked = [squash(item.title) for item in top if squash(item.title) in titles]
    assert bookmarked == titles
    for item in top:
        if squash(item.title) in titles[:3] + titles[-3:]:
            page = reader.pages[reader.get_destination_page_number(item)]
            assert squash(item.title) in squash(page.extract_text()), item.title
    assert reader.metadata.title.startswith(STRINGS[lang].all_title), reader.metadata.title
    assert reader.trailer["/Root"]["/Lang"] == lang
