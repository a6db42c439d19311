"""The answers and notes of the all-questions page, taken from the question pages
MkDocs has just rendered.

`qa generate` writes all.md with each question's heading, meta and prompt, and an
empty `<div data-qa-answer-of="slug"></div>` where its answer and editor's note go.
Rendering every answer's Markdown a second time for this page cost about a sixth
of the build at 1,000 questions (3.6 s of a language's 20 s); with the answers
copied, the page renders in 0.8 s.

On the way, the copied HTML is fitted to its new place: ids get the question's
slug in front (every question has an `answer`), the note's heading drops a level,
and relative links are rewritten from the question page's folder to this page's.
"""

from __future__ import annotations

import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from qa import contract

PLACEHOLDER = re.compile(re.escape(contract.ANSWER_OF).replace(re.escape("{slug}"), '([^"]+)'))
ANSWER_START = contract.ANSWER_OPEN
DETAILS_TAG = re.compile(r"<details[\s>]|</details>")
NOTE_START = contract.NOTE_OPEN
# what the question page (qa.pages.question_page) puts after the note
NOTE_END = re.compile(r'<h2[\s>]|<p class="qa-history">|<nav [^>]*class="qa-pager"')
NOTE_HEADING = re.compile(r"<h2 (id=\"note\">.*?)</h2>", re.S)
ID = re.compile(r'\bid="([^"]+)"')
LINK = re.compile(r'\b(href|src)="([^"]*)"')


def fill(page: Page, files: Files) -> str:
    """The all-questions page's content with every placeholder replaced by its question's
    answer and note (the question pages of its language are rendered by now)."""
    folder = posixpath.dirname(page.file.src_uri)
    questions = posixpath.join(folder, "questions")

    def answer(match: re.Match[str]) -> str:
        source = files.get_file_from_path(f"{questions}/{match[1]}.md")
        if source is None or source.page is None or not source.page.content:
            raise PluginError(
                f"{page.file.src_uri}: no rendered question page for {match[1]!r} — run qa generate again"
            )
        return answer_and_note(source.page, page, match[1])

    return PLACEHOLDER.sub(answer, page.content or "")


def answer_and_note(question: Page, target: Page, slug: str) -> str:
    html = question.content or ""
    start = html.index(ANSWER_START)
    end = matching_close(html, start)
    parts = [html[start:end]]
    note_start = html.find(NOTE_START, end)
    if note_start != -1:
        found = NOTE_END.search(html, note_start + len(NOTE_START))
        note = html[note_start : found.start() if found else len(html)]
        parts.append(NOTE_HEADING.sub(r"<h3 \1</h3>", note, count=1))
    return relocated("".join(parts), slug, question.url, target.url)


def matching_close(html: str, start: int) -> int:
    """End of the <details> element opening at start (answers may nest details)."""
    depth = 0
    for tag in DETAILS_TAG.finditer(html, start):
        depth += -1 if tag[0] == "</details>" else 1
        if depth == 0:
            return tag.end()
    raise ValueError("unclosed <details>")


def relocated(html: str, slug: str, from_url: str, to_url: str) -> str:
    """Ids prefixed with the slug; links as seen from to_url instead of from_url."""
    ids = set(ID.findall(html))

    def link(match: re.Match[str]) -> str:
        attribute, target = match[1], match[2]
        if target.startswith("#"):
            if target[1:] in ids:
                return f'{attribute}="#{slug}-{target[1:]}"'
            target = "./" + target  # another part of the question page
        elif re.match(r"[a-z][a-z0-9+.-]*:|/", target):
            return match[0]  # absolute
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname("/" + from_url), path))
        relative = posixpath.relpath(resolved, posixpath.dirname("/" + to_url))
        if path.endswith("/") or path in ("", "."):
            relative += "/"
        return f'{attribute}="{relative}{hash_}{fragment}"'

    html = ID.sub(lambda m: f'id="{slug}-{m[1]}"', html)
    return LINK.sub(link, html)
