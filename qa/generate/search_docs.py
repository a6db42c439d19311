"""Search documents per language: what a reader's query is matched against.

One document per question, built from the sources rather than from rendered
pages, so navigation text (breadcrumbs, previous/next titles) never matches a
query.  Fields: the title, the bold answer terms, the prompt and answer text, and
the editor's note (weighted least: it mentions many techniques in passing).  The
search-engine format (tokenizing, boosts, file layout) belongs to the MkDocs hook.
"""

from __future__ import annotations

import html
import re

from qa.generate.strings import STRINGS
from qa.model import Catalog
from qa.sources.answer import parse_answer

MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def plain(markdown: str) -> str:
    """Markdown inline text → plain text, HTML-escaped for the results list."""
    text = MARKDOWN_LINK.sub(r"\1", markdown).replace("**", "").replace("`", "")
    return html.escape(text, quote=False)


def search_documents(catalog: Catalog, lang: str) -> list[dict[str, object]]:
    s = STRINGS[lang]
    docs: list[dict[str, object]] = []
    for q in catalog.in_language(lang):
        lead, bullets = parse_answer(q.answer)
        body = [plain(q.prompt), plain(lead)] + [f"{plain(b.term)}{s.colon}{plain(b.text)}" for b in bullets]
        note = [plain(line.lstrip("-# ")) for line in q.note.splitlines()[1:] if line.strip()]
        docs.append(
            {
                "location": f"questions/{q.slug}/",
                "title": html.escape(f"{q.number}. {q.title}", quote=False),
                "terms": [plain(b.term) for b in bullets],
                "text": " ".join(body),
                "note": " ".join(note),
            }
        )
    return docs
