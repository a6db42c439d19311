"""MkDocs hook: a Content-Security-Policy and safe external links on every HTML file.

GitHub Pages sends no security headers, so each page carries its policy in a
<meta http-equiv> tag: everything from the site's own origin only, plus the hash
of each inline script the theme (or a redirect page) needs.  External links get
rel="noopener noreferrer".  Pages and 404s are hardened in memory as they are
rendered (after hooks/minify.py); at the very end, the HTML files the build wrote
otherwise (the redirect pages of mkdocs-redirects) are hardened in place.  Reading
every page back from disk instead cost seconds at 2,000 pages.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from i18n_build import building_other_languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
# the HTML is minified by now, so attribute values may be unquoted
EXTERNAL_LINK = re.compile(r"<a (?P<attrs>[^>]*href=\"?https?://[^\"\s>]+\"?[^>]*)>")
HREF = re.compile(r"href=\"?([^\"\s>]+)")
HEAD = re.compile(r"<head>\s*(<meta charset=\"?utf-8\"?>)?", re.I)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
MARKER = 'http-equiv="Content-Security-Policy"'


def script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if "application/json" in match["attrs"]:
            continue  # data, never executed
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def with_policy(html: str) -> str:
    meta = f'<meta {MARKER} content="{POLICY.format(hashes=" ".join(script_hashes(html)))}">'
    # right after <meta charset>, before any script, so it governs all of them
    return HEAD.sub(lambda m: f"<head>{m[1] or ''}{meta}", html, count=1)


def with_safe_links(html: str, own_host: str) -> str:
    def fix(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        href = HREF.search(attrs)
        if href and urlsplit(href[1]).netloc == own_host:
            return match[0]
        attrs = re.sub(r"\s*rel=(\"[^\"]*\"|[^\s>]+)", "", attrs)
        return f'<a {attrs} rel="noopener noreferrer">'

    return EXTERNAL_LINK.sub(fix, html)


_hardened: set[str] = set()  # files written already hardened (pages of every language)


def harden(html: str, config: MkDocsConfig) -> str:
    if MARKER in html:
        return html
    return with_policy(with_safe_links(html, urlsplit(config.site_url or "").netloc))


@event_priority(-30)  # after hooks/minify.py (-20); nothing edits the HTML later
def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    _hardened.add(os.path.normpath(page.file.abs_dest_path))
    return harden(output, config)


@event_priority(-30)  # after hooks/minify.py (-20), before hooks/not_found.py keeps the 404s (-50)
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return harden(output, config) if template_name.endswith(".html") else output


@event_priority(-300)  # after every other hook has written its files
def on_post_build(config: MkDocsConfig) -> None:
    if building_other_languages(config):
        return  # once, when the files of every language are there
    for folder, _, names in os.walk(config.site_dir):
        for name in names:
            path = os.path.normpath(os.path.join(folder, name))
            if not name.endswith(".html") or path in _hardened:
                continue  # not HTML, or a page hardened as it was rendered
            html = Path(path).read_text(encoding="utf-8")
            if MARKER not in html:
                Path(path).write_text(harden(html, config), encoding="utf-8")
