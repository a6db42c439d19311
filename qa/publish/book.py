"""One language's PDF book, joined from its printed parts (qa.publish.pdf prints them).

A book is its parts' pages in order, every part's bookmarks (each to the same place on
the same page as in its part), their named destinations (file.pdf#id) and the first
part's title and language.  pikepdf (qpdf) copies the pages' objects; it does not
re-parse or re-draw them.

Each book in the cache has an index beside it (book-….json): which part filled which
pages and bookmarks.  When a book for nearly the same parts exists — an edit changed a
question or two — the new book is that one with the changed parts' pages, bookmarks
and destinations replaced: copying a Chinese book's 150,000 objects (Chromium draws
each CJK glyph as a Type 3 font) costs seconds, one part's a fraction of one.  The
named destinations and the document's title and language are made afresh from the parts
either way, so the result is the same book; tests/unit/test_book.py compares the two.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pikepdf

FORMAT = "book-3"  # bump when joining or updating changes what a book holds: older books are not updated
Index = list[dict[str, object]]  # per part, in order: {"part": file name, "pages": n, "bookmarks": n}
Opened = dict[Path, pikepdf.Pdf]  # the parts a book has opened, by path


def index_of(book: Path) -> Path:
    return book.with_suffix(".json")


def make(files: list[Path], book: Path, previous: list[Path]) -> None:
    """Write book from the parts (files, in order): by updating one of the previous books
    whose parts differ in at most half of them, else by joining every part."""
    for candidate in previous:
        if candidate != book and update(candidate, files, book):
            return
    join(files, book)


def join(files: list[Path], book: Path) -> None:
    """The parts, in order, as one PDF."""
    with pikepdf.Pdf.new() as out, ExitStack() as stack:
        opened: Opened = {}
        bookmarks: list[pikepdf.OutlineItem] = []
        index: Index = []
        for path in files:
            part = _open(path, stack, opened)
            items = _append(out, part, len(out.pages))
            bookmarks.extend(items)
            index.append({"part": path.name, "pages": len(part.pages), "bookmarks": len(items)})
        with out.open_outline() as outline:
            outline.root.extend(bookmarks)
        _finish(out, files, index, book, stack, opened)


def update(previous: Path, files: list[Path], book: Path) -> bool:
    """Write book as the previous book with the parts that differ replaced; False (and
    nothing written) when it has no index of this format, another number of parts, or
    too many differ."""
    try:
        recorded = json.loads(index_of(previous).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not previous.is_file() or not isinstance(recorded, dict) or recorded.get("format") != FORMAT:
        return False
    index: Index = recorded["parts"]
    if len(index) != len(files):
        return False
    changed = [i for i, path in enumerate(files) if index[i]["part"] != path.name]
    if not changed or len(changed) * 2 > len(files):
        return False
    with pikepdf.open(previous) as out, ExitStack() as stack:
        opened: Opened = {}
        with out.open_outline() as outline:
            bookmarks = list(outline.root)
            for i in reversed(changed):  # from the end: the pages and bookmarks before stay where they are
                first_page = sum(int(entry["pages"]) for entry in index[:i])
                first_mark = sum(int(entry["bookmarks"]) for entry in index[:i])
                pages, marks = int(index[i]["pages"]), int(index[i]["bookmarks"])
                del out.pages[first_page : first_page + pages]
                part = _open(files[i], stack, opened)
                items = _append(out, part, first_page)
                bookmarks[first_mark : first_mark + marks] = items
                index[i] = {"part": files[i].name, "pages": len(part.pages), "bookmarks": len(items)}
            outline.root[:] = bookmarks
        _finish(out, files, index, book, stack, opened)
    return True


def _open(path: Path, stack: ExitStack, opened: Opened) -> pikepdf.Pdf:
    """The part, opened once per book (and closed when the book is written)."""
    if path not in opened:
        opened[path] = stack.enter_context(pikepdf.open(path))
    return opened[path]


def _pages_in_book(out: pikepdf.Pdf, part: pikepdf.Pdf, at: int) -> dict:
    """Each page of the part (by its object id there) → its copy in the book, from page `at`."""
    return {page.obj.objgen: out.pages[at + i].obj for i, page in enumerate(part.pages)}


def _append(out: pikepdf.Pdf, part: pikepdf.Pdf, at: int) -> list[pikepdf.OutlineItem]:
    """Put the part's pages into out from page `at`; return its bookmarks, pointing into out."""
    for offset, page in enumerate(part.pages):
        out.pages.insert(at + offset, page)
    with part.open_outline() as outline:
        return _moved_items(outline.root, _pages_in_book(out, part, at))


def _destinations(out: pikepdf.Pdf, files: list[Path], index: Index, stack: ExitStack, opened: Opened) -> None:
    """The book's named destinations (file.pdf#id opens where the page's #id is), made
    afresh from every part: a name two parts use goes where the first one puts it."""
    names = pikepdf.Dictionary()
    first_page = 0
    for path, entry in zip(files, index, strict=True):
        part = _open(path, stack, opened)
        moved = _pages_in_book(out, part, first_page)
        for name, destination in part.Root.get("/Dests", pikepdf.Dictionary()).items():
            if name not in names and _page_of(destination) in moved:
                names[name] = _moved(destination, moved)
        first_page += int(entry["pages"])
    if len(names):
        out.Root.Dests = out.make_indirect(names)
    elif "/Dests" in out.Root:
        del out.Root.Dests


def _finish(out: pikepdf.Pdf, files: list[Path], index: Index, book: Path, stack: ExitStack, opened: Opened) -> None:
    """The book's destinations and document facts, from its parts; then the book saved."""
    _destinations(out, files, index, stack, opened)
    if files:
        _keep_document_facts(_open(files[0], stack, opened), out)
    _save(out, index, book)


def _page_of(destination) -> tuple[int, int] | None:
    if isinstance(destination, pikepdf.Array) and len(destination) and destination[0].is_indirect:
        return destination[0].objgen
    return None


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
    if _page_of(destination) in moved:
        return pikepdf.Array([moved[destination[0].objgen], *list(destination)[1:]])
    return destination


def _keep_document_facts(first: pikepdf.Pdf, out: pikepdf.Pdf) -> None:
    """The book is titled, and in the language, of the page it prints (as each part is);
    an updated book takes them from its first part again (which may have changed)."""
    for key in ("/Title", "/Creator"):
        if key in first.docinfo:
            out.docinfo[key] = first.docinfo[key]
        elif key in out.docinfo:
            del out.docinfo[key]
    for key in ("/Lang", "/ViewerPreferences"):
        if key not in first.Root:
            if key in out.Root:
                del out.Root[key]
        else:
            value = first.Root[key]
            if isinstance(value, pikepdf.Dictionary):  # copied across files only as an object of its own
                value = out.copy_foreign(value if value.is_indirect else first.make_indirect(value))
            out.Root[key] = value


def _save(out: pikepdf.Pdf, index: Index, book: Path) -> None:
    """The book and its index; the book last, so that a cache entry is complete or absent."""
    partial = book.with_suffix(".part")
    out.save(partial, object_stream_mode=pikepdf.ObjectStreamMode.generate, deterministic_id=True)
    index_of(book).write_text(json.dumps({"format": FORMAT, "parts": index}), encoding="utf-8")
    partial.rename(book)
