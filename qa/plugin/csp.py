"""A Content-Security-Policy and safe external links for every HTML file.

GitHub Pages sends no security headers, so each page carries its policy in a
<meta http-equiv> tag: everything from the site's own origin only, plus the hashes
of the inline scripts the theme's own templates write.  Those are computed from the
templates (TrustedScripts), never from a rendered page: an inline script that got
into a page any other way is not hashed, so the browser refuses to run it.
External links get rel="noopener noreferrer".
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
    "default-src 'self'; script-src 'self'{wasm}{hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
MARKER = 'http-equiv="Content-Security-Policy"'


def script_hash(body: str) -> str:
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (JSON data blocks are not run)."""
    return [m["body"] for m in INLINE_SCRIPT.finditer(html) if "application/json" not in m["attrs"]]


class TrustedScripts:
    """The inline scripts the theme's templates write, by the page's base_url (Material's
    scope script names it), rendered from the templates themselves."""

    PARTIALS = "partials/javascripts/"

    def __init__(self, env, config):
        self.env, self.config = env, config
        self._by_base: dict[str, frozenset[str]] = {}

    def hashes(self, base_url: str) -> frozenset[str]:
        if base_url not in self._by_base:
            context = {
                "config": self.config,
                "base_url": base_url,
                "features": self.config.theme.get("features", []),
                "page": None,
            }
            bodies: set[str] = set()
            for name in self.env.list_templates(filter_func=lambda n: n.startswith(self.PARTIALS)):
                bodies.update(inline_scripts(self.env.get_template(name).render(context)))
            self._by_base[base_url] = frozenset(script_hash(body) for body in bodies)
        return self._by_base[base_url]


def policy(hashes: list[str], wasm: bool = False) -> str:
    """The policy of a page: its trusted inline scripts' hashes; `wasm` for a page that runs
    Python (Pyodide compiles WebAssembly, which 'wasm-unsafe-eval' allows and nothing else)."""
    return POLICY.format(wasm=" 'wasm-unsafe-eval'" if wasm else "", hashes="".join(" " + h for h in hashes))


def with_policy(html: str, trusted: frozenset[str], wasm: bool = False) -> str:
    """html with its policy: the hashes of its inline scripts that the templates wrote."""
    allowed = sorted({h for h in map(script_hash, inline_scripts(html)) if h in trusted})
    meta = f'<meta {MARKER} content="{policy(allowed, wasm)}">'
    # right after <meta charset>, before any script, so it governs all of them
    return HEAD.sub(lambda m: f"<head>{m[1] or ''}{meta}", html, count=1)


def untrusted(html: str, trusted: frozenset[str]) -> int:
    """How many inline scripts of a page the policy blocks."""
    return sum(script_hash(body) not in trusted for body in inline_scripts(html))


def with_safe_links(html: str, own_host: str) -> str:
    def fix(match: re.Match[str]) -> str:
        attrs = match["attrs"]
        href = HREF.search(attrs)
        if href and urlsplit(href[1]).netloc == own_host:
            return match[0]
        attrs = re.sub(r"\s*rel=(\"[^\"]*\"|[^\s>]+)", "", attrs)
        return f'<a {attrs} rel="noopener noreferrer">'

    return EXTERNAL_LINK.sub(fix, html)


def harden(html: str, own_host: str, trusted: frozenset[str], wasm: bool = False) -> str:
    """html with safe external links and its policy (`wasm`: see `policy`)."""
    if MARKER in html:
        return html
    return with_policy(with_safe_links(html, own_host), trusted, wasm)
