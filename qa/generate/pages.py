"""The generated pages, as the Markdown MkDocs renders: ready HTML and the placeholders of
authored fragments (qa.generate.fragments), no I/O of their own."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from qa import contract, urls
from qa.check.examples import Example
from qa.generate.fragments import Fragments
from qa.generate.render import Place, inline_html, plain_text
from qa.generate.strings import STRINGS
from qa.model import Catalog, Label, Question
from qa.sources.questions import note_body
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
    source: str | None = None  # the source and its note's line, "path:line", for the build's messages
    report_url: str | None = None  # where a reader reports a mistake (a prefilled GitHub issue)
    origin: str = "site"  # 'seed' (the seed article) or 'site' (added by this site)


def question_page(q: Question, context: QuestionContext, fragments: Fragments) -> str:
    s = STRINGS[q.lang]
    meta = {
        contract.META_TITLE: _text(f"{q.number}. {plain_text(q.title)}"),
        contract.META_DESCRIPTION: _text(plain_text(q.prompt)),
        contract.META_CARD: urls.card_path(q.slug),
        contract.META_NUMBER: q.number,
    }
    if context.source:
        meta[contract.META_SOURCE] = context.source
    topic, level = context.topic.labels[q.lang], context.level.labels[q.lang]
    topic_link = _a(f"{INDEX_URL}#{context.topic.id}", topic)
    place = Place(f"{urls.QUESTIONS}/{q.slug}")
    parts = [
        _front_matter(meta),
        # Everything is written as ready HTML: the navigation (breadcrumbs, topic link,
        # related questions, pager) because resolving its links cost MkDocs a fifth of
        # the page, and the authored parts because they are rendered and sanitized once,
        # as fragments (qa.generate.render), that the plugin puts in place.
        f'<nav aria-label="{_attr(s.crumbs_label)}" class="qa-crumbs">',
        f"<p>{_a(INDEX_URL, s.all_questions)} › {topic_link}</p>",
        "</nav>",
        "",
        f'<h1 id="question">{q.number}. {inline_html(q.title)}{_permalink("question")}</h1>',
        "",
        f'<p class="qa-meta">{_text(f"{s.topic}{s.colon}")}{topic_link} · '
        f"{_text(f'{s.difficulty}{s.colon}{level}')} · {_text(s.origins[context.origin])}</p>",
        "",
        f"<p><strong>{_text(s.prompt)}</strong> {inline_html(q.prompt)}</p>",
        "",
        share_buttons(q),
        "",
        expand_buttons(q.lang),
        "",
        *answer_block(q, fragments, place, "answer", "note"),
        self_test(q),
        "",
    ]
    if context.example is not None:
        parts += example_section(q, context.example, fragments)
    if context.related:
        parts += [f"## {s.related_heading} {{ #related }}", "", "<ul>"]
        parts += [f"<li>{_a(question_url(r), f'{r.number}. {plain_text(r.title)}')}</li>" for r in context.related]
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
    if context.report_url:
        items.append(f'<a class="qa-report" href="{html.escape(context.report_url)}">{s.report_mistake}</a>')
    return [f'<p class="qa-history">{" · ".join(items)}</p>', ""] if items else []


def answer_block(
    q: Question, fragments: Fragments, place: Place, answer_id: str, note_id: str, note_level: int = 2
) -> list[str]:
    """The answer and the editor's note, folded together until the reader opens them:
    the note discusses the answer, so it would spoil the self-test if it stood open.
    A link to #answer or #note opens the fold (qa.js)."""
    s = STRINGS[q.lang]
    out = [
        f'<details class="qa-answer" id="{answer_id}">',
        f"<summary>{_text(s.answer)}</summary>",
        fragments.markdown(q.answer, place),
    ]
    if q.note:
        out += [
            f'<section class="qa-note" aria-labelledby="{note_id}">',
            f'<h{note_level} id="{note_id}">{_text(s.note_heading)}{_permalink(note_id)}</h{note_level}>',
            fragments.markdown(note_body(q), place),
            "</section>",
        ]
    return [*out, "</details>", ""]


