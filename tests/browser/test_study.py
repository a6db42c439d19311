"""Studying with the site, in Chromium: expand / collapse all, self-test marks,
dark mode and print."""

from __future__ import annotations

import re

import pytest

from qa.generate.strings import STRINGS

KNOWN, REVIEW = "quantization", "memory-leaks"  # two questions the tests mark


def open_count(page) -> list[bool]:
    return page.eval_on_selector_all(".md-content details", "all => all.map(d => d.open)")


@pytest.mark.parametrize("path", ["questions/quantization/", "all/", "en/questions/quantization/", "en/all/"])
def test_expand_all_and_collapse_all(page, path, catalog):
    page.goto(path)
    states = open_count(page)
    # a question page: its answer; the all page: every answer, then every coding problem's solution
    expected = 1 if "questions/" in path else len(catalog.in_language("en" if path.startswith("en/") else "zh"))
    expected += 0 if "questions/" in path else len(catalog.problems)
    assert states == [False] * expected, "answers start closed"
    lang = "en" if path.startswith("en/") else "zh"
    page.get_by_role("button", name=STRINGS[lang].expand_all, exact=True).click()
    assert open_count(page) == [True] * expected
    page.get_by_role("button", name=STRINGS[lang].collapse_all, exact=True).click()
    assert open_count(page) == [False] * expected


def mark_buttons(page, slug: str, lang: str):
    group = page.locator(f'.qa-selftest[data-slug="{slug}"]')
    s = STRINGS[lang]
    return group.get_by_role("button", name=s.mark_known), group.get_by_role("button", name=s.mark_review)


def progress_text(page) -> str:
    return page.locator(".qa-progress-text").inner_text()


def test_self_test_marks_survive_reload_cross_languages_and_reset(page, catalog):
    total = len(catalog.in_language("zh"))
    page.goto(f"questions/{KNOWN}/")
    known, review = mark_buttons(page, KNOWN, "zh")
    assert known.get_attribute("aria-pressed") == "false"
    known.click()
    assert known.get_attribute("aria-pressed") == "true"
    assert review.get_attribute("aria-pressed") == "false"

    page.reload()
    known, review = mark_buttons(page, KNOWN, "zh")
    assert known.get_attribute("aria-pressed") == "true", "the mark survives a reload"

    page.goto(f"en/questions/{KNOWN}/")  # the same question in English
    known_en, _ = mark_buttons(page, KNOWN, "en")
    assert known_en.get_attribute("aria-pressed") == "true", "both languages share the mark"

    page.goto("en/all/")  # marks can be set on the all-questions page as well
    _, review_en = mark_buttons(page, REVIEW, "en")
    review_en.click()
    assert review_en.get_attribute("aria-pressed") == "true"

    page.goto("questions/")
    s = STRINGS["zh"]
    assert progress_text(page) == s.progress.format(known=1, review=1, total=total)
    assert page.locator(f'a[data-slug="{KNOWN}"] + .qa-badge').inner_text() == s.mark_known
    assert page.locator(f'a[data-slug="{REVIEW}"] + .qa-badge').inner_text() == s.mark_review
    assert page.locator(".qa-badge").count() == 2

    page.goto("en/questions/")
    assert progress_text(page) == STRINGS["en"].progress.format(known=1, review=1, total=total)

    page.get_by_role("button", name=STRINGS["en"].reset_marks).click()
    assert progress_text(page) == STRINGS["en"].progress.format(known=0, review=0, total=total)
    assert page.locator(".qa-badge").count() == 0
    page.goto(f"questions/{KNOWN}/")
    known, review = mark_buttons(page, KNOWN, "zh")
    assert known.get_attribute("aria-pressed") == "false", "reset clears every mark"


def test_pressing_a_pressed_mark_clears_it(page):
    page.goto(f"questions/{REVIEW}/")
    known, review = mark_buttons(page, REVIEW, "zh")
    review.click()
    known.click()  # a question has one mark at a time
    assert (known.get_attribute("aria-pressed"), review.get_attribute("aria-pressed")) == ("true", "false")
    known.click()
    assert (known.get_attribute("aria-pressed"), review.get_attribute("aria-pressed")) == ("false", "false")
    page.reload()
    known, _ = mark_buttons(page, REVIEW, "zh")
    assert known.get_attribute("aria-pressed") == "false"


def scheme(page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme")


@pytest.mark.parametrize("preference, expected", [("light", "default"), ("dark", "slate")])
def test_colour_scheme_follows_the_system_by_default(browser, site_url, preference, expected):
    context = browser.new_context(base_url=site_url, color_scheme=preference)
    page = context.new_page()
    page.goto("questions/quantization/")
    assert scheme(page) == expected
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_palette_toggle_switches_and_remembers_the_scheme(browser, site_url, prefix):
    context = browser.new_context(base_url=site_url, color_scheme="light")
    page = context.new_page()
    page.goto(f"{prefix}questions/quantization/")
    seen = [scheme(page)]
    for _ in range(3):  # auto (light here) → light → dark → auto
        page.locator("form[data-md-component=palette] label:visible").click()
        seen.append(scheme(page))
    assert seen == ["default", "default", "slate", "default"]
    page.locator("form[data-md-component=palette] label:visible").click()  # → light
    page.locator("form[data-md-component=palette] label:visible").click()  # → dark
    assert scheme(page) == "slate"
    page.reload()
    assert scheme(page) == "slate", "the chosen scheme survives a reload"
    other = "" if prefix else "en/"
    page.goto(f"{other}questions/kv-cache-size/")
    assert scheme(page) == "slate", "both languages share the setting (theme.js: the site's root)"
    page.goto(f"{prefix}questions/quantization/")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    code = page.locator(".md-typeset pre > code").first.evaluate("c => getComputedStyle(c).color")
    assert background != "rgb(255, 255, 255)" and code != "rgba(0, 0, 0, 0.87)"
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_print_expands_answers_hides_controls_and_shows_link_addresses(page, prefix, base_path):
    page.goto(f"{prefix}questions/quantization/")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("document.getElementById('answer').open")
    assert page.locator("details#answer li").first.is_visible()
    for hidden in (".qa-share", ".qa-selftest", ".qa-expand", ".qa-pager", ".md-header", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    link = page.locator(".md-typeset a[href^='https://arxiv.org']").first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert after == f'" ({link.get_attribute("href")})"'
    related = page.locator("#related ~ ul a").first
    after = related.evaluate("a => getComputedStyle(a, '::after').content")
    # relative links are printed as public addresses (resolved against the canonical URL)
    assert re.fullmatch(r'" \(https?://[^)]+/questions/[a-z0-9-]+/\)"', after), after
    assert "127.0.0.1" not in after
