"""Joining the printed parts into a book, and updating a book in place of the parts that
changed (qa/publish/book.py): both must make the same book."""

from __future__ import annotations

import json
from pathlib import Path

import pikepdf
import pytest

from qa.publish.book import index_of, join, make, update


def part(path: Path, name: str, pages: int, names: tuple[str, ...] = (), title: str = "All questions") -> Path:
    """A part as Chromium prints one: pages, a bookmark per page (with one nested under
    the first) to a spot on it, and a named destination per page (and the names given,
    on its last page)."""
    with pikepdf.new() as pdf:
        for number in range(pages):
            page = pdf.add_blank_page(page_size=(200, 200))
            page.obj.Contents = pdf.make_stream(f"% {name} page {number}".encode())
        dests = pikepdf.Dictionary()
        with pdf.open_outline() as outline:
            for number, page in enumerate(pdf.pages):
                spot = pikepdf.Array([page.obj, pikepdf.Name.XYZ, 10, 150 - number, 0])
                item = pikepdf.OutlineItem(f"{name}.{number}", spot)
                if number == 0:
                    item.children.append(pikepdf.OutlineItem(f"{name}.0 note", pikepdf.Array(spot)))
                outline.root.append(item)
                dests[f"/{name}-{number}"] = pikepdf.Array(spot)
            for extra in names:
                dests[f"/{extra}"] = pikepdf.Array([pdf.pages[-1].obj, pikepdf.Name.XYZ, 10, 20, 0])
        pdf.Root.Dests = pdf.make_indirect(dests)
        pdf.Root.Lang = pikepdf.String("zh")
        pdf.docinfo["/Title"] = pikepdf.String(title)
        pdf.save(path / f"part-{name}.pdf")
    return path / f"part-{name}.pdf"


def facts(book: Path) -> dict[str, object]:
    """What a reader gets: the pages in order, every bookmark (title, page, spot, depth),
    every named destination (page, spot), the title and language."""
    with pikepdf.open(book) as pdf:
        where = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}

        def spot(destination) -> tuple:
            return (where[destination[0].objgen], *(float(x) for x in list(destination)[2:]))

        def walk(items, depth: int) -> list:
            out = []
            for item in items:
                out.append((depth, item.title, spot(item.destination)))
                out.extend(walk(item.children, depth + 1))
            return out

        with pdf.open_outline() as outline:
            bookmarks = walk(outline.root, 0)
        return {
            "pages": [page.obj.Contents.read_bytes().decode() for page in pdf.pages],
            "bookmarks": bookmarks,
            "names": {str(name): spot(target) for name, target in pdf.Root.Dests.items()},
            "title": str(pdf.docinfo["/Title"]),
            "lang": str(pdf.Root.Lang),
        }


@pytest.fixture
def parts(tmp_path) -> list[Path]:
    return [part(tmp_path, name, pages) for name, pages in (("pre", 1), ("a", 3), ("b", 2), ("c", 4), ("d", 2))]


def test_a_joined_book_has_every_part_s_pages_bookmarks_and_destinations_in_order(parts, tmp_path):
    book = tmp_path / "book-zh-1.pdf"
    join(parts, book)
    got = facts(book)
    assert got["pages"] == [
        f"% {n} page {i}" for n, k in (("pre", 1), ("a", 3), ("b", 2), ("c", 4), ("d", 2)) for i in range(k)
    ]
    assert [title for depth, title, _ in got["bookmarks"] if depth == 0] == [
        f"{n}.{i}" for n, k in (("pre", 1), ("a", 3), ("b", 2), ("c", 4), ("d", 2)) for i in range(k)
    ]
    assert ("b.1", (5, 10.0, 149.0, 0.0)) in [(t, s) for _, t, s in got["bookmarks"]]  # same spot, on the book's page
    assert got["names"]["/c-3"] == (9, 10.0, 147.0, 0.0)
    assert (got["title"], got["lang"]) == ("All questions", "zh")
    assert [entry["pages"] for entry in json.loads(index_of(book).read_text())["parts"]] == [1, 3, 2, 4, 2]


def test_updating_the_previous_book_makes_the_book_a_join_makes(parts, tmp_path):
    previous = tmp_path / "book-zh-1.pdf"
    join(parts, previous)
    edited = [parts[0], part(tmp_path, "a2", 5), parts[2], parts[3], part(tmp_path, "d2", 1)]
    assert update(previous, edited, tmp_path / "book-zh-2.pdf")
    join(edited, tmp_path / "book-zh-3.pdf")
    assert facts(tmp_path / "book-zh-2.pdf") == facts(tmp_path / "book-zh-3.pdf")
    assert "/a-2" not in facts(tmp_path / "book-zh-2.pdf")["names"]  # the replaced part's destinations are gone
    assert index_of(tmp_path / "book-zh-2.pdf").read_text() == index_of(tmp_path / "book-zh-3.pdf").read_text()


def test_a_book_is_joined_anew_when_it_cannot_be_updated(parts, tmp_path):
    previous = tmp_path / "book-zh-1.pdf"
    join(parts, previous)
    target = tmp_path / "book-zh-2.pdf"
    assert not update(previous, parts[:4], target)  # another number of parts
    many = [parts[0], *(part(tmp_path, f"x{i}", 1) for i in range(4))]
    assert not update(previous, many, target)  # most parts changed: a join costs no more
    index_of(previous).unlink()
    assert not update(previous, [parts[0], part(tmp_path, "y", 2), *parts[2:]], target)  # no index
    assert not target.exists()
    make(many, target, previous=[previous])
    assert facts(target)["pages"][1:] == [f"% x{i} page 0" for i in range(4)]


def test_an_update_puts_a_destination_that_moved_to_another_part_where_a_join_does(tmp_path):
    """A question added early pushes a section from a part into the next: its id (a
    named destination) moves from one part to the following one."""
    pre, a, b, c = (
        part(tmp_path, "pre", 1),
        part(tmp_path, "a", 2, ("moving",)),
        part(tmp_path, "b", 2),
        part(tmp_path, "c", 2),
    )
    previous = tmp_path / "book-zh-1.pdf"
    join([pre, a, b, c], previous)
    after = [pre, part(tmp_path, "a2", 2), part(tmp_path, "b2", 2, ("moving",)), c]
    assert update(previous, after, tmp_path / "book-zh-2.pdf")
    join(after, tmp_path / "book-zh-3.pdf")
    updated, joined = facts(tmp_path / "book-zh-2.pdf"), facts(tmp_path / "book-zh-3.pdf")
    assert updated == joined
    assert updated["names"]["/moving"] == (4, 10.0, 20.0, 0.0)  # on b2's last page, not lost with a's


def test_an_update_takes_the_title_and_language_from_a_changed_first_part(parts, tmp_path):
    previous = tmp_path / "book-zh-1.pdf"
    join(parts, previous)
    edited = [part(tmp_path, "pre2", 1, title="All 61 questions"), *parts[1:]]
    assert update(previous, edited, tmp_path / "book-zh-2.pdf")
    assert facts(tmp_path / "book-zh-2.pdf")["title"] == "All 61 questions"


def test_a_book_of_an_older_format_is_not_updated(parts, tmp_path):
    previous = tmp_path / "book-zh-1.pdf"
    join(parts, previous)
    recorded = json.loads(index_of(previous).read_text())
    index_of(previous).write_text(json.dumps({**recorded, "format": "book-0"}))
    assert not update(previous, [parts[0], part(tmp_path, "z", 2), *parts[2:]], tmp_path / "book-zh-2.pdf")
