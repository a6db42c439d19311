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
  uses with files of ours that do the same jobs (theme-state.js: the __md_* globals
  Material's bundle reads).  The settings that make Material write others are refused
  (check_theme).

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
# Material settings whose inline scripts the site has no file of its own for, and why
INLINE_ONLY_SETTINGS = {
    ("theme.features", "content.tabs.link"): "partials/javascripts/content.html: remembers the chosen tab",
    ("extra", "consent"): "partials/javascripts/consent.html: the cookie consent form",
    ("extra", "version"): "partials/javascripts/outdated.html: the outdated-version banner",
    ("extra", "scope"): "partials/javascripts/base.html: settings stored under a path other than the site's root",
}


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


def check_theme(features: list[str], extra: dict) -> list[str]:
    """The settings in mkdocs.yml that would make Material write an inline script no file of
    ours replaces (each one a message)."""
    found = []
    for (where, name), job in INLINE_ONLY_SETTINGS.items():
        if (name in features) if where == "theme.features" else (name in extra):
            found.append(
                f"mkdocs.yml: {where} sets {name}, whose script Material writes inline ({job}), and the "
                f"site's policy runs no inline script — leave it out, or first give that job to a script "
                f"file of ours (overrides/partials/javascripts/)"
            )
    return found
