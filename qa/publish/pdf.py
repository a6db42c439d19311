"""Print each language's all-questions page to a PDF with headless Chromium.

The PDF is what a reader gets from the browser's own "Print": the page is served
the way GitHub Pages serves it, `beforeprint` runs (Material opens every answer,
qa.js writes each link's address) and the print stylesheet applies.

The page is printed in parts — its preamble, then PART questions at a time (each
question is a <section> of class qa.contract.PRINT_PART).  Chromium loads, for each part,
the page with the other parts' sections taken out (the request for the page is answered
with that HTML; everything else comes from the site), so a part costs what its own
questions cost, not what the whole page does; the parts are joined into the book (pikepdf,
qpdf's bindings: a copy of the pages, not a re-parse of them, with every part's bookmarks
pointing where they pointed, and the first part's title and language).  Each
part is cached by a hash of its own HTML and of the site's CSS and JavaScript, so an
edit to one question reprints one part, not the book.  Page numbers are the PDF
reader's: a part cannot know where the pages before it end.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pikepdf

from qa.contract import PRINT_PART
from qa.model import DEFAULT_LANGUAGE, LANGUAGES
from qa.publish.chromium import launch
from qa.publish.pdf_unicode import fix_pdf
from qa.publish.server import serve_in_thread
from qa.urls import language_dir, pdf_name

ALL_PAGE = "all/index.html"
STYLE_SUFFIXES = (".css", ".js")
PART = 20  # questions per printed part
JOINER = "join-2"  # bump when joining the parts changes
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
        for first, end, part_html in parts(page):
            key = hashlib.sha256(styles + f"{lang}\0{first}\0{end}\0".encode() + part_html.encode()).hexdigest()
            files.append(cache / f"part-{key[:32]}.pdf")
            if not files[-1].exists():
                jobs.setdefault(lang, []).append((first, end, files[-1]))
        book_key = hashlib.sha256((JOINER + "".join(f.name for f in files)).encode()).hexdigest()[:32]
        books[lang] = (cache / f"book-{lang}-{book_key}.pdf", files)
    if jobs:
        _print_parts(site, base, jobs)
    for lang, (book, files) in books.items():
        if not book.exists():
            join(files, book)
        shutil.copyfile(book, language_dir(site, lang) / pdf_name(lang))
    current = {book for book, _ in books.values()} | {f for _, files in books.values() for f in files}
    for old in cache.glob("*.pdf"):  # the cache holds the current books and their parts only
        if old not in current:
            old.unlink()
    return [language_dir(site, lang) / pdf_name(lang) for lang in LANGUAGES]


def join(files: list[Path], book: Path) -> None:
    """The parts, in order, as one PDF: their pages, their bookmarks (each to the same
    place on the same page as in its part), and the first part's title and language."""
    with pikepdf.Pdf.new() as out:
        bookmarks: list[pikepdf.OutlineItem] = []
        names = pikepdf.Dictionary()
        parts = [pikepdf.open(path) for path in files]
        try:
            for part in parts:
                offset = len(out.pages)
                out.pages.extend(part.pages)
                moved = {page.obj.objgen: out.pages[offset + i].obj for i, page in enumerate(part.pages)}
                with part.open_outline() as outline:
                    bookmarks.extend(_moved_items(outline.root, moved))
                for name, destination in part.Root.get("/Dests", pikepdf.Dictionary()).items():
                    if name not in names:  # file.pdf#id opens where the page's #id is
                        names[name] = _moved(destination, moved)
            if names:
                out.Root.Dests = out.make_indirect(names)
            if parts:
                _keep_document_facts(parts[0], out)
            with out.open_outline() as outline:
                outline.root.extend(bookmarks)
            partial = book.with_suffix(".part")
            out.save(partial, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        finally:
            for part in parts:
                part.close()
    partial.rename(book)  # a cache entry is complete or absent


def _moved_items(items, moved: dict) -> list[pikepdf.OutlineItem]:
    """Copies of a part's bookmarks whose destinations name the pages' copies in the book."""
    copies = []
    for item in items:
        copy = pikepdf.OutlineItem(item.title, _moved(item.destination, moved))
        copy.is_closed = item.is_closed
        copy.children.extend(_moved_items(item.children, moved))
        copies.append(copy)
    return copies


def _moved(destination, moved: dict):
    """A destination [page, how, …] naming the page's copy in the book (others as they are)."""
    if isinstance(destination, pikepdf.Array) and len(destination) and destination[0].objgen in moved:
        return pikepdf.Array([moved[destination[0].objgen], *list(destination)[1:]])
    return destination


def _keep_document_facts(first: pikepdf.Pdf, out: pikepdf.Pdf) -> None:
    """The book is titled, and in the language, of the page it prints (as each part is)."""
    if "/Title" in first.docinfo:
        out.docinfo["/Title"] = first.docinfo["/Title"]
    out.docinfo["/Creator"] = first.docinfo.get("/Creator", pikepdf.String(""))
    for key in ("/Lang", "/ViewerPreferences"):
        if key in first.Root:
            value = first.Root[key]
            if isinstance(value, pikepdf.Dictionary):  # copied across files only as an object of its own
                value = out.copy_foreign(value if value.is_indirect else first.make_indirect(value))
            out.Root[key] = value


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
