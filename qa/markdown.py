"""Markdown scanning, in one place: code fences, inline code, links, `///` blocks, attribute lists.

The rules (qa.check) read authored Markdown with these patterns, and the exports
(qa.generate.exports) rewrite it with them, so both agree on what is code and what
is a link.  A question's answer and note link other questions as `slug.md#anchor`
(relative to the questions folder); wherever that Markdown is shown elsewhere the
targets are rewritten for the new place (rewrite_links).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

LINK = re.compile(r"(?<!!)\[[^\]]*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^\s*(```|~~~)")
# `/// type | Title` opens a block (pymdownx.blocks), `///` alone closes it
BLOCK_OPEN = re.compile(r"^\s*///\s*[\w-]+(?:\s*\|\s*(?P<title>.*\S))?\s*$")
BLOCK_CLOSE = re.compile(r"^\s*///\s*$")
BLOCK_OPTION = re.compile(r"^ {4}[\w-]+:")  # `    type: note` right after a block's first line
# an attribute list: `{ #id }`, `{: .class }`, `{ key="value" }`, …
_ATTR = r"(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
ATTR_LIST = re.compile(rf"[ \t]*\{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}")
HEADING = re.compile(r"^#{1,5} ")
INLINE_CODE = re.compile(r"(`+)[^`]*?\1")
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)  # http:, https:, mailto:


def markdown_lines(markdown: str) -> Iterator[tuple[str, bool]]:
    """Every line with whether it belongs to a fenced code block (fences included)."""
    fence = ""  # the opening fence (``` or ~~~, maybe longer) while inside a code block
    for line in markdown.splitlines():
        text = line.strip()
        if not fence and FENCE.match(line):
            fence = text[: len(text) - len(text.lstrip(text[0]))]
            yield line, True
        elif fence:
            if text.startswith(fence) and not text.lstrip(fence[0]):
                fence = ""
            yield line, True
        else:
            yield line, False


def in_code_span(match: re.Match[str]) -> bool:
    """Whether a match on one line starts inside an inline code span of that line."""
    return any(code.start() <= match.start() < code.end() for code in INLINE_CODE.finditer(match.string))


def is_relative(target: str) -> bool:
    return not SCHEME.match(target) and not target.startswith("/")


def rewrite_links(markdown: str, rewrite: Callable[[str], str]) -> str:
    """Every link target outside code replaced by rewrite(target)."""

    def replace(match: re.Match[str]) -> str:
        if in_code_span(match):
            return match[0]
        start, end = match.span("target")
        return match.string[match.start() : start] + rewrite(match["target"]) + match.string[end : match.end()]

    return "\n".join(line if code else LINK.sub(replace, line) for line, code in markdown_lines(markdown))
