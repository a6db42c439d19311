"""Rewrite the link targets of question Markdown, outside code.

A question's answer and note link other questions as `slug.md#anchor` (relative to
the questions folder).  Wherever that Markdown is shown elsewhere — the
all-questions page, the exports — the targets must be rewritten for the new place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from qa.check.rules import FENCE, LINK

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
