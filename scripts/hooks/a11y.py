"""MkDocs hook: accessibility fixes for what the theme leaves.

Material's search panel is a role="dialog" without an accessible name (axe:
aria-dialog-name).  It gets the name of the search field inside it, which the
theme already translates ("搜索" / "Search").
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

DIALOG = 'data-md-component="search" role="dialog">'
FIELD_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]+)"')


def name_search_dialog(html: str) -> str:
    label = FIELD_LABEL.search(html)
    if label is None or DIALOG not in html:
        return html
    return html.replace(DIALOG, f'data-md-component="search" role="dialog" aria-label="{label[1]}">', 1)


@event_priority(50)  # before hooks/minify.py rewrites the HTML
def on_post_page(output: str, page, config) -> str:
    return name_search_dialog(output)


@event_priority(50)  # before hooks/minify.py rewrites the HTML
def on_post_template(output: str, template_name: str, config) -> str:
    return name_search_dialog(output)  # the 404 pages
