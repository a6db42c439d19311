"""Print each language's all-questions page to a PDF with headless Chromium.

The PDF is what a reader gets from the browser's own "Print": the page is served
the way GitHub Pages serves it, `beforeprint` runs (Material opens every answer,
qa.js writes each link's address) and the print stylesheet applies.  A PDF is
reprinted only when the page or the site's styles and scripts changed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from qa.model import DEFAULT_LANGUAGE, LANGUAGES
from qa.publish.chromium import launch
from qa.publish.pdf_unicode import fix_pdf
from qa.publish.server import serve_in_thread
from qa.urls import language_dir, pdf_name

ALL_PAGE = "all/index.html"
STYLE_SUFFIXES = (".css", ".js")
FOOTER = '<div style="width:100%;font-size:8px;text-align:center;color:#666"><span class="pageNumber"></span></div>'


PRINTER = "pdf-2"  # bump when the printing itself changes (options, the text-layer fix)


def styles_digest(site: Path) -> bytes:
    """Hash of the site's CSS and JavaScript, which every printed page depends on: their
    contents and their places in the site — never where the site folder happens to be."""
    digest = hashlib.sha256(PRINTER.encode())
    for path in sorted(site.glob("assets/**/*")):
        if path.suffix in STYLE_SUFFIXES:
            digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def print_key(site: Path, lang: str, styles: bytes) -> str:
    """Hash of what the printed PDF depends on: the page and the site's styles and scripts."""
    return hashlib.sha256(styles + (language_dir(site, lang) / ALL_PAGE).read_bytes()).hexdigest()


def print_pdfs(site: Path, base: str, cache: Path) -> list[Path]:
    """Write <language root>/llm-inference-qa.<lang>.pdf for every language; return them."""
    cache.mkdir(parents=True, exist_ok=True)
    styles = styles_digest(site)
    wanted = {
        lang: (language_dir(site, lang) / pdf_name(lang), cache / f"{print_key(site, lang, styles)}.pdf")
        for lang in LANGUAGES
    }
    missing = [lang for lang, (_, cached) in wanted.items() if not cached.exists()]
    if missing:
        _print(site, base, {lang: wanted[lang][1] for lang in missing})
    for target, cached in wanted.values():
        shutil.copyfile(cached, target)
    current = {cached for _, cached in wanted.values()}
    for old in cache.glob("*.pdf"):  # the cache holds the current PDFs only
        if old not in current:
            old.unlink()
    return [target for target, _ in wanted.values()]


def _print(site: Path, base: str, targets: dict[str, Path]) -> list[str]:
    """Print each language's page to its target; return the requests aborted (any outside the site)."""
    from playwright.sync_api import sync_playwright

    server, url = serve_in_thread(site, base)
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(color_scheme="light", base_url=url, service_workers="block")
            aborted: list[str] = []

            def only_the_site(route) -> None:
                """The printer loads the local site and nothing else (a page may not make it fetch)."""
                if route.request.url.startswith(url):
                    route.continue_()
                else:
                    aborted.append(route.request.url)
                    route.abort()

            context.route("**/*", only_the_site)
            page = context.new_page()
            for lang, target in targets.items():
                path = ALL_PAGE if lang == DEFAULT_LANGUAGE else f"{lang}/{ALL_PAGE}"
                page.goto(path.removesuffix("index.html"), wait_until="load")
                page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
                page.wait_for_function("[...document.querySelectorAll('.md-content details')].every(d => d.open)")
                partial = target.with_suffix(".part")
                page.pdf(
                    path=partial,
                    format="A4",
                    print_background=True,
                    margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                    outline=True,  # PDF bookmarks from the headings
                    tagged=True,
                )
                fix_pdf(partial)  # Chinese text that copies and searches as it reads
                partial.rename(target)  # a cache entry is complete or absent
            browser.close()
    finally:
        server.shutdown()
    if aborted:
        print(f"PDF printer: {len(aborted)} request(s) outside the site aborted, e.g. {aborted[0][:80]}")
    return aborted
