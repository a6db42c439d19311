"""Adapter: the parts of Material for MkDocs that have no public API, written against 9.8.1.

- Every page carries Material's settings as JSON in `<script id="__config"
  type="application/json">`: `base` (where the search index is fetched from) and
  `search` (the search worker's URL).  Each language fetches its own index, from a
  worker of ours (overrides/assets/javascripts/workers/qa-search.js) that speaks
  the message protocol of Material's worker and loads it for lunr.
- Material's search panel is a role="dialog" without an accessible name (axe:
  aria-dialog-name); it gets the name of the search field inside it.
- Material's templates write inline scripts (partials/javascripts/*.html); the site's
  policy runs none, so overrides/partials/javascripts/ replaces the three this site
  would write: one file of ours, assets/javascripts/theme.js, defines the __md_*
  globals Material's bundle reads and applies the stored colour scheme; the tab script
  has no tabs to serve.  The settings that would need others are refused (check_theme).

tests/unit/test_plugin_material.py fails when the installed Material is not the
version below: read this module and qa-search.js again before moving the pin.
"""

from __future__ import annotations

import json
import re

WRITTEN_FOR = "9.8.1"

CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
WORKER = re.compile(r"^(?P<folder>.*/)(?P<name>search\.[0-9a-f]+\.min\.js)$")
DIALOG = 'data-md-component="search" role="dialog">'
FIELD_LABEL = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]+)"')
OUR_WORKER = "qa-search.js"
# Settings that make Material write an inline script no file of ours replaces: (where in
# mkdocs.yml, the setting, the script's partial and job)
INLINE_ONLY_SETTINGS = (
    ("theme.features", "content.tabs.link", "partials/javascripts/content.html: remembers the chosen tab"),
    ("theme.features", "announce.dismiss", "partials/javascripts/announce.html: hides a dismissed announcement"),
    ("markdown_extensions", "pymdownx.tabbed", "partials/javascripts/content.html: opens the tab a link names"),
    ("extra", "analytics", "partials/integrations/analytics/*.html: the analytics loader, in <head>"),
    ("extra", "consent", "partials/javascripts/consent.html: the cookie consent form"),
    ("extra", "version", "partials/javascripts/outdated.html: the outdated-version banner"),
    ("extra", "scope", "partials/javascripts/base.html: settings stored under a path other than the site's root"),
)


def edit_config(html: str, base_prefix: str, documents: str) -> str:
    """The page's __config as compact UTF-8 JSON, its search pointed at our worker and index.

    base_prefix: appended to `base` (the language's folder with a slash, e.g. 'en/', or '');
    documents: the language's search documents, relative to the worker."""

    def edit(match: re.Match[str]) -> str:
        data = json.loads(match[2])
        worker = WORKER.match(data.get("search") or "")
        if worker is None:
            raise ValueError(f"Material's search worker is not where {WRITTEN_FOR} puts it: {data.get('search')!r}")
        data["search"] = f"{worker['folder']}{OUR_WORKER}?material={worker['name']}&index={documents}"
        if base_prefix:  # asset URLs keep using the site root; only the search base moves
            data["base"] = f"{data['base']}/{base_prefix}"
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        return match[1] + text.replace("</", "<\\/") + match[3]

    return CONFIG.sub(edit, html, count=1)


def name_search_dialog(html: str) -> str:
    label = FIELD_LABEL.search(html)
    if label is None or DIALOG not in html:
        return html
    return html.replace(DIALOG, f'data-md-component="search" role="dialog" aria-label="{label[1]}">', 1)


def check_theme(features: list[str], extensions: list[str], extra: dict, palette: object) -> list[str]:
    """The settings in mkdocs.yml that would make Material write an inline script no file of
    ours replaces, or skip the one that loads ours (each one a message)."""
    set_extra = {name for name, value in extra.items() if value}  # Material ignores an empty setting
    present = {"theme.features": set(features), "markdown_extensions": set(extensions), "extra": set_extra}
    found = [
        f"mkdocs.yml: {where} sets {name}, whose script Material writes inline ({job}), and the "
        f"site's policy runs no inline script — leave it out, or first give that job to a script "
        f"file of ours (overrides/partials/javascripts/)"
        for where, name, job in INLINE_ONLY_SETTINGS
        if name in present[where]
    ]
    if isinstance(palette, dict):
        found.append(
            "mkdocs.yml: theme.palette is a single palette, with which Material leaves out the palette "
            "script that loads assets/javascripts/theme.js (the theme's settings) — write it as a list"
        )
    return found
