"""The allowlist every piece of authored HTML passes before it reaches a page.

Authored Markdown (answers, notes, statements, docs pages) is rendered to HTML and
then cleaned by Ammonia (through nh3): elements and attributes outside the lists
below are dropped, the content of <script> and <style> with them, and every URL
must be http(s) or relative — never protocol-relative, whatever entities or
control characters it was written with.  The validator (qa.check.markup) reports
the same things to authors first; this is the second, independent wall.

Two profiles: fragments (what the generator renders from question and problem
sources) and docs pages (the hand-written pages MkDocs renders, which also have
heading ids, permalinks, buttons and the PDF's download link).
"""

from __future__ import annotations

import re
from functools import cache

import nh3

# What Python-Markdown and pymdownx produce for the Markdown sources may use.
TAGS = frozenset(
    {"p", "br", "hr", "strong", "em", "code", "pre", "span", "div", "a", "ul", "ol", "li", "blockquote"}
    | {"h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sub", "sup", "kbd", "del"}
)
ATTRIBUTES = {
    "a": {"href", "title"},
    "code": {"class"},
    "div": {"class"},
    "span": {"class"},
    "pre": {"class"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
# Class names the renderer gives code: Pygments' short token classes, the highlight
# wrapper and the language of a fence.
CLASS = re.compile(r"^(?:[a-z]{1,3}\d?|highlight|language-[a-z0-9+#-]{1,20})$")
ALIGN = frozenset({"left", "center", "right"})
PROTOCOL_RELATIVE = re.compile(r"^[\s\x00-\x1f]*[/\\]{2}")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        kept = [c for c in value.split() if CLASS.match(c)]
        return " ".join(kept) or None
    if name == "href" and PROTOCOL_RELATIVE.match(value):
        return None  # `//host/…` leaves the site while looking relative
    if name == "align" and value not in ALIGN:
        return None
    if name == "start" and not value.isdigit():
        return None
    return value


DOCS_TAGS = TAGS | {"h1", "h2"}
DOCS_ATTRIBUTES = {
    **ATTRIBUTES,
    "a": {"href", "title", "class", "download"},
    **{f"h{n}": {"id"} for n in range(1, 7)},
}
DOCS_CLASS = re.compile(r"^(?:headerlink|md-button|md-button--primary)$")


def _docs_attribute(tag: str, name: str, value: str) -> str | None:
    if tag == "a" and name == "class":
        kept = [c for c in value.split() if DOCS_CLASS.match(c)]
        return " ".join(kept) or None
    if name == "id":
        return value if re.fullmatch(r"[\w\-\u3400-\u9fff]{1,80}", value) else None
    if name == "download":
        return ""
    return _attribute(tag, name, value)


@cache
def _cleaner(docs: bool) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(DOCS_TAGS if docs else TAGS),
        attributes={tag: set(names) for tag, names in (DOCS_ATTRIBUTES if docs else ATTRIBUTES).items()},
        attribute_filter=_docs_attribute if docs else _attribute,
        url_schemes={"http", "https"},
        link_rel=None,  # the page's security pass marks external links (qa.plugin.csp)
        strip_comments=True,
    )


def sanitize(html: str) -> str:
    """Authored HTML (a fragment) with everything outside the allowlist removed."""
    return _cleaner(False).clean(html)


def sanitize_docs_page(html: str) -> str:
    """A hand-written page's content, as MkDocs rendered it, through the docs allowlist."""
    return _cleaner(True).clean(html)
