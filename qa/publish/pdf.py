"""Print each language's all-questions page to a PDF with headless Chromium.

The PDF is what a reader gets from the browser's own "Print": the page is served
the way GitHub Pages serves it, `beforeprint` runs (Material opens every answer,
qa.js writes each link's address) and the print stylesheet applies.

The page is printed in parts — its preamble, then PART questions at a time (each
question is a <section> of class qa.contract.PRINT_PART).  Chromium loads, for each part,
the page with the other parts' sections taken out (the request for the page is answered
with that HTML; everything else comes from the site), so a part costs what its own
questions cost, not what the whole page does; the parts are joined into the book
(qa.publish.book).  Each part is cached by a hash of its own HTML and of the site's CSS
and JavaScript, so an edit to one question reprints one part and replaces its pages in
the previous book.  When both languages have work, each is printed and joined in a
process of its own (Chromium and qpdf use a core each).  Page numbers are the PDF
reader's: a part cannot know where the pages before it end.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from qa.contract import PRINT_PART
from qa.model import DEFAULT_LANGUAGE, LANGUAGES
from qa.publish.book import FORMAT, index_of, make
from qa.publish.chromium import launch
from qa.publish.pdf_unicode import fix_pdf
from qa.publish.server import serve_in_thread
from qa.urls import language_dir, pdf_name

ALL_PAGE = "all/index.html"
STYLE_SUFFIXES = (".css", ".js")
PART = 20  # questions per printed part
PRINTER = "pdf-5"  # bump when the printing itself changes (options, parts, the text-layer fix)
HTML = "text/html; charset=utf-8"
PART_START = re.compile(rf'<section class="?{PRINT_PART}"?[^>]*>')


def styles_digest(site: Path) -> bytes:
    """Hash of the site's CSS and JavaScript, which every printed page depends on: their
    contents and their places in the site — never where the site folder happens to be."""
    digest = hashlib.sha256(PRINTER.encode())
    for path in sorted(site.glob("assets/**/*")):
        if path.suffix in STYLE_SUFFIXES:
            digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


HEAD_FACTS = (
    re.compile(r"<html[^>]*\blang=\"?([^\s\">]+)"),  # the book's language
    re.compile(r"<title>(.*?)</title>", re.S),  # its title
    re.compile(r"<link[^>]*rel=\"?canonical\"?[^>]*>"),  # qa.js prints every link's address from it
)


def head_facts(html: str) -> str:
    """What of the page's head a printed part shows besides its sections and the site's
    CSS and JavaScript (not the whole head: its navigation changes with every new page)."""
    return "\0".join(m[0] if (m := facts.search(html)) else "" for facts in HEAD_FACTS)


def section_spans(html: str) -> tuple[list[tuple[int, int]], int]:
    """Where each printed section of the page starts and ends (offsets in html), and where
    the article ends: a section runs to where the next begins, the last to the article's end."""
    start = html.index("<article") if "<article" in html else 0
    end = html.index("</article>") if "</article>" in html else len(html)
    starts = [m.start() for m in PART_START.finditer(html, start, end)]
    return list(zip(starts, [*starts[1:], end], strict=True)), end


def part_page(html: str, first: int, end: int) -> str:
    """The page with only the sections [first, end) — none for the preamble (end = 0)."""
    spans, article_end = section_spans(html)
    if not spans:
        return html
    head = html[: spans[0][0]]
    kept = html[spans[first][0] : spans[end - 1][1]] if end > first else ""
    return head + kept + html[article_end:]


def parts(html: str) -> list[tuple[int, int, str]]:
    """The page's printed parts: (first section, end section, the HTML they print).  The
    first part is the preamble (everything outside the sections: title and introduction)."""
    spans, article_end = section_spans(html)
    article_start = html.index("<article") if "<article" in html else 0
    sections = [html[a:b] for a, b in spans]
    preamble = html[article_start : spans[0][0] if spans else article_end]
    out = [(0, 0, preamble)]
    for start in range(0, len(sections), PART):
        out.append((start, min(start + PART, len(sections)), "".join(sections[start : start + PART])))
    return out


