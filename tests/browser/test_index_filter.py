"""The index can be filtered in place, and is a complete list without JavaScript."""

from __future__ import annotations

import pytest


def visible_numbers(page) -> list[int]:
    return page.evaluate(
        "[...document.querySelectorAll('section.qa-topic tr')]"
        ".filter(r => r.offsetParent !== null && r.querySelector('td'))"
        ".map(r => Number(r.querySelector('td').textContent))"
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
def test_without_javascript_the_list_is_complete(browser, site_url, catalog, prefix):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{prefix}questions/")
    lang = "en" if prefix else "zh"
    assert sorted(visible_numbers_static(page)) == [q.number for q in catalog.in_language(lang)]
    assert not page.locator("form.qa-filter").is_visible()  # the filter needs JavaScript, so it stays hidden
    context.close()


def visible_numbers_static(page) -> list[int]:
    rows = page.locator("section.qa-topic tr:has(td)")
    return [int(rows.nth(i).locator("td").first.inner_text()) for i in range(rows.count()) if rows.nth(i).is_visible()]
