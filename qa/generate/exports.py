"""Machine-readable copies of the questions, written beside the pages.

- `llms.txt` per language (the llms.txt convention: title, summary, then one link
  per question, grouped by topic like the index page);
- `llms-full.txt` per language: every question in number order as plain Markdown;
- the coding problems follow the questions in each (statement, signature, constraints,
  reference solution; questions.json also the tests);
- `questions.json`: every question in both languages, described by the authored
  JSON Schema `questions.schema.json` (next to this module), published with it.

All links are absolute under the site URL.  The sources are Markdown for MkDocs:
attribute lists (`{ #note }`), `///` blocks and links to other question sources
(`slug.md#answer`) are turned into plain Markdown here.  Pure functions; the
generator writes what `planned_exports` returns.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from qa import urls
from qa.check.markup import RAW_TAGS
from qa.generate.problems import TEXT as PROBLEM_TEXT
from qa.generate.problems import title as problem_title
from qa.generate.strings import STRINGS
from qa.markdown import (
    ATTR_LIST,
    BLOCK_CLOSE,
    BLOCK_OPEN,
    BLOCK_OPTION,
    HEADING,
    fence_for,
    in_code_span,
    is_relative,
    markdown_lines,
    neutralize_html,
    rewrite_links,
)
from qa.model import DEFAULT_LANGUAGE, LANGUAGES, Catalog, Problem, Question
from qa.site import Site
from qa.sources.questions import note_body

SCHEMA_FILE = Path(__file__).with_name(urls.SCHEMA)


def plain(text: str) -> str:
    """A plain-text field (a title, a prompt) inside a Markdown export: markup stays text."""
    return neutralize_html(text)


def link_text(text: str) -> str:
    """Text safe inside a Markdown link's brackets."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def page_url(site: str, q: Question) -> str:
    return urls.question_url(site, q.lang, q.slug)


def short_url(site: str, q: Question) -> str:
    return urls.short_url(site, q.lang, q.number)


def _without_attribute_lists(line: str) -> str:
    """Remove `{ #id }`, `{ .class key=value }` and `{: …}`; other braces (`{x=1}` in prose) stay."""

    def remove(match: re.Match[str]) -> str:
        attribute_list = match[0].strip()
        is_one = attribute_list.startswith("{:") or re.search(r"[{\s][#.]\w", attribute_list)
        return "" if is_one and not in_code_span(match) else match[0]

    return ATTR_LIST.sub(remove, line)


def strip_mkdocs_syntax(markdown: str) -> str:
    """Attribute lists removed; `/// type | Title` blocks become their title in bold and their content."""
    out: list[str] = []
    in_options = False
    for line, code in markdown_lines(markdown):
        if code:
            out.append(line)
            in_options = False
            continue
        if in_options and BLOCK_OPTION.match(line):
            continue
        in_options = False
        block = BLOCK_OPEN.match(line)
        if block:
            in_options = True
            if block["title"]:
                out += [f"**{block['title']}**", ""]
            continue
        if BLOCK_CLOSE.match(line):
            continue
        cleaned = _without_attribute_lists(line)
        if cleaned.strip() or not line.strip():  # a line that was only an attribute list goes
            out.append(cleaned.rstrip())
    return "\n".join(out).strip("\n")


def absolute_links(markdown: str, site: str, q: Question) -> str:
    """Links to another question (`slug.md#anchor`), to a problem (`../problems/slug.md`),
    to the calculator (`../tools/calculator.md?…`) or to this page (`#anchor`) made absolute."""
    return _absolute_links(markdown, urls.language_url(site, q.lang), page_url(site, q))


def _absolute_links(markdown: str, root: str, own_page: str, folder: str = urls.QUESTIONS) -> str:
    def absolute(target: str) -> str:
        if not is_relative(target):
            return target
        link = urls.parse_source_link(target, folder)
        if link is None:  # not a form sources may use (validation reports it): as written
            return target
        if link.kind == "anchor":
            return own_page + f"#{link.anchor}"
        if link.kind == "calculator":
            path = urls.calculator_path()
        else:
            path = urls.problem_path(link.slug) if link.kind == "problem" else urls.question_path(link.slug)
        return root + path + (f"?{link.query}" if link.query else "") + (f"#{link.anchor}" if link.anchor else "")

    return rewrite_links(markdown, absolute)


