"""A crawler over the whole built site: nothing outside the allowlist, no inline script,
and every page under a policy that runs the site's own script files only."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Every element the site's pages may hold: the theme's, the generator's and what authored
# Markdown may become (qa.sanitize).  Anything else — iframe, object, embed, base, style,
# a meta refresh on a page — got in from somewhere it should not have.
ELEMENTS = {
    *"html head body title meta link script noscript header nav main article section aside footer div span".split(),
    *"a button input label form select option output svg path details summary p br hr strong em code pre".split(),
    *"kbd sub sup del blockquote ul ol li table thead tbody tr th td h1 h2 h3 h4 h5 h6 time".split(),
    *"fieldset legend dl dt dd figure figcaption".split(),  # the calculator's form and outputs (qa.generate.calculator)
    "textarea",  # a coding problem's editor (qa.generate.problems)
    "use",  # a theme icon drawn from the site's sprite (qa.plugin.icons), and nothing else (SPRITE_USE)
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "data", "poster"}
SAFE_URL = re.compile(r"^(?:https?://[^/\s]|#|\.{0,2}/?[\w%.\-/?&=#]*$|data:image/svg\+xml)", re.I)
SPRITE_USE = re.compile(r"^(?:\.\./)*(?:/[\w.-]+/)?assets/icons\.svg#i[0-9a-f]{10}$")
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
POLICY = re.compile(r'<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"')


class Crawl(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ELEMENTS:
            self.problems.append(f"<{tag}>")
        if tag == "use" and not SPRITE_USE.match(dict(attrs).get("href") or ""):
            self.problems.append(f"<use href={dict(attrs).get('href')!r}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and value is not None:
                cleaned = re.sub(r"[\x00-\x20]", "", value)
                if cleaned and not SAFE_URL.match(cleaned):
                    self.problems.append(f"<{tag} {name}={value[:60]!r}>")
        if tag == "meta" and dict(attrs).get("http-equiv", "").lower() not in (
            "",
            "content-security-policy",
            "refresh",
        ):
            self.problems.append(f"<meta http-equiv={dict(attrs)['http-equiv']}>")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_element_attribute_and_url_is_in_the_allowlist(built_site):
    found = {}
    for page in pages(built_site):
        crawl = Crawl()
        crawl.feed(page.read_text(encoding="utf-8"))
        if crawl.problems:
            found[page.relative_to(built_site).as_posix()] = sorted(set(crawl.problems))
    assert found == {}


def test_no_page_has_an_inline_script_and_every_policy_runs_our_files_only(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        policy = POLICY.search(html)
        assert policy is not None, page
        script_src = next(d for d in policy[1].split(";") if d.strip().startswith("script-src")).split()[1:]
        assert script_src in (["'self'"], ["'self'", "'wasm-unsafe-eval'"]), f"{page}: {script_src}"
        inline = [body for attrs, body in INLINE_SCRIPT.findall(html) if "application/json" not in attrs]
        assert inline == [], f"{page}: an inline script"


def test_meta_refresh_only_on_the_redirect_pages(built_site, catalog):
    refreshing = {p for p in pages(built_site) if 'http-equiv="refresh"' in p.read_text(encoding="utf-8")}
    short_links = {p for p in refreshing if "/q/" in p.as_posix() or "/p/" in p.as_posix()}
    assert refreshing == short_links, sorted(str(p) for p in refreshing - short_links)[:5]