def print_pdfs(site: Path, base: str, cache: Path) -> list[Path]:
    """Write <language root>/llm-inference-qa.<lang>.pdf for every language; return them."""
    cache.mkdir(parents=True, exist_ok=True)
    styles = styles_digest(site)
    books: dict[str, tuple[Path, list[Path]]] = {}
    jobs: dict[str, list[tuple[int, int, Path]]] = {}
    for lang in LANGUAGES:
        page = (language_dir(site, lang) / ALL_PAGE).read_text(encoding="utf-8")
        files = []
        printed = styles + head_facts(page).encode()
        for first, end, part_html in parts(page):
            key = hashlib.sha256(printed + f"{lang}\0{first}\0{end}\0".encode() + part_html.encode()).hexdigest()
            files.append(cache / f"part-{key[:32]}.pdf")
            if not files[-1].exists():
                jobs.setdefault(lang, []).append((first, end, files[-1]))
        book_key = hashlib.sha256((FORMAT + "".join(f.name for f in files)).encode()).hexdigest()[:32]
        books[lang] = (cache / f"book-{lang}-{book_key}.pdf", files)
    work = [
        (site, base, lang, jobs.get(lang, []), *books[lang])
        for lang in LANGUAGES
        if lang in jobs or not books[lang][0].exists()
    ]
    if len(work) > 1 and (os.cpu_count() or 1) > 1:  # one process per language: printing and joining use a core each
        with ProcessPoolExecutor(max_workers=len(work), mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(make_book, *zip(*work, strict=True)))
    else:
        for args in work:
            make_book(*args)
    for lang, (book, _) in books.items():
        shutil.copyfile(book, language_dir(site, lang) / pdf_name(lang))
    current = {book for book, _ in books.values()} | {f for _, files in books.values() for f in files}
    current |= {index_of(book) for book, _ in books.values()}
    # the cache holds the current books, their indexes and their parts only (and no half-written file)
    for old in [*cache.glob("*.pdf"), *cache.glob("*.json"), *cache.glob("*.part")]:
        if old not in current:
            old.unlink()
    return [language_dir(site, lang) / pdf_name(lang) for lang in LANGUAGES]


def make_book(
    site: Path, base: str, lang: str, jobs: list[tuple[int, int, Path]], book: Path, files: list[Path]
) -> None:
    """One language's book: its parts not in the cache printed, then the book made from
    all its parts (qa.publish.book: the previous book updated, or every part joined)."""
    if jobs:
        _print_parts(site, base, {lang: jobs})
    if not book.exists():  # from the previous book of this language when only a part or two changed
        make(files, book, previous=sorted(book.parent.glob(f"book-{lang}-*.pdf")))


# Shows the preamble (for the first part) or the sections [first, end) of the page.
SHOW_PART = f"""([first, end]) => {{
  const sections = [...document.querySelectorAll('section.{PRINT_PART}')];
  const article = document.querySelector('article');
  for (const child of article.children)
    if (!child.matches('section.{PRINT_PART}')) child.style.display = end === 0 ? '' : 'none';
  sections.forEach((s, i) => {{ s.style.display = (i >= first && i < end) ? '' : 'none'; }});
}}"""


def _answer_with(html: str):
    """A route handler answering the request with this HTML (Playwright passes the route
    and the request: a handler with a default argument would get the request in it)."""

    def handler(route) -> None:
        route.fulfill(body=html, content_type=HTML)

    return handler


def _print(site: Path, base: str, targets: dict[str, Path]) -> list[str]:
    """Print each language's page whole (a page without parts); return the requests aborted."""
    return _print_parts(site, base, {lang: [(-1, -1, target)] for lang, target in targets.items()})


def _print_parts(site: Path, base: str, jobs: dict[str, list[tuple[int, int, Path]]]) -> list[str]:
    """Print each job's part of its language's page (first = -1: the whole page); return
    the requests aborted (any outside the site)."""
    from playwright.sync_api import sync_playwright

    server, url = serve_in_thread(site, base)
    aborted: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            context = browser.new_context(color_scheme="light", base_url=url, service_workers="block")

            def only_the_site(route) -> None:
                """The printer loads the local site and nothing else (a page may not make it fetch)."""
                if route.request.url.startswith(url):
                    route.continue_()
                else:
                    aborted.append(route.request.url)
                    route.abort()

            context.route("**/*", only_the_site)
            page = context.new_page()
            for lang, parts_to_print in jobs.items():
                path = ALL_PAGE if lang == DEFAULT_LANGUAGE else f"{lang}/{ALL_PAGE}"
                address = url + path.removesuffix("index.html")
                whole = (language_dir(site, lang) / ALL_PAGE).read_text(encoding="utf-8")
                for first, end, target in parts_to_print:
                    if first >= 0:  # the page as this part prints it: its own sections only
                        html = part_page(whole, first, end)
                        page.route(address, _answer_with(html))
                    page.goto(address, wait_until="load")
                    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
                    page.wait_for_function("[...document.querySelectorAll('.md-content details')].every(d => d.open)")
                    if first >= 0:
                        page.evaluate(SHOW_PART, [0, end - first])
                        page.unroute(address)
                    partial = target.with_suffix(".part")
                    page.pdf(
                        path=partial,
                        format="A4",
                        print_background=True,
                        margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
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
