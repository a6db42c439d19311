"""Render the generated pages as Markdown strings (pure functions, no I/O)."""

from __future__ import annotations

import html
import json

from qa.model import Question, Topic
from qa.strings import STRINGS


def question_page(q: Question, topic: Topic, prev: Question | None, next_: Question | None) -> str:
    s = STRINGS[q.lang]
    meta = {
        "title": f"{q.number}. {q.title}",
        "description": q.prompt,
        "card": f"assets/cards/{q.slug}.png",
        "qa_number": q.number,
    }
    crumbs = f"[{s.all_questions}](index.md) › [{topic.labels[q.lang]}](index.md#{topic.id})"
    pager = []
    if prev is not None:
        label = f"← {s.previous}{s.colon}{prev.number}. {prev.title}"
        pager.append(f'[{label}]({prev.slug}.md){{ .qa-prev rel="prev" }}')
    if next_ is not None:
        label = f"{s.next}{s.colon}{next_.number}. {next_.title} →"
        pager.append(f'[{label}]({next_.slug}.md){{ .qa-next rel="next" }}')
    return "\n".join(
        [
            _front_matter(meta),
            f'<nav class="qa-crumbs" aria-label="{s.crumbs_label}" markdown>{crumbs}</nav>',
            "",
            f"# {q.number}. {q.title} {{ #question }}",
            "",
            f"**{s.prompt}** {q.prompt}",
            "",
            share_buttons(q),
            "",
            f"/// details | {s.answer}",
            "    type: qa-answer",
            "    attrs: {id: answer}",
            "",
            q.answer,
            "///",
            "",
            f'<nav class="qa-pager" aria-label="{s.pager_label}" markdown>',
            "\n".join(pager),
            "</nav>",
            "",
        ]
    )


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


def index_page(lang: str, questions: list[Question], topics: list[Topic]) -> str:
    s = STRINGS[lang]
    out = [
        _front_matter({"title": s.index_title, "card": "assets/cards/home.png"}),
        f"# {s.index_title}",
        "",
        s.index_intro.format(count=len(questions)),
        "",
    ]
    for topic in topics:
        mine = [q for q in questions if q.topic == topic.id]
        if not mine:
            continue
        label = topic.labels[lang]
        out += [f"## {label} {{ #{topic.id} }}", "", f"| {s.number} | {s.question} | {s.topic} |", "|---|---|---|"]
        out += [f"| {q.number} | [{_cell(q.title)}]({q.slug}.md) | {label} |" for q in mine]
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _front_matter(meta: dict[str, object]) -> str:
    # JSON is valid YAML and needs no escaping rules of its own
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
