"""The index can be filtered in place, and is a complete list without JavaScript."""

from __future__ import annotations

import pytest


def visible_numbers(page) -> list[int]:
    return page.evaluate(
        "[...document.querySelectorAll('section.qa-topic li')]"
        ".filter(item => item.offsetParent !== null)"
        ".map(item => parseInt(item.querySelector('.qa-n').textContent))"
    )


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filter_by_topic_and_difficulty(page, catalog, prefix):
    lang = "en" if prefix else "zh"
    questions = catalog.in_language(lang)
    page.goto(f"{prefix}questions/")
    assert sorted(visible_numbers(page)) == [q.number for q in questions]
    page.select_option("select[data-filter=topic]", "memory")
    assert sorted(visible_numbers(page)) == [q.number for q in questions if q.topic == "memory"]
    page.select_option("select[data-filter=difficulty]", "intermediate")
    expected = [q.number for q in questions if q.topic == "memory" and q.difficulty == "intermediate"]
    assert sorted(visible_numbers(page)) == expected
    assert f"{len(expected)}" in page.locator(".qa-filter-count").inner_text()
    page.select_option("select[data-filter=topic]", "")
    expected = [q.number for q in questions if q.difficulty == "intermediate"]
    assert sorted(visible_numbers(page)) == expected
    assert page.url.endswith(f"{prefix}questions/")  # never left the page


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_filter_by_origin(page, catalog, prefix):
    lang = "en" if prefix else "zh"
    questions = catalog.in_language(lang)
    page.goto(f"{prefix}questions/")
    for origin in ("seed", "site"):
        page.select_option("select[data-filter=origin]", origin)
        expected = [q.number for q in questions if catalog.origin(q) == origin]
        assert expected and sorted(visible_numbers(page)) == expected
    page.select_option("select[data-filter=difficulty]", "advanced")
    expected = [q.number for q in questions if catalog.origin(q) == "site" and q.difficulty == "advanced"]
    assert sorted(visible_numbers(page)) == expected
    page.select_option("select[data-filter=origin]", "")
    assert sorted(visible_numbers(page)) == [q.number for q in questions if q.difficulty == "advanced"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_list_is_complete(browser, site_url, catalog, prefix):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{prefix}questions/")
    lang = "en" if prefix else "zh"
    items = page.locator("section.qa-topic li")
    shown = [int(items.nth(i).locator(".qa-n").inner_text().rstrip(".")) for i in range(items.count())]
    assert sorted(shown) == [q.number for q in catalog.in_language(lang)]
    assert all(items.nth(i).is_visible() for i in range(items.count()))
    assert not page.locator("form.qa-filter select").first.is_visible()  # the filter needs JavaScript
    context.close()
