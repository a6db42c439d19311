"""Shared by the hooks: which language the current build is for.

mkdocs-static-i18n runs one MkDocs build per language: the default language
(Chinese, at the site root) first, the others (English, under en/) nested inside
its on_post_build.  MkDocs puts this folder on sys.path while it loads a hook,
so the hooks import this module by name.  (It is not itself a hook.)
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig


def only_language() -> str | None:
    """The one language this process builds, when `qa build` runs one MkDocs per
    language (see hooks/one_language.py); None when static-i18n builds them all."""
    return os.environ.get("QA_BUILD_LANGUAGE") or None


def current_language(config: MkDocsConfig) -> str:
    i18n = config.plugins["i18n"]
    return i18n.current_language or i18n.default_language


def default_language(config: MkDocsConfig) -> str:
    return config.plugins["i18n"].default_language


def language_folder(config: MkDocsConfig, lang: str | None = None) -> str:
    """The language's folder under the site root: '' for the default language."""
    lang = lang or current_language(config)
    return "" if lang == default_language(config) else lang


def building_other_languages(config: MkDocsConfig) -> bool:
    """True inside the nested builds; work for all languages belongs after them.

    A process that builds one language has no nested builds: its end is the end."""
    return not only_language() and bool(config.plugins["i18n"].building)
