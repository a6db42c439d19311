"""A Content-Security-Policy and safe external links for every HTML file.

GitHub Pages sends no security headers, so each page carries its policy in a
<meta http-equiv> tag: everything from the site's own origin only.  No page runs an
inline script: where Material's templates write one, a partial of ours loads a file
of ours instead (overrides/partials/javascripts/), so script-src is 'self' alone and
an inline script that got into a page any other way does not run.
External links get rel="noopener noreferrer".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
# the HTML is minified by now, so attribute values may be unquoted
EXTERNAL_LINK = re.compile(r"<a (?P<attrs>[^>]*href=\"?https?://[^\"\s>]+\"?[^>]*)>")
HREF = re.compile(r"href=\"?([^\"\s>]+)")
HEAD = re.compile(r"<head>\s*(<meta charset=\"?utf-8\"?>)?", re.I)
POLICY = (
    "default-src 'self'; script-src 'self'{wasm}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
MARKER = 'http-equiv="Content-Security-Policy"'


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (JSON data blocks are not run)."""
    return [m["body"] for m in INLINE_SCRIPT.finditer(html) if "application/json" not in m["attrs"]]


def policy(wasm: bool = False) -> str:
    """The policy of a page; `wasm` for a page that runs Python (Pyodide compiles
    WebAssembly, which 'wasm-unsafe-eval' allows and nothing else)."""
    return POLICY.format(wasm=" 'wasm-unsafe-eval'" if wasm else "")


def with_policy(html: str, wasm: bool = False) -> str:
    meta = f'<meta {MARKER} content="{policy(wasm)}">'
    # right after <meta charset>, before any script, so it governs all of them
    return HEAD.sub(lambda m: f"<head>{m[1] or ''}{meta}", html, count=1)


def untrusted(html: str) -> int:
    """How many inline scripts of a page the policy blocks (all of them)."""
    return len(inline_scripts(html))


def with_safe_links(html: str, own_host: str) -> str:
    def fix(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        href = HREF.search(attrs)
        if href and urlsplit(href[1]).netloc == own_host:
            return match[0]
        attrs = re.sub(r"\s*rel=(\"[^\"]*\"|[^\s>]+)", "", attrs)
        return f'<a {attrs} rel="noopener noreferrer">'

    return EXTERNAL_LINK.sub(fix, html)


def harden(html: str, own_host: str, wasm: bool = False) -> str:
    """html with safe external links and its policy (`wasm`: see `policy`)."""
    if MARKER in html:
        return html
    return with_policy(with_safe_links(html, own_host), wasm)
