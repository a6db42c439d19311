"""Authored Markdown → sanitized HTML fragments, each rendered once and kept by its inputs.

Every authored piece of a generated page (an answer, a note, an example, a problem's
statement) is rendered here, not by MkDocs: links to other pages are resolved for the
page it will sit on, the HTML passes the allowlist (qa.generate.sanitize), and the
result is staged as `build/fragments/<key>.html`, named by a hash of everything it
was made from.  The staged page holds a placeholder (qa.contract.fragment); the
plugin puts the fragment there.  So a fragment is rendered only when its source
changes, and the all-questions page shares its question pages' work.

Titles and prompts are plain text (qa.check.markup): they are escaped, with a
`code span` as the one markup kept (inline_html).
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from qa import urls
from qa.markdown import fence_for
from qa.sanitize import sanitize

# Bump when the rendering changes what it makes from the same source: every fragment
# key changes, so every fragment is rendered again.
RENDER_VERSION = "fragments-1"
EXTENSIONS = ["tables", "pymdownx.superfences", "pymdownx.highlight"]
EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}
CODE_SPAN = re.compile(r"`([^`]+)`")


def inline_html(text: str) -> str:
    """Plain text as HTML: escaped, `code spans` as <code> (titles and prompts)."""
    return CODE_SPAN.sub(lambda m: f"<code>{m[1]}</code>", html.escape(text, quote=False))


def plain_text(text: str) -> str:
    """Plain text without the code-span backticks (a page's <title>, a preview card)."""
    return CODE_SPAN.sub(r"\1", text)


@dataclass(frozen=True)
class Place:
    """Where a fragment will sit: the page's folder under its language root (e.g.
    `questions/kv-cache-size`), the folder its source's links are relative to, and
    where a link to one of the source page's own anchors goes."""

    page: str
    source_folder: str = urls.QUESTIONS
    own_anchor: Callable[[str], str] = field(default=lambda anchor: f"#{anchor}", compare=False)
    key: str = ""  # identifies own_anchor in the fragment's key (a lambda has no stable repr)

    def href(self, target: str) -> str:
        """A source's link target as the page links it."""
        link = urls.parse_source_link(target, self.source_folder)
        if link is None:
            return target  # http(s): as written (validated and sanitized)
        if link.kind == "anchor":
            return self.own_anchor(link.anchor)
        path = {
            "question": urls.question_path(link.slug),
            "problem": urls.problem_path(link.slug),
            "calculator": urls.CALCULATOR + "/",
        }[link.kind]
        relative = posixpath.relpath(path, self.page) + "/"
        return relative + (f"?{link.query}" if link.query else "") + (f"#{link.anchor}" if link.anchor else "")


class _Links(Treeprocessor):
    """Every <a href> of a source as its page links it."""

    def __init__(self, md: markdown.Markdown, place: Place):
        super().__init__(md)
        self.place = place

    def run(self, root: Element) -> None:
        for a in root.iter("a"):
            href = a.get("href")
            if href is not None:
                a.set("href", self.place.href(href))


class Renderer:
    """One Python-Markdown, reused for every fragment of a build."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        self.links = _Links(self.md, Place(""))
        self.md.treeprocessors.register(self.links, "qa-links", 1)

    def fragment(self, text: str, place: Place) -> str:
        """Markdown → sanitized HTML, its links fitted to the page."""
        self.links.place = place
        self.md.reset()
        return sanitize(self.md.convert(text))


def key(kind: str, text: str, place: Place | None = None) -> str:
    """The name of a fragment: a hash of everything it is made from."""
    where = "" if place is None else f"{place.page}\0{place.source_folder}\0{place.key}"
    digest = hashlib.sha256(f"{RENDER_VERSION}\0{kind}\0{where}\0{text}".encode()).hexdigest()
    return digest[:32]


def code_block(code: str, language: str, renderer: Renderer) -> str:
    """Source code, highlighted: a fence longer than any backtick run in it, so it cannot close early."""
    fence = fence_for(code)
    return renderer.fragment(f"{fence}{language}\n{code.rstrip(chr(10))}\n{fence}", Place(""))


def output_block(output: str, slug: str) -> str:
    """What an example printed: escaped text, never markup."""
    return (
        f'<div class="highlight qa-output" data-example="{html.escape(slug)}"><pre><code>'
        f"{html.escape(output.rstrip(chr(10)), quote=False)}</code></pre></div>"
    )
