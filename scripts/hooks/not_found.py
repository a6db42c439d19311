"""MkDocs hook: one 404 page per language.

mkdocs-static-i18n renders the 404 template once per language but always to
site/404.html, so the last language built would win.  We keep each rendering
and write it where it belongs once every language is built.  GitHub Pages serves
only the root 404.html, which is why the Chinese one also carries an English line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_rendered: dict[str, str] = {}  # language → 404 page HTML


def _language(config: MkDocsConfig) -> tuple[str, bool]:
    i18n = config.plugins["i18n"]
    lang = i18n.current_language or i18n.default_language
    return lang, lang == i18n.default_language


@event_priority(-50)  # keep the final (minified) rendering
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[_language(config)[0]] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # a nested build of one language: every 404 is written at the end
    default = config.plugins["i18n"].default_language
    for lang, html in _rendered.items():
        target = Path(config.site_dir) / ("" if lang == default else lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
