"""MkDocs hook: minified HTML (the minify-html library), for lighter pages.

Together with hooks/lean_code.py this keeps question pages under the 30 KB
page-weight budget.  Inline scripts are left alone, so their CSP hashes
(hooks/harden.py, computed afterwards on the files) match what browsers run;
Material's JSON settings, which no browser runs, are written compact.
"""

from __future__ import annotations

import json
import re

import minify_html
from mkdocs.plugins import event_priority

# Material's settings for its JavaScript, written as indented ASCII JSON (\uXXXX for
# every Chinese character: 6 bytes instead of 3); not a script the CSP has to hash
CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)

OPTIONS = {
    "keep_closing_tags": True,
    "keep_html_and_head_opening_tags": True,
    "minify_js": False,
    "minify_css": False,
}


@event_priority(-20)  # after the hooks that edit page HTML (priority 50) and the other plugins
def on_post_page(output: str, page, config) -> str:
    return minify_html.minify(compact_config(output), **OPTIONS)


def compact_config(html: str) -> str:
    def compact(m: re.Match[str]) -> str:
        data = json.dumps(json.loads(m[2]), ensure_ascii=False, separators=(",", ":"))
        return m[1] + data.replace("</", "<\\/") + m[3]

    return CONFIG.sub(compact, html, count=1)


@event_priority(-20)
def on_post_template(output: str, template_name: str, config) -> str:
    return minify_html.minify(output, **OPTIONS) if template_name.endswith(".html") else output
