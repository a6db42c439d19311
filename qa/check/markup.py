"""What authored Markdown may publish: an allowlist, reported so that authors learn it.

Sources are written by strangers in pull requests.  Everything a source publishes is
HTML made from its Markdown, and the generator sanitizes that HTML with an allowlist
(qa.generate.sanitize) whatever these rules say; these rules are the first wall and
the teacher: each thing outside the allowlist is reported as `path:line: what — fix`.

- Raw HTML: only <br>, <kbd>, <sub> and <sup>, without attributes; no comments.
- Links (inline, reference-style and autolinks): http(s) with a host,
  `#anchor` of the page, another question as `slug.md[#anchor]`, a problem as
  `../problems/slug.md`, the calculator as `../tools/calculator.md?…` — checked after
  HTML entities and the characters browsers ignore are taken out.  No images.
- No attribute lists, no `///` blocks, no `--8<--` includes, no second `---` block.
- Titles and prompts are plain text (a `code span` is allowed): markup in them is shown
  as typed, so it is reported.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from qa.markdown import Found, scan, unclosed_fence
from qa.model import Finding, quoted
from qa.urls import ANCHORS, SourceLink, parse_source_link

RAW_TAGS = ("br", "kbd", "sub", "sup")  # raw HTML an author may write, without attributes
SCHEME = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]")  # URL parsers drop tabs, newlines and leading spaces
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[0-9A-Za-z]+);")
# a link meant for the calculator that is not of its form (`tools/calculator/`, `calculator.md` here)
CALCULATOR_PATH = re.compile(r"(?:^|/)tools/|(?:^|/)calculator(?:\.md|/|$)")
CALCULATOR_LINK = "../tools/calculator.md?model=llama-3.1-70b&gpu=h100-sxm&gpus=4"
TAG_FIX = {
    "script": "remove it; pages may not run their own scripts",
    "iframe": "link to the page instead",
}


@dataclass(frozen=True)
class LinkRules:
    """What relative links may point at: the slugs that exist (None: cannot be known)."""

    questions: set[str] | None
    problems: set[str] | None = None
    # a calculator link's query → what is wrong with it, each message ending with its fix
    # (qa.check.calculator; None: the query is not checked)
    calculator_query: Callable[[str], list[str]] | None = None


def check_body(path: Path, text: str, first_line: int, links: LinkRules, folder: str) -> Iterator[Finding]:
    """Every rule over one Markdown body (an answer, a note, a statement)."""
    fence = unclosed_fence(text, first_line)
    if fence is not None:
        yield Finding(path, fence, "code fence is not closed — add a closing ``` line")
    for found in scan(text, first_line):
        yield from _check(path, found, links, folder)


def _check(path: Path, found: Found, links: LinkRules, folder: str) -> Iterator[Finding]:
    kind, value, line = found.kind, found.value, found.line
    if kind == "tag":
        yield from _check_tag(path, found)
    elif kind == "attribute":  # an attribute on a line after its tag's
        if value.startswith("on"):
            yield Finding(path, line, "event-handler attribute (on…=) is not allowed — remove it")
    elif kind == "comment":
        yield Finding(path, line, "HTML comment is not allowed — delete it (comments are not published)")
    elif kind in ("link", "reference", "autolink"):
        yield from check_url(path, line, value, links, folder)
    elif kind == "image":
        yield Finding(path, line, f"image `{quoted(value)}` is not allowed — describe it in words or link to it")
    elif kind == "attribute-list":
        if re.search(r"\bon[a-z]+\s*=", value, re.I):
            yield Finding(path, line, "event-handler attribute (on…=) is not allowed — remove it")
        else:
            yield Finding(path, line, f"attribute list `{quoted(value)}` is not allowed — remove it")
    elif kind == "snippet":
        yield Finding(path, line, "`--8<--` include is not allowed in a source — paste the text itself")
    elif kind == "block":
        yield Finding(path, line, "`///` block is not allowed in a source — write plain Markdown")
    elif kind == "front-matter":
        yield Finding(
            path, line, "a second `---` line: front matter is only the block at the top — write `***` for a rule"
        )


def _check_tag(path: Path, found: Found) -> Iterator[Finding]:
    name, line = found.value, found.line
    if name.startswith("/"):
        return  # the opening tag was reported
    if any(attribute.startswith("on") for attribute, _ in found.attributes):
        yield Finding(path, line, "event-handler attribute (on…=) is not allowed — remove it")
    if name not in RAW_TAGS:
        fix = TAG_FIX.get(name, f"write Markdown instead (allowed: {', '.join(f'<{t}>' for t in RAW_TAGS)})")
        yield Finding(path, line, f"raw <{name}> is not allowed — {fix}")
    elif any(not a.startswith("on") for a, _ in found.attributes):
        yield Finding(path, line, f"attributes on <{name}> are not allowed — write the bare tag")


def as_browsers_read(target: str) -> str:
    """A link target as the browser reads it from the page.  Python-Markdown keeps only
    character references ended by `;` (`&#106;`, `&amp;`), escaping every other `&`;
    html.unescape alone would also decode `&para` in `?batch=1&params_b=2`."""
    return IGNORED_BY_BROWSERS.sub("", CHARACTER_REFERENCE.sub(lambda m: html.unescape(m[0]), target))


def check_url(path: Path, line: int, target: str, links: LinkRules, folder: str) -> Iterator[Finding]:
    url = as_browsers_read(target)
    scheme = SCHEME.match(url)
    shown = quoted(target)
    if scheme:
        name = scheme["scheme"].lower()
        if name == "javascript":
            yield Finding(path, line, "`javascript:` URL is not allowed — link to an http(s) page")
        elif name not in ("http", "https"):
            yield Finding(path, line, f"link `{shown}` uses the `{name}:` scheme — link to an http(s) page")
        elif not url[scheme.end() :].startswith("//") or len(url) <= scheme.end() + 2:
            yield Finding(path, line, f"link `{shown}` has no host — write the full https:// address")
        return
    if url.startswith(("//", "/\\", "\\")):
        yield Finding(path, line, f"link `{shown}` has no scheme — write it with https://")
        return
    if url.startswith("/"):
        yield Finding(path, line, f"link `{shown}` is absolute — write another question as `slug.md`")
        return
    resolved = parse_source_link(url, folder)
    if resolved is None and CALCULATOR_PATH.search(url.partition("?")[0].partition("#")[0]):
        yield Finding(path, line, f"link `{shown}` is not a calculator link — write it as `{CALCULATOR_LINK}`")
        return
    if resolved is None:
        yield Finding(
            path,
            line,
            f"link `{shown}` is not a question link — write another question as `slug.md`, or an http(s) URL",
        )
        return
    yield from _check_resolved(path, line, shown, resolved, links)


def _check_resolved(path: Path, line: int, shown: str, link: SourceLink, links: LinkRules) -> Iterator[Finding]:
    known = {"question": links.questions, "problem": links.problems}.get(link.kind)
    if link.kind in ("question", "problem") and known is not None and link.slug not in known:
        yield Finding(
            path, line, f"link `{shown}` points to a missing {link.kind} — use the slug of an existing {link.kind}"
        )
        return
    if link.kind == "calculator":
        for problem in links.calculator_query(link.query) if links.calculator_query else []:
            yield Finding(path, line, f"link `{shown}`: {problem}")
        return
    if link.anchor and link.anchor not in ANCHORS and link.kind != "problem":
        yield Finding(
            path,
            line,
            f"link points to a missing anchor `#{link.anchor}` — use one of: {', '.join('#' + a for a in ANCHORS)}",
        )


def check_plain_text(path: Path, line: int, key: str, value: str) -> Iterator[Finding]:
    """Titles and prompts are plain text: markup is shown as typed, never rendered."""
    for found in scan(value, line):
        if found.kind in ("tag", "comment"):
            shown = f"<{found.value}>" if found.kind == "tag" else "<!--"
            yield Finding(path, line, f"{key} is plain text: `{quoted(shown)}` would show as typed — remove the markup")
            return
