"""Rules for the hand-written pages in docs/ (home, performance, …).

They are Markdown for MkDocs, written in pull requests like the questions, so they
follow the same allowlist (qa.check.markup) with what such pages need besides: links
to the site's other pages as `page.md` (relative to the page), the PDF's download
link (`<a href="llm-inference-qa.zh.pdf" download>…</a>`, raw because the PDF is printed
after MkDocs has checked the page's Markdown links), buttons (`{ .md-button }`) and the
benchmark tables the generator stages (`--8<-- "benchmark.<lang>.md"`).  Only
Markdown pages belong in docs/; the site's assets live in overrides/.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path

from qa.check.markup import LinkRules, _check, check_url
from qa.contract import DOC_COUNT_PATTERN, DOC_COUNTS
from qa.markdown import Found, scan, unclosed_fence
from qa.model import LANGUAGES, Finding, quoted
from qa.sources.frontmatter import read_source
from qa.urls import pdf_name

FIELDS = ("title", "description", "hide")
ATTRIBUTE_LIST = re.compile(r"^\{:?\s*(?:(?:\.md-button(?:--primary)?|download)\s*)+\}$")
SNIPPET = re.compile(r'^\s*-{1,}8<-{1,}\s+"benchmark\.(?P<lang>[a-z]{2})\.md"\s*$')


def check_docs(docs: Path, root: Path, pages: dict[str, set[str]]) -> Iterator[Finding]:
    """Every problem of docs/.  pages: language → the page sources the site will have
    (docs-relative, e.g. `questions/index.md`), the targets a page may link."""
    if not docs.is_dir():
        return
    for path in sorted(docs.rglob("*")):
        if path.is_dir() or path.is_symlink():
            continue  # symbolic links are reported for every source folder (qa.check.project)
        relative = path.relative_to(docs)
        lang = relative.parts[0]
        if path.suffix != ".md" or lang not in LANGUAGES or len(relative.parts) < 2:
            yield Finding(path, 1, "only Markdown pages in docs/<lang>/ — put images, styles and scripts in overrides/")
            continue
        yield from check_page(path, root, lang, posixpath.dirname(relative.relative_to(lang).as_posix()), pages[lang])


def check_page(path: Path, root: Path, lang: str, folder: str, pages: set[str]) -> Iterator[Finding]:
    source, problems = read_source(path, root)
    yield from problems
    if source is None:
        return
    for key, line in source.lines.items():
        if key not in FIELDS:
            yield Finding(path, line, f"unknown field `{quoted(key)}` — allowed fields: {', '.join(FIELDS)}")
        elif key != "hide" and not isinstance(source.meta[key], str):
            yield Finding(path, line, f"field `{key}` must be a string — write it as plain text")
        elif key != "hide" and re.search(r"[<>&\"]", str(source.meta[key])):
            yield Finding(path, line, f"{key} is plain text: `{quoted(source.meta[key])}` has markup — remove it")
    for number, line in enumerate(source.body.splitlines(), source.body_line):
        for name in re.findall(DOC_COUNT_PATTERN, line):
            if name not in DOC_COUNTS:
                known = ", ".join(f"{{{{ {n} }}}}" for n in DOC_COUNTS)
                message = f"`{{{{ {quoted(name)} }}}}` is not a count the site knows — use one of {known}"
                yield Finding(path, number, message)
    fence = unclosed_fence(source.body, source.body_line)
    if fence is not None:
        yield Finding(path, fence, "code fence is not closed — add a closing ``` line")
    lines = source.body.splitlines()
    for found in scan(source.body, source.body_line):
        yield from _check_docs(path, found, lang, folder, pages, lines[found.line - source.body_line])


def _check_docs(path: Path, found: Found, lang: str, folder: str, pages: set[str], text: str) -> Iterator[Finding]:
    if found.kind == "attribute-list" and ATTRIBUTE_LIST.match(found.value):
        return
    if (
        found.kind == "tag"
        and found.value == "a"
        and dict(found.attributes) == {"href": pdf_name(lang), "download": ""}
    ):
        return  # the PDF's download link
    if found.kind == "tag" and found.value == "/a":
        return
    if found.kind == "snippet":
        match = SNIPPET.match(text)
        if match is None or match["lang"] != lang:
            yield Finding(path, found.line, f'`--8<--` may include only "benchmark.{lang}.md" — remove the include')
        return
    if found.kind in ("link", "reference"):
        yield from _check_link(path, found.line, found.value, lang, folder, pages)
        return
    yield from _check(path, found, LinkRules(None), folder)


def _check_link(path: Path, line: int, target: str, lang: str, folder: str, pages: set[str]) -> Iterator[Finding]:
    page, _, _anchor = target.partition("#")
    if not page and target.startswith("#"):
        return  # a heading of this page: MkDocs checks those (validation.anchors, strict)
    if not page or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^[/\\]", target):
        yield from check_url(path, line, target, LinkRules(None), folder)  # schemes, hosts, anchors
        return
    resolved = posixpath.normpath(posixpath.join(folder, page))
    if resolved == pdf_name(lang) or resolved in pages:
        return
    yield Finding(path, line, f"link `{quoted(target)}` is not a page of this site — link a page as `page.md`")
