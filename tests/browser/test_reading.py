"""What a reader does on a question page, in Chromium."""

from __future__ import annotations

import re

import pytest

SAMPLE = [1, 9, 17, 30]


@pytest.mark.parametrize("number", SAMPLE)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_short_link_opens_question_with_closed_answer_that_opens_on_click(page, catalog, prefix, number):
    lang = "en" if prefix else "zh"
    q = next(q for q in catalog.in_language(lang) if q.number == number)
    page.goto(f"{prefix}q/{number}/")
    page.wait_for_url(re.compile(rf"/{prefix}questions/{q.slug}/$"))
    assert page.locator("h1#question").inner_text().startswith(f"{number}. {q.title}")
    assert q.prompt in page.locator("article").inner_text()
    answer = page.locator("details#answer")
    assert answer.evaluate("d => d.open") is False
    first_bullet = page.locator("details#answer li").first
    assert not first_bullet.is_visible()
    answer.locator("summary").click()
    assert answer.evaluate("d => d.open") is True
    assert first_bullet.is_visible()
    answer.locator("summary").click()
    assert answer.evaluate("d => d.open") is False


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_link_to_the_answer_anchor_opens_it(page, prefix):
    page.goto(f"{prefix}questions/quantization/#answer")
    answer = page.locator("details#answer")
    answer.wait_for()
    page.wait_for_function("() => document.getElementById('answer').open")
    assert answer.locator("li").first.is_visible()


def test_pager_moves_to_the_next_question(page):
    page.goto("questions/quantization/")
    page.locator("a.qa-next").click()
    page.wait_for_url(re.compile(r"/questions/faster-training/$"))
    assert page.locator("h1#question").inner_text().startswith("10.")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_note_stays_folded_with_the_answer_until_the_reader_opens_it(page, prefix):
    """The editor's note discusses the answer, so it must not spoil the self-test."""
    page.goto(f"{prefix}questions/quantization/")
    note = page.locator("#note")
    note_text = page.locator("section.qa-note p").first
    assert not page.locator("details#answer li").first.is_visible()
    assert not note.is_visible() and not note_text.is_visible()
    page.locator("details#answer > summary").click()
    assert page.locator("details#answer li").first.is_visible()
    assert note.is_visible() and note_text.is_visible()  # one reveal opens both


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_link_to_the_note_anchor_opens_the_answer_and_shows_the_note(page, prefix):
    page.goto(f"{prefix}questions/quantization/#note")
    page.wait_for_function("() => document.getElementById('answer').open")
    assert page.locator("#note").is_visible()
    assert page.locator("section.qa-note p").first.is_visible()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_printing_shows_the_answer_and_the_note(page, prefix):
    page.goto(f"{prefix}questions/quantization/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # Material opens every details
    page.wait_for_function("() => document.getElementById('answer').open")
    assert page.locator("details#answer li").first.is_visible()
    assert page.locator("section.qa-note p").first.is_visible()


@pytest.mark.parametrize("path", ["questions/quantization/", "en/questions/quantization/", "en/", "no-such-page/"])
def test_the_theme_icons_are_drawn_from_the_sprite(page, path):
    """Every icon of the header and sidebar is a <use> of a symbol in assets/icons.svg
    (qa.plugin.icons): each one must find its symbol and draw it at the icon's size."""
    fetched = []
    page.on("response", lambda response: fetched.append((response.url, response.status)))
    page.goto(path, wait_until="load")
    sprite = [status for url, status in fetched if url.endswith("/assets/icons.svg")]
    assert sprite == [200], fetched
    icons = page.locator(".md-header svg, .md-sidebar svg")
    assert icons.count() >= 5
    assert page.locator(".md-header svg path").count() == 0  # no icon inlined any more
    shown = 0
    for index in range(icons.count()):
        icon = icons.nth(index)
        assert icon.locator("use").count() == 1, icon.evaluate("e => e.outerHTML")
        if not icon.is_visible():
            continue  # e.g. the palette's other two states
        drawn = icon.locator("use").evaluate("u => { const b = u.getBBox(); return [b.width, b.height]; }")
        assert drawn[0] > 0 and drawn[1] > 0, (index, icon.evaluate("e => e.outerHTML"), drawn)
        shown += 1
    assert shown >= 3  # the logo, the palette's current state, the language switch, search
    logo = page.locator(".md-header .md-logo svg")
    box = logo.bounding_box()
    assert box is not None and box["width"] >= 16 and box["height"] >= 16, box
    # and it is drawn: the logo's pixels are not all the header's colour
    import io

    from PIL import Image

    pixels = Image.open(io.BytesIO(logo.screenshot())).convert("RGB").getcolors(1 << 16)
    assert len(pixels) > 2, pixels
