"""Readers get the whole site from its own origin, under a strict CSP, without errors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

PAGES = [
    "",
    "questions/",
    "questions/quantization/",
    "q/1/",
    "en/",
    "en/questions/",
    "en/questions/quantization/",
    "en/q/30/",
    "no-such-page/",
]

WATCH_CSP = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.mark.parametrize("path", PAGES)
def test_page_makes_no_third_party_request_and_breaks_no_policy(browser, site_url, path):
    context = browser.new_context(base_url=site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    own = urlsplit(site_url).netloc
    foreign: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != own else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    # what a reader does: open the answer, copy a link, search
    if page.locator("details#answer").count():
        page.locator("details#answer summary").click()
        page.locator("button.qa-copy").first.click()
    page.keyboard.press("/")
    page.locator("input.md-search__input").type("LLM")
    page.locator("input.md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_load_state("networkidle")
    assert foreign == []
    assert errors == []
    assert page.evaluate("window.__violations") == []
    context.close()


def test_every_page_declares_a_self_only_policy(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        assert "default-src 'self'" in html and "unsafe-inline" not in html, page
        # WebAssembly may be compiled on the coding problems' pages only (Pyodide); nothing may eval
        wasm = "'wasm-unsafe-eval'" in html
        assert "unsafe-eval" not in html.replace("'wasm-unsafe-eval'", ""), page
        assert wasm == ("data-qa-runner" in html), page


def test_external_links_do_not_leak_the_opener_or_referrer(built_site):
    from tests.site.helpers import soup

    base = soup(built_site / "index.html").find("link", rel="canonical")["href"]
    host = urlsplit(base).netloc
    for page in built_site.rglob("*.html"):
        for link in soup(page).find_all("a", href=True):
            if urlsplit(link["href"]).scheme in ("http", "https") and urlsplit(link["href"]).netloc != host:
                assert {"noopener", "noreferrer"} <= set(link.get("rel", [])), f"{page}: {link['href']}"


def test_no_mixed_content(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'src="http://' not in html and "url(http://" not in html, page
