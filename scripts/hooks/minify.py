"""MkDocs hook: minified HTML (the minify-html library), for lighter pages.

Together with hooks/lean_code.py this keeps question pages under the 30 KB
page-weight budget.  Inline scripts and JSON are left alone, so their CSP hashes
(hooks/harden.py, computed afterwards on the files) match what browsers run.
"""

from __future__ import annotations

import minify_html
from mkdocs.plugins import event_priority

OPTIONS = {
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
    "minify_js": False,
    "minify_css": False,
}


@event_priority(-20)  # after the hooks that edit page HTML (priority 50) and the other plugins
def on_post_page(output: str, page, config) -> str:
    return minify_html.minify(output, **OPTIONS)


@event_priority(-20)
def on_post_template(output: str, template_name: str, config) -> str:
    return minify_html.minify(output, **OPTIONS) if template_name.endswith(".html") else output
