"""The allowlist every piece of authored HTML passes before it reaches a page.

Authored Markdown (answers, notes, statements, docs pages) is rendered to HTML and
then cleaned by Ammonia (through nh3): elements and attributes outside the lists
below are dropped, the content of <script> and <style> with them, and every URL
must be http(s) or relative — never protocol-relative, whatever entities or
control characters it was written with.  The validator (qa.check.markup) reports
the same things to authors first; this is the second, independent wall.
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


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute,
        url_schemes={"http", "https"},
        link_rel=None,  # the page's security pass marks external links (qa.plugin.csp)
        strip_comments=True,
    )


def sanitize(html: str) -> str:
    """Authored HTML with everything outside the allowlist removed."""
    return _cleaner().clean(html)
