"""MkDocs hook: one 404 page per language.

mkdocs-static-i18n renders the 404 template once per language but always to
site/404.html, so the last language built would win.  We keep each rendering
and write it where it belongs once every language is built.  GitHub Pages serves
only the root 404.html, which is why the Chinese one also carries an English line.
"""

from __future__ import annotations

from pathlib import Path

from i18n_build import building_other_languages, current_language, language_folder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_rendered: dict[str, str] = {}  # language → 404 page HTML


@event_priority(-50)  # keep the final (minified) rendering
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        _rendered[current_language(config)] = output
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if building_other_languages(config):
        return  # every 404 is written at the end
    for lang, html in _rendered.items():
        target = Path(config.site_dir) / language_folder(config, lang) / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