def portable_markdown(markdown: str, site: str, q: Question) -> str:
    """Source Markdown as any Markdown reader shows it: no MkDocs syntax, absolute links."""
    return _portable(markdown, urls.language_url(site, q.lang), page_url(site, q))


@cache  # llms-full.txt and questions.json both need every answer and note
def _portable(markdown: str, root: str, own_page: str, folder: str = urls.QUESTIONS) -> str:
    return neutralize_html(_absolute_links(strip_mkdocs_syntax(markdown), root, own_page, folder), RAW_TAGS)


def problem_markdown(markdown: str, site: str, lang: str, problem: Problem) -> str:
    """A problem's Markdown (its statement, a hint) as any Markdown reader shows it."""
    page = urls.problem_url(site, lang, problem.slug)
    return _portable(markdown, urls.language_url(site, lang), page, urls.PROBLEMS)


def _fenced(code: str) -> str:
    """Code in a fence it cannot close early."""
    fence = fence_for(code)
    return f"{fence}python\n{code.rstrip()}\n{fence}"


def problems_full(catalog: Catalog, lang: str, site: Site) -> list[str]:
    """The coding problems in llms-full.txt: statement, signature, constraints and the reference solution."""
    t, s = PROBLEM_TEXT[lang], STRINGS[lang]
    out: list[str] = []
    for p in catalog.problems:
        words = p.texts[lang]
        level = next(level.labels[lang] for level in catalog.levels if level.id == p.difficulty)
        out += [
            f"## {plain(problem_title(p, lang))}",
            "",
            f"- {s.difficulty}{s.colon}{level}",
            f"- {s.page_label}{s.colon}<{urls.problem_url(site.url, lang, p.slug)}>",
            "",
            demote_headings(problem_markdown(words.statement, site.url, lang, p)),
            "",
            f"### {t['signature']}",
            "",
            _fenced(p.code["starter"]),
            "",
            f"### {t['constraints']}",
            "",
            *(f"- {problem_markdown(item, site.url, lang, p)}" for item in words.constraints),
            "",
            f"### {t['solution']}",
            "",
            _fenced(p.code["solution"]),
            "",
            problem_markdown(words.complexity, site.url, lang, p),
            "",
        ]
    return out


def problems_dataset(catalog: Catalog, site: str) -> list[dict[str, object]]:
    """Every coding problem in every language, as questions.schema.json describes them."""
    out: list[dict[str, object]] = []
    for p in catalog.problems:
        level = next(level for level in catalog.levels if level.id == p.difficulty)
        texts = {
            lang: {
                "title": p.texts[lang].title,
                "statement": problem_markdown(p.texts[lang].statement, site, lang, p),
                "url": urls.problem_url(site, lang, p.slug),
                "short_url": urls.language_url(site, lang) + urls.problem_short_path(p.number),
            }
            for lang in LANGUAGES
        }
        out.append(
            {
                "number": p.number,
                "slug": p.slug,
                "difficulty": {"id": level.id, "labels": dict(level.labels)},
                "related": list(p.related),
                "starter": p.code["starter"],
                "solution": p.code["solution"],
                "tests": p.code["tests"],
                "languages": texts,
            }
        )
    return out


def demote_headings(markdown: str) -> str:
    """Every heading one level deeper (an answer's `###` under llms-full.txt's `### Answer`)."""
    lines = markdown_lines(markdown)
    return "\n".join(f"#{line}" if not code and HEADING.match(line) else line for line, code in lines)


def llms_txt(catalog: Catalog, lang: str, site: Site) -> str:
    """The llms.txt of one language: summary, then every question's page by topic."""
    s = STRINGS[lang]
    root = urls.language_url(site.url, lang)
    other = next(code for code in LANGUAGES if code != lang)
    questions = catalog.in_language(lang)
    out = [f"# {site.names[lang]}", "", f"> {site.descriptions[lang]}", "", s.exports_intro, ""]
    for topic in catalog.topics:
        mine = [q for q in questions if q.topic == topic.id]
        if mine:
            out += [f"## {topic.labels[lang]}", ""]
            out += [
                f"- [{link_text(f'{q.number}. {plain(q.title)}')}]({page_url(site.url, q)}): {plain(q.prompt)}"
                for q in mine
            ]
            out.append("")
    if catalog.problems:
        out += [f"## {PROBLEM_TEXT[lang]['problems']}", ""]
        out += [
            f"- [{link_text(plain(problem_title(p, lang)))}]({urls.problem_url(site.url, lang, p.slug)})"
            for p in catalog.problems
        ]
        out.append("")
    out += [
        "## Optional",  # the convention's name for links a reader with little context may skip
        "",
        f"- [{s.full_export_title}]({root}{urls.LLMS_FULL}): {s.full_export_about}",
        f"- [{s.dataset_title}]({site.url}{urls.DATASET}): {s.dataset_about}",
        f"- [{s.other_language_title}]({urls.language_url(site.url, other)}{urls.LLMS}): {s.other_language_about}",
    ]
    return "\n".join(out) + "\n"