def _permalink(anchor: str) -> str:
    """The ¶ link a heading gets (as MkDocs' toc extension writes it on Markdown headings)."""
    return f'<a class="headerlink" href="#{anchor}" title="Permanent link">¶</a>'


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


def all_page(lang: str, catalog: Catalog, fragments: Fragments, after: list[str] | None = None) -> str:
    """Every question with its answer and editor's note on one page, for reading
    through, printing and the PDF; `after`: what follows them (the coding problems)."""
    s = STRINGS[lang]
    questions = catalog.in_language(lang)
    out = [
        _front_matter(
            {
                contract.META_TITLE: _text(s.all_title),
                contract.META_CARD: urls.card_path("home"),
                "hide": ["toc"],
                contract.META_ALL: True,
            }
        ),
        f"# {s.all_title}",
        "",
        s.all_intro.format(count=len(questions)),
        "",
        # raw HTML: the PDF is printed after MkDocs has built this page (qa.publish.pdf)
        f'<p><a class="md-button" href="../{pdf_name(lang)}" download>{s.download_pdf}</a></p>',
        "",
        expand_buttons(lang),
        "",
    ]
    for q in questions:
        topic, level = catalog.topic(q), catalog.level(q)
        ids = {"question": q.slug, "answer": f"{q.slug}-answer", "note": f"{q.slug}-note"}
        # a question's own anchors lead to its place on this page (#example is on its page only)
        place = Place(
            "all",
            own_anchor=lambda anchor, ids=ids, slug=q.slug: (
                f"#{ids[anchor]}" if anchor in ids else f"../{urls.question_path(slug)}#{anchor}"
            ),
            key=f"all:{q.slug}",
        )
        out += [
            # one question, one part of the printed PDF (qa.publish.pdf reprints only changed parts)
            f'<section class="{contract.PRINT_PART}" data-slug="{q.slug}">',
            "",
            f'<h2 id="{q.slug}">{q.number}. {inline_html(q.title)}{_permalink(q.slug)}</h2>',
            "",
            f'<p class="qa-meta">{s.topic}{s.colon}{_a(f"../questions/#{topic.id}", topic.labels[lang])} · '
            f"{s.difficulty}{s.colon}{_text(level.labels[lang])} · {_text(s.origins[catalog.origin(q)])} · "
            f"{_a(f'../questions/{q.slug}/', s.question_page)}</p>",
            "",
            f"<p><strong>{_text(s.prompt)}</strong> {inline_html(q.prompt)}</p>",
            "",
            *answer_block(q, fragments, place, ids["answer"], ids["note"], note_level=3),
        ]
        out += [self_test(q), "", "</section>", ""]
    return "\n".join([*out, *(after or [])])


def example_section(q: Question, example: Example, fragments: Fragments) -> list[str]:
    s = STRINGS[q.lang]
    return [
        f"## {s.example_heading} {{ #example }}",
        "",
        f"<p>{inline_html(s.example_intro.format(file=q.slug + '.py'))}</p>",
        "",
        fragments.code(example.code, "python"),
        "",
        f"<p>{_text(s.output)}</p>",
        "",
        fragments.output(example.output, q.slug),
        "",
    ]


def pager(q: Question, previous: Question | None, next_: Question | None) -> list[str]:
    s = STRINGS[q.lang]
    links = []
    if previous is not None:
        label = f"← {s.previous}{s.colon}{previous.number}. {plain_text(previous.title)}"
        links.append(_a(question_url(previous), label, ' class="qa-prev"', ' rel="prev"'))
    if next_ is not None:
        label = f"{s.next}{s.colon}{next_.number}. {plain_text(next_.title)} →"
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
    """Copy-link buttons; overrides/assets/javascripts/qa.js reads the page's canonical URL
    and, for a Markdown link, the page's heading."""
    s = STRINGS[q.lang]
    return (
        '<div class="qa-share">'
        f'<button type="button" class="md-button qa-copy" data-copy="url">{s.copy_link}</button>'
        f'<button type="button" class="md-button qa-copy" data-copy="markdown">'
        f"{s.copy_markdown}</button>"
        f'<span class="qa-copy-status" role="status" aria-live="polite" data-done="{s.copied}"></span>'
        "</div>"
    )


