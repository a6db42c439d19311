"""Search in the header box, typed the way a person (or an input method) types."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from .search_queries import EN, ZH

PASS_RATE = 0.95


def search(page, query: str) -> list[str]:
    """Type the query, press End as an input method does, return result hrefs in order."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.keyboard.press("/")  # Material's keyboard shortcut opens the search dialog
    box.fill("")
    box.type(query)
    box.press("End")  # IME composition ends with a key event; Material listens for keyup
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|正在初始化|Type to start|键入以开始/i.test(m.textContent) }"
    )
    deadline = time.monotonic() + 2
    previous = None
    while time.monotonic() < deadline:  # wait until the list stops changing
        current = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
        if current == previous and meta.inner_text():
            return current
        previous = current
        time.sleep(0.1)
    return previous or []


def numbers_from(hrefs: list[str], by_slug: dict[str, int]) -> list[int]:
    found = []
    for href in hrefs:
        slug = urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1]
        if slug in by_slug:
            found.append(by_slug[slug])
    return found


@pytest.fixture(scope="module")
def by_slug(catalog) -> dict[str, int]:
    return {q.slug: q.number for q in catalog.questions}


@pytest.mark.parametrize(
    ("lang", "start", "queries"),
    [("zh", "questions/", ZH), ("en", "en/questions/", EN)],
)
def test_queries_find_the_question_in_the_readers_language(page, by_slug, site_url, lang, start, queries):
    page.goto(start)
    failures = []
    for query, expected in queries.items():
        hrefs = search(page, query)
        assert hrefs, f"{query!r}: no results"
        for href in hrefs:  # every result is in the reader's language
            in_english = urlsplit(href).path.startswith(urlsplit(f"{site_url}en/").path)
            assert in_english == (lang == "en"), f"{query!r}: result {href} is in the other language"
        top3 = numbers_from(hrefs, by_slug)[:3]
        if not expected & set(top3):
            failures.append(f"{query!r}: expected one of {sorted(expected)} in top 3, got {top3}")
    rate = 1 - len(failures) / len(queries)
    assert rate >= PASS_RATE, f"{rate:.0%} passed:\n" + "\n".join(failures)
    print(f"{lang}: {rate:.0%} of {len(queries)} queries passed", *failures, sep="\n")


@pytest.mark.parametrize("start", ["questions/quantization/", "en/questions/quantization/"])
def test_a_page_fetches_only_its_own_languages_index_and_only_when_searching(browser, site_url, start):
    context = browser.new_context(base_url=site_url)
    page = context.new_page()
    fetched: list[str] = []
    context.on("request", lambda r: fetched.append(r.url) if "/search/" in urlsplit(r.url).path else None)
    page.goto(start)
    page.wait_for_load_state("networkidle")
    root = f"{site_url}{'en/' if start.startswith('en/') else ''}search/"
    assert fetched == [f"{root}search_index.json"]  # Material's stub: a few hundred bytes
    assert len(page.evaluate("fetch('../../search/search_index.json').then(r => r.text())")) < 1000
    search(page, "LLM")
    assert sorted(set(fetched)) == [f"{root}documents.json", f"{root}search_index.json"]
    context.close()
