"""`qa latency`: how long the search box takes to show results, in Chromium.

Serves site/, opens the index page of each language, runs one query so the
search index is loaded (that happens on first use), then for each query types
all but the last character, and times from the last keystroke (plus End, as an
input method sends it) to the moment the result list changes.
"""

from __future__ import annotations

import statistics

from qa.layout import Layout
from qa.publish.chromium import launch
from qa.publish.server import serve_in_thread, site_path

QUERIES = {
    "questions/": ["知识蒸馏", "负载均衡", "内存池", "量化", "正则化", "推荐系统"],
    "en/questions/": ["quantization", "memory pool", "streaming", "benchmark", "version control", "encryption"],
}
WATCH = """() => { window.__changed = null;
  new MutationObserver((m, o) => { window.__changed = performance.now(); o.disconnect(); })
    .observe(document.querySelector('.md-search-result__list'), {childList: true}); }"""


def measure(layout: Layout) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright  # a test dependency, only needed here

    server, url = serve_in_thread(layout.site, site_path(layout))
    results: dict[str, list[float]] = {}
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page = browser.new_page(base_url=url)
            for start, queries in QUERIES.items():
                page.goto(start)
                page.keyboard.press("/")
                box = page.locator("input.md-search__input")
                box.type("LLM")
                box.press("End")
                page.wait_for_selector(".md-search-result__item")  # the index is loaded now
                times = []
                for query in queries:
                    box.fill("")
                    box.type(query[:-1])
                    page.wait_for_timeout(300)
                    page.evaluate(WATCH)
                    started = page.evaluate("performance.now()")
                    box.type(query[-1])
                    box.press("End")
                    page.wait_for_function("() => window.__changed !== null")
                    times.append(page.evaluate("window.__changed") - started)
                results[start] = times
            browser.close()
    finally:
        server.shutdown()
    return results


def report(results: dict[str, list[float]]) -> str:
    lines = ["| page | queries | ms from last keystroke to results (each) | median | max |", "|---|---:|---|---:|---:|"]
    for start, times in results.items():
        each = ", ".join(f"{t:.0f}" for t in times)
        lines.append(f"| {start} | {len(times)} | {each} | {statistics.median(times):.0f} | {max(times):.0f} |")
    return "\n".join(lines)