def index_page(lang: str, catalog: Catalog, after: list[str] | None = None) -> str:
    """Every question, grouped by topic; a complete plain list that qa.js can filter in
    place; `after`: what follows the list (the coding problems)."""
    s = STRINGS[lang]
    questions = catalog.in_language(lang)
    level_names = {level.id: level.labels[lang] for level in catalog.levels}
    out = [
        # no table of contents: the topic headings are the page itself, and Material's
        # scroll tracking of them costs the index its page-speed score
        _front_matter(
            {contract.META_TITLE: _text(s.index_title), contract.META_CARD: urls.card_path("home"), "hide": ["toc"]}
        ),
        f"# {s.index_title}",
        "",
        s.index_intro.format(count=len(questions)),
        "",
        f"<p>{_text(s.index_tools).format(calculator=_a(INDEX_URL + urls.calculator_path(), s.calculator_name))}</p>",
        "",
        filter_form(lang, catalog, len(questions)),
        "",
        progress_bar(lang, len(questions)),
        "",
    ]
    for topic in catalog.topics:
        mine = [q for q in questions if q.topic == topic.id]
        if not mine:
            continue
        label = topic.labels[lang]
        out += [
            f'<section class="qa-topic" data-topic="{topic.id}">',
            f'<h2 id="{topic.id}">{_text(label)}{_permalink(topic.id)}</h2>',
            # a list, not a table: a long index lays out much faster (page speed)
            "<ul>",
        ]
        for q in mine:
            origin = catalog.origin(q)
            data = (
                f'data-slug="{q.slug}" data-difficulty="{q.difficulty}" data-origin="{origin}"'  # topic: the section's
            )
            out.append(
                f'<li><span class="qa-n">{q.number}.</span> <a href="{q.slug}/" {data}>{inline_html(q.title)}</a> '
                f'<span class="qa-tags">{_text(label)} · {_text(level_names[q.difficulty])} · '
                f"{_text(s.origins[origin])}</span></li>"
            )
        out += ["</ul>", "</section>", ""]
    return "\n".join([*out, *(after or [])])


def filter_form(lang: str, catalog: Catalog, total: int) -> str:
    """The filter needs JavaScript: without it the form stays invisible (qa.css) and the
    list is simply complete.  Its space is kept either way, so nothing shifts on load."""
    s = STRINGS[lang]

    def select(name: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
        items = "".join(f'<option value="{value}">{_text(text)}</option>' for value, text in options)
        options_html = f'<option value="">{_text(everything)}</option>{items}'
        return f'<label>{_text(label)} <select data-filter="{name}">{options_html}</select></label>'

    used = {q.topic for q in catalog.questions}
    topics = [(t.id, t.labels[lang]) for t in catalog.topics if t.id in used]
    levels = [(level.id, level.labels[lang]) for level in catalog.levels]
    origins = [(origin, s.origins[origin]) for origin in ("seed", "site")]
    return (
        f'<form class="qa-filter" aria-label="{s.filter_label}">'
        + select("topic", s.topic, s.all_topics, topics)
        + select("difficulty", s.difficulty, s.all_levels, levels)
        + select("origin", s.origin, s.all_origins, origins)
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
    """A generated page's front matter (marked generated: the plugin trusts its HTML)."""
    meta = {**meta, contract.META_GENERATED: True}
    # JSON is valid YAML and needs no escaping rules of its own
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
