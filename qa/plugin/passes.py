"""The HTML passes every rendered page goes through, in the order they run.

Each pass takes the page's HTML and what it needs to know about the page, and
returns new HTML.  The order is written once, in PAGE_PASSES: the passes that edit
the HTML come first, minifying follows, and the security policy comes last (it goes
before every script of the page, so nothing may add one after it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType

import minify_html
import rjsmin

from qa.plugin import csp, material

MINIFY = MappingProxyType(
    {
        "keep_closing_tags": True,
        "keep_html_and_head_opening_tags": True,
        "minify_js": False,  # pages have no inline scripts (qa.plugin.csp); JSON data blocks stay as written
        "minify_css": False,
    }
)


@dataclass(frozen=True)
class PageFacts:
    """What the passes need to know about the page being written."""

    language_folder: str  # '' for the default language, else e.g. 'en'
    own_host: str  # site_url's host: links there are not external
    runs_python: bool = False  # a coding problem's page: Pyodide compiles WebAssembly


def name_search_dialog(html: str, facts: PageFacts) -> str:
    return material.name_search_dialog(html)


def point_search(html: str, facts: PageFacts) -> str:
    """Search fetches this language's index, through our worker (qa.plugin.material)."""
    folder = f"{facts.language_folder}/" if facts.language_folder else ""
    # the worker lives in assets/javascripts/workers/ at the site root
    documents = f"../../../{folder}search/documents.json"
    return material.edit_config(html, folder, documents)


def minify(html: str, facts: PageFacts) -> str:
    return minify_html.minify(html, **MINIFY)


def minify_stylesheet(css: str) -> str:
    """One of our own stylesheets, minified as minify-html minifies a <style> element (its
    comments and spaces are a third of it gzipped: every page loads qa.css)."""
    minified = minify_html.minify(f"<style>{css}</style>", minify_css=True)
    return minified.removeprefix("<style>").removesuffix("</style>")


def minify_script(js: str) -> str:
    """One of our own scripts, minified by rjsmin: comments and spaces out, every token and
    the newlines automatic semicolon insertion needs kept (a third of qa.js gzipped, which
    every first visit downloads)."""
    return rjsmin.jsmin(js).strip() + "\n"


def harden(html: str, facts: PageFacts) -> str:
    return csp.harden(html, facts.own_host, facts.runs_python)


Pass = Callable[[str, PageFacts], str]
PAGE_PASSES: tuple[Pass, ...] = (name_search_dialog, point_search, minify, harden)


def run_passes(html: str, facts: PageFacts, passes: tuple[Pass, ...] = PAGE_PASSES) -> str:
    for page_pass in passes:
        html = page_pass(html, facts)
    return html
