"""Render the generated pages as Markdown strings (pure functions, no I/O)."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from qa import contract, urls
from qa.check.examples import Example
from qa.generate.strings import STRINGS
from qa.model import Catalog, Label, Question
from qa.urls import pdf_name


@dataclass(frozen=True)
class QuestionContext:
    """Everything around one question that its page shows."""

    topic: Label
    level: Label
    previous: Question | None
    next: Question | None
    related: list[Question]
    example: Example | None
    updated: str | None = None  # date of the source's last commit, if known
    edit_url: str | None = None  # where to edit the source


def question_page(q: Question, context: QuestionContext) -> str:
    s = STRINGS[q.lang]
    meta = {
        contract.META_TITLE: f"{q.number}. {q.title}",
        contract.META_DESCRIPTION: q.prompt,
        contract.META_CARD: urls.card_path(q.slug),
        contract.META_NUMBER: q.number,
    }
    topic, level = context.topic.labels[q.lang], context.level.labels[q.lang]
    topic_link = _a(f"{INDEX_URL}#{context.topic.id}", topic)
    parts = [
        _front_matter(meta),
        # The generated navigation (breadcrumbs, topic link, related questions, pager) is
        # written as the HTML Markdown made of it: parsing it and resolving its ~10 links
        # cost about 1 ms of the ~5.5 ms a question page's Markdown took.  Headings and
        # everything authored stay Markdown.
        f'<nav aria-label="{_attr(s.crumbs_label)}" class="qa-crumbs">',
        f"<p>{_a(INDEX_URL, s.all_questions)} › {topic_link}</p>",
        "</nav>",
        "",
        f"# {q.number}. {q.title} {{ #question }}",
        "",
        f'<p class="qa-meta">{_text(f"{s.topic}{s.colon}")}{topic_link} · '
        f"{_text(f'{s.difficulty}{s.colon}{level}')}</p>",
        "",
        f"**{s.prompt}** {q.prompt}",
        "",
        share_buttons(q),
        "",
        expand_buttons(q.lang),
        "",
        *answer_block(q),
        self_test(q),
        "",
    ]
    if q.note:
        parts += [q.note, ""]
    if context.example is not None:
        parts += example_section(q, context.example)
    if context.related:
        parts += [f"## {s.related_heading} {{ #related }}", "", "<ul>"]
        parts += [f"<li>{_a(question_url(r), f'{r.number}. {r.title}')}</li>" for r in context.related]
        parts += ["</ul>", ""]
    parts += page_history(q.lang, context)
    parts += pager(q, context.previous, context.next)
    return "\n".join(parts)


def page_history(lang: str, context: QuestionContext) -> list[str]:
    """Last-updated date and a link to edit the source."""
    s = STRINGS[lang]
    items = []
    if context.updated:
        items.append(f'{s.last_updated}{s.colon}<time datetime="{context.updated}">{context.updated}</time>')
    if context.edit_url:
        items.append(f'<a href="{html.escape(context.edit_url)}">{s.edit_page}</a>')
    return [f'<p class="qa-history">{" · ".join(items)}</p>', ""] if items else []


def answer_block(q: Question) -> list[str]:
    """The collapsible answer, closed until the reader opens it.

    Raw <details> with md_in_html (the content is still Markdown): the same HTML a
    `/// details` block makes, without parsing a YAML header on every page.
    The plugin (qa.plugin.all_questions) finds it by its class and id (qa.contract.ANSWER_OPEN) to copy it.
    """
    return [
        '<details class="qa-answer" id="answer" markdown>',
        f"<summary>{STRINGS[q.lang].answer}</summary>",
        "",
        q.answer,
        "",
        "</details>",
        "",
    ]


def expand_buttons(lang: str) -> str:
    """Open or close every answer on the page (qa.js; hidden without JavaScript by qa.css)."""
    s = STRINGS[lang]
    return (
        f'<div class="qa-expand qa-js" role="group" aria-label="{s.expand_label}">'
        f'<button type="button" class="md-button" data-expand="open">{s.expand_all}</button>'
        f'<button type="button" class="md-button" data-expand="close">{s.collapse_all}</button>'
        "</div>"
    )


def self_test(q: Question) -> str:
    """ "Knew it" / "review again" marks, kept by qa.js in localStorage under the slug
    (shared by both languages)."""
    s = STRINGS[q.lang]
    buttons = "".join(
        f'<button type="button" class="md-button qa-mark" data-mark="{mark}" aria-pressed="false">{label}</button>'
        for mark, label in (("known", s.mark_known), ("review", s.mark_review))
    )
    return (
        f'<div class="qa-selftest qa-js" role="group" aria-label="{s.self_test_label}" data-slug="{q.slug}">'
        f'<span class="qa-selftest-question">{s.self_test_question}</span>{buttons}</div>'
    )


def all_page(lang: str, catalog: Catalog) -> str:
    """Every question with its answer and editor's note on one page, for reading
    through, printing and the PDF."""
    s = STRINGS[lang]
    questions = catalog.in_language(lang)
    out = [
        _front_matter(
            {
                contract.META_TITLE: s.all_title,
                contract.META_CARD: urls.card_path("home"),
                "hide": ["toc"],
                contract.META_ALL: True,
            }
        ),
        f"# {s.all_title}",
        "",
        s.all_intro.format(count=len(questions)),
        "",
        # raw HTML: the PDF is printed after MkDocs has built this page (qa.pdf)
        f'<p><a class="md-button" href="../{pdf_name(lang)}" download>{s.download_pdf}</a></p>',
        "",
        expand_buttons(lang),
        "",
    ]
    for q in questions:
        topic, level = catalog.topic(q), catalog.level(q)
        out += [
            f"## {q.number}. {q.title} {{ #{q.slug} }}",
            "",
            # ready HTML, as on the question pages: 2 × N fewer links for MkDocs to resolve
            f'<p class="qa-meta">{s.topic}{s.colon}{_a(f"../questions/#{topic.id}", topic.labels[lang])} · '
            f"{s.difficulty}{s.colon}{_text(level.labels[lang])} · "
            f"{_a(f'../questions/{q.slug}/', s.question_page)}</p>",
            "",
            f"**{s.prompt}** {q.prompt}",
            "",
            # the answer and note as rendered on the question page (qa.plugin.all_questions)
            contract.answer_of(q.slug),
            "",
        ]
        out += [self_test(q), ""]
    return "\n".join(out)


def example_section(q: Question, example: Example) -> list[str]:
    s = STRINGS[q.lang]
    fence = "````" if "```" in example.code or "```" in example.output else "```"
    return [
        f"## {s.example_heading} {{ #example }}",
        "",
        s.example_intro.format(file=f"{q.slug}.py"),
        "",
        f"{fence}python",
        example.code.rstrip("\n"),
        fence,
        "",
        s.output,
        "",
        f'{fence}text {{ .qa-output data-example="{q.slug}" }}',
        example.output.rstrip("\n"),
        fence,
        "",
    ]


def pager(q: Question, previous: Question | None, next_: Question | None) -> list[str]:
    s = STRINGS[q.lang]
    links = []
    if previous is not None:
        label = f"← {s.previous}{s.colon}{previous.number}. {previous.title}"
        links.append(_a(question_url(previous), label, ' class="qa-prev"', ' rel="prev"'))
    if next_ is not None:
        label = f"{s.next}{s.colon}{next_.number}. {next_.title} →"
        links.append(_a(question_url(next_), label, ' class="qa-next"', ' rel="next"'))
    joined = "\n".join(links)
    return [f'<nav aria-label="{_attr(s.pager_label)}" class="qa-pager">', f"<p>{joined}</p>", "</nav>", ""]


# Where the generated links of a question page point, as MkDocs writes them with
# use_directory_urls (questions/<slug>/); tests/site/test_links.py checks every one.
INDEX_URL = "../"


def question_url(q: Question) -> str:
    return f"../{q.slug}/"


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _attr(text: str) -> str:
    return html.escape(text)


def _a(href: str, text: str, before: str = "", after: str = "") -> str:
    """A link as Markdown writes it (attr_list's class before href, other attributes after)."""
    return f'<a{before} href="{_attr(href)}"{after}>{_text(text)}</a>'


def share_buttons(q: Question) -> str:
    """Copy-link buttons; overrides/assets/javascripts/qa.js reads the page's canonical URL."""
    s = STRINGS[q.lang]
    markdown_title = html.escape(f"{q.number}. {q.title}")
    return (
        '<div class="qa-share">'
        f'<button type="button" class="md-button qa-copy" data-copy="url">{s.copy_link}</button>'
        f'<button type="button" class="md-button qa-copy" data-copy="markdown" data-title="{markdown_title}">'
        f"{s.copy_markdown}</button>"
        f'<span class="qa-copy-status" role="status" aria-live="polite" data-done="{s.copied}"></span>'
        "</div>"
    )


def index_page(lang: str, questions: list[Question], topics: list[Label], levels: list[Label]) -> str:
    """Every question, grouped by topic; a complete plain list that qa.js can filter in place."""
    s = STRINGS[lang]
    level_names = {level.id: level.labels[lang] for level in levels}
    out = [
        # no table of contents: the topic headings are the page itself, and Material's
        # scroll tracking of them costs the index its page-speed score
        _front_matter(
            {contract.META_TITLE: s.index_title, contract.META_CARD: urls.card_path("home"), "hide": ["toc"]}
        ),
        f"# {s.index_title}",
        "",
        s.index_intro.format(count=len(questions)),
        "",
        filter_form(lang, topics, levels, len(questions)),
        "",
        progress_bar(lang, len(questions)),
        "",
    ]
    for topic in topics:
        mine = [q for q in questions if q.topic == topic.id]
        if not mine:
            continue
        label = topic.labels[lang]
        out += [
            f'<section class="qa-topic" data-topic="{topic.id}" markdown>',
            "",
            f"## {label} {{ #{topic.id} }}",
            "",
        ]
        # a list, not a table: a long index lays out much faster (page speed)
        out += [
            f'- <span class="qa-n">{q.number}.</span> [{q.title}]({q.slug}.md){{ data-slug="{q.slug}" '
            f'data-topic="{q.topic}" data-difficulty="{q.difficulty}" }} '
            f'<span class="qa-tags">{label} · {level_names[q.difficulty]}</span>'
            for q in mine
        ]
        out += ["", "</section>", ""]
    return "\n".join(out)


def filter_form(lang: str, topics: list[Label], levels: list[Label], total: int) -> str:
    """The filter needs JavaScript: without it the form stays invisible (qa.css) and the
    list is simply complete.  Its space is kept either way, so nothing shifts on load."""
    s = STRINGS[lang]

    def select(name: str, label: str, everything: str, options: list[Label]) -> str:
        items = "".join(f'<option value="{o.id}">{html.escape(o.labels[lang])}</option>' for o in options)
        options_html = f'<option value="">{everything}</option>{items}'
        return f'<label>{label} <select data-filter="{name}">{options_html}</select></label>'

    return (
        f'<form class="qa-filter" aria-label="{s.filter_label}">'
        + select("topic", s.topic, s.all_topics, topics)
        + select("difficulty", s.difficulty, s.all_levels, levels)
        + f'<output class="qa-filter-count" aria-live="polite" data-template="{s.filter_count}" data-total="{total}">'
        "</output></form>"
    )


def progress_bar(lang: str, total: int) -> str:
    """Self-test progress over this index (qa.js fills it in from localStorage)."""
    s = STRINGS[lang]
    return (
        f'<div class="qa-progress qa-js" data-template="{s.progress}" data-total="{total}" '
        f'data-known="{s.mark_known}" data-review="{s.mark_review}">'
        '<span class="qa-progress-text" role="status"></span>'
        f'<button type="button" class="md-button qa-reset">{s.reset_marks}</button></div>'
    )


def _front_matter(meta: dict[str, object]) -> str:
    # JSON is valid YAML and needs no escaping rules of its own
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
