"""Linking a question: language switch, copy buttons, answer anchors, readable ids."""

from __future__ import annotations

import re

import pytest

PAGES = ["", "questions/", "questions/optimize-inference-speed/", "questions/quantization/", "questions/visualization/"]


def switch_language(page, name: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name=name, exact=True).click()


@pytest.mark.parametrize("path", PAGES)
def test_language_switch_lands_on_the_same_page_both_ways(page, site_url, path):
    page.goto(path)
    switch_language(page, "English")
    page.wait_for_url(f"{site_url}en/{path}")
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "中文")
    page.wait_for_url(f"{site_url}{path}")
    assert page.locator("html").get_attribute("lang").startswith("zh")


@pytest.mark.parametrize(("prefix", "name"), [("", "复制链接"), ("en/", "Copy link")])
def test_copy_link_puts_the_canonical_url_in_the_clipboard(browser, site_url, prefix, name):
    context = browser.new_context(base_url=site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{prefix}q/9/")
    page.wait_for_url(re.compile("questions/quantization/$"))
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    button = page.get_by_role("button", name=name, exact=True)
    button.focus()
    page.keyboard.press("Enter")  # works from the keyboard
    page.wait_for_function("() => document.querySelector('.qa-copy-status').textContent !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == canonical
    assert canonical.endswith(f"/{prefix}questions/quantization/")
    assert canonical in page.locator(".qa-copy-status").inner_text()  # visible feedback
    context.close()


@pytest.mark.parametrize(
    ("prefix", "name", "title"),
    [
        ("", "复制 Markdown 链接", "9. 如何实现LLM模型的量化？"),
        ("en/", "Copy Markdown link", "9. How do you quantize an LLM?"),
    ],
)
def test_copy_markdown_link(browser, site_url, prefix, name, title):
    context = browser.new_context(base_url=site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{prefix}questions/quantization/")
    page.get_by_role("button", name=name, exact=True).click()
    page.wait_for_function("() => document.querySelector('.qa-copy-status').textContent !== ''")
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert page.evaluate("navigator.clipboard.readText()") == f"[{title}]({canonical})"
    context.close()


@pytest.mark.parametrize("path", ["questions/quantization/", "en/questions/quantization/", "", "en/"])
def test_no_element_id_has_the_default_slug_form(page, path):
    page.goto(path)
    bad = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id).filter(id => /^_\\d*$/.test(id))")
    assert bad == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_short_link_with_answer_anchor_opens_the_answer(page, prefix):
    page.goto(f"{prefix}q/9/#answer")
    page.wait_for_url(re.compile("questions/quantization/#answer$"))
    page.wait_for_function("() => document.getElementById('answer').open")
