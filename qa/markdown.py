"""Markdown scanning, in one place: code fences, inline code, links, `///` blocks, attribute lists.

The rules (qa.check) read authored Markdown with these patterns, and the exports
(qa.generate.exports) rewrite it with them, so both agree on what is code and what
is a link.  A question's answer and note link other questions as `slug.md#anchor`
(relative to the questions folder); wherever that Markdown is shown elsewhere the
targets are rewritten for the new place (rewrite_links).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass

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


# -- scanning authored Markdown for what it would publish ----------------------------

AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# a raw HTML tag: `<name` or `</name`, then attributes (which may run over lines), then `>`
TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTRIBUTE = re.compile(r"(?P<name>[^\s\"'<>/=]+)(?:\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
INLINE_LINK = re.compile(r"(?P<image>!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?P<target><[^<>\n]*>|[^\s)]*)")
REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*(?P<target><[^<>\n]*>|\S+)", re.M)
SNIPPET = re.compile(r"-{1,}8<-{1,}")
THEMATIC_OR_FRONT_MATTER = re.compile(r"^---\s*$")


@dataclass(frozen=True)
class Found:
    """Something authored Markdown would publish, where it is."""

    line: int
    kind: str  # tag, comment, link, image, reference, autolink, attribute-list, snippet, block, front-matter
    value: str  # the tag name, the link target, the attribute list, …
    attributes: tuple[tuple[str, str], ...] = ()  # a tag's attributes: (name, value)


def code_mask(text: str) -> str:
    """text with every fenced code block and inline code span blanked (offsets and line breaks kept)."""
    out: list[str] = []
    prose: list[str] = []  # the lines of the current run of non-code text

    def flush() -> None:
        if prose:
            chunk = "".join(prose)
            out.append(INLINE_CODE_SPAN.sub(lambda m: _blank(m[0]), chunk))
            prose.clear()

    lines = text.splitlines(keepends=True)
    fence = ""
    for line in lines:
        stripped = line.strip()
        if not fence and FENCE.match(line):
            flush()
            fence = stripped[: len(stripped) - len(stripped.lstrip(stripped[0]))]
            out.append(_blank(line))
        elif fence:
            if stripped.startswith(fence) and not stripped.lstrip(fence[0]):
                fence = ""
            out.append(_blank(line))
        elif not stripped:  # a blank line ends a paragraph, and any code span in it
            flush()
            out.append(line)
        else:
            prose.append(line)
    flush()
    return "".join(out)


# a code span: a run of backticks, then anything but a blank line, then the same run
INLINE_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n\s*\n).)+?(?<!`)\1(?!`)", re.S)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def unclosed_fence(text: str, first_line: int = 1) -> int | None:
    """The line of a code fence that is never closed, if any."""
    fence, opened = "", 0
    for number, line in enumerate(text.splitlines(), first_line):
        stripped = line.strip()
        if not fence and FENCE.match(line):
            fence, opened = stripped[: len(stripped) - len(stripped.lstrip(stripped[0]))], number
        elif fence and stripped.startswith(fence) and not stripped.lstrip(fence[0]):
            fence = ""
    return opened if fence else None


def scan(text: str, first_line: int = 1) -> list[Found]:
    """Every raw HTML tag and comment, link, image, attribute list, snippet include, `///`
    block and `---` line outside code, with its line, in source order."""
    masked = code_mask(text)
    starts = [0] + [m.end() for m in re.finditer(r"\n", masked)]

    def line_at(offset: int) -> int:
        return first_line + bisect_right(starts, offset) - 1

    found: list[tuple[int, Found]] = []
    taken: list[tuple[int, int]] = []  # spans already read as comments or autolinks
    for m in COMMENT.finditer(masked):
        found.append((m.start(), Found(line_at(m.start()), "comment", m[0][:80])))
        taken.append(m.span())
    for m in AUTOLINK.finditer(masked):
        if not _inside(m.start(), taken):
            found.append((m.start(), Found(line_at(m.start()), "autolink", m[1])))
            taken.append(m.span())
    for m in TAG.finditer(masked):
        if _inside(m.start(), taken):
            continue
        # an attribute is reported on its own line (an event handler may sit on the tag's next line)
        same_line: list[tuple[str, str]] = []
        for a in ATTRIBUTE.finditer(m["attrs"]):
            at, name = m.start("attrs") + a.start(), a["name"].lower()
            if line_at(at) == line_at(m.start()):
                same_line.append((name, _unquote(a["value"] or "")))
            else:
                found.append((at, Found(line_at(at), "attribute", name, ((name, ""),))))
        found.append((m.start(), Found(line_at(m.start()), "tag", m["close"] + m["name"].lower(), tuple(same_line))))
    for m in INLINE_LINK.finditer(masked):
        kind = "image" if m["image"] else "link"
        found.append((m.start(), Found(line_at(m.start()), kind, m["target"].strip("<>"))))
    for m in REFERENCE.finditer(masked):
        found.append((m.start(), Found(line_at(m.start()), "reference", m["target"].strip("<>"))))
    for m in ATTR_LIST.finditer(masked):
        found.append((m.start(), Found(line_at(m.start()), "attribute-list", m[0].strip())))
    for m in SNIPPET.finditer(masked):
        found.append((m.start(), Found(line_at(m.start()), "snippet", m[0])))
    for number, line in enumerate(masked.splitlines(), first_line):
        if BLOCK_OPEN.match(line) or BLOCK_CLOSE.match(line):
            found.append((starts[number - first_line], Found(number, "block", line.strip())))
        elif THEMATIC_OR_FRONT_MATTER.match(line):
            found.append((starts[number - first_line], Found(number, "front-matter", "---")))
    return [f for _, f in sorted(found, key=lambda item: item[0])]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _unquote(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value


def neutralize_html(text: str, allowed: tuple[str, ...] = ()) -> str:
    """Markdown with every raw HTML tag and comment outside code written as text (`&lt;`),
    except the tags in `allowed`: what the Markdown exports do with HTML a source may not
    hold (the validator reports it; this is the exports' second wall)."""
    masked = code_mask(text)
    out, last = [], 0
    for m in re.finditer(r"<(?=[A-Za-z/!?])", masked):
        tag = TAG.match(masked, m.start())
        if tag and not tag["close"] and tag["name"].lower() in allowed and not tag["attrs"].strip():
            continue
        if tag and tag["close"] and tag["name"].lower() in allowed:
            continue
        out += [text[last : m.start()], "&lt;"]
        last = m.start() + 1
    return "".join(out) + text[last:]


def fence_for(code: str) -> str:
    """A code fence longer than any backtick run in `code`, so the code cannot close it early."""
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    return "`" * max(3, longest + 1)