def llms_full_txt(catalog: Catalog, lang: str, site: Site) -> str:
    """Every question of one language in number order, as one plain Markdown document."""
    s = STRINGS[lang]
    out = [f"# {site.names[lang]}", "", f"> {site.descriptions[lang]}", "", s.exports_intro, ""]
    for q in catalog.in_language(lang):
        out += [
            f"## {q.number}. {plain(q.title)}",
            "",
            f"- {s.topic}{s.colon}{catalog.topic(q).labels[lang]}",
            f"- {s.difficulty}{s.colon}{catalog.level(q).labels[lang]}",
            f"- {s.page_label}{s.colon}<{page_url(site.url, q)}>",
            "",
            f"**{s.prompt}** {plain(q.prompt)}",
            "",
            f"### {s.answer}",
            "",
            demote_headings(portable_markdown(q.answer, site.url, q)),
            "",
        ]
        if q.note:
            out += [f"### {s.note_heading}", "", demote_headings(portable_markdown(note_body(q), site.url, q)), ""]
    return "\n".join(out + problems_full(catalog, lang, site))


def questions_dataset(catalog: Catalog, site: str) -> dict[str, object]:
    """Every question in every language, as described by questions.schema.json."""
    by_language = {lang: {q.number: q for q in catalog.in_language(lang)} for lang in LANGUAGES}
    questions: list[dict[str, object]] = []
    for first in catalog.in_language(DEFAULT_LANGUAGE):
        topic, level = catalog.topic(first), catalog.level(first)
        texts: dict[str, dict[str, str]] = {}
        for lang in LANGUAGES:
            q = by_language[lang][first.number]
            texts[lang] = {
                "title": q.title,
                "prompt": q.prompt,
                "answer": portable_markdown(q.answer, site, q),
                "note": portable_markdown(note_body(q), site, q),
                "url": page_url(site, q),
                "short_url": short_url(site, q),
            }
        questions.append(
            {
                "number": first.number,
                "slug": first.slug,
                "origin": catalog.origin(first),
                "topic": {"id": topic.id, "labels": {lang: topic.labels[lang] for lang in LANGUAGES}},
                "difficulty": {"id": level.id, "labels": {lang: level.labels[lang] for lang in LANGUAGES}},
                "tags": list(first.tags),
                "languages": texts,
            }
        )
    data: dict[str, object] = {"$schema": f"{site}{urls.SCHEMA}", "site_url": site, "questions": questions}
    if catalog.problems:
        data["problems"] = problems_dataset(catalog, site)
    return data


def planned_exports(catalog: Catalog, site: Site) -> dict[str, bytes]:
    """Every export: path relative to docs_dir → content.

    Files in the default language's folder land at the site root (mkdocs-static-i18n),
    which is where the language-neutral dataset and its schema belong.
    """
    files: dict[str, bytes] = {}
    for lang in LANGUAGES:
        files[f"{lang}/{urls.LLMS}"] = llms_txt(catalog, lang, site).encode("utf-8")
        files[f"{lang}/{urls.LLMS_FULL}"] = llms_full_txt(catalog, lang, site).encode("utf-8")
    # compact: a third smaller than indented at 1,000 questions, and json.dumps is 3× faster without indent
    dataset = json.dumps(questions_dataset(catalog, site.url), ensure_ascii=False, separators=(",", ":")) + "\n"
    files[f"{DEFAULT_LANGUAGE}/{urls.DATASET}"] = dataset.encode("utf-8")
    files[f"{DEFAULT_LANGUAGE}/{urls.SCHEMA}"] = SCHEMA_FILE.read_bytes()
    return files
