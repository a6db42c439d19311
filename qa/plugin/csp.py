"""A Content-Security-Policy and safe external links for every HTML file.

GitHub Pages sends no security headers, so each page carries its policy in a
<meta http-equiv> tag: everything from the site's own origin only, plus the hash
of each inline script the page needs.  External links get rel="noopener noreferrer".
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

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


def harden(html: str, own_host: str) -> str:
    if MARKER in html:
        return html
    return with_policy(with_safe_links(html, own_host))
