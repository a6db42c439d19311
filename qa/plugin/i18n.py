"""Adapter: which language mkdocs-static-i18n (1.3.x) is building, read from its documented surface.

static-i18n builds the default language first and then, inside that build's
on_post_build, every other language, in one process and with the same plugin
objects.  For each language it sets `theme.language` (its documented
`reconfigure_material` behaviour) in its on_config at priority -100, so an
on_config that runs after it reads the language there.  Its options (the
`languages` list) name the default language.  Nothing else of the plugin is read.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from qa.model import DEFAULT_LANGUAGE, LANGUAGES

PLUGIN = "i18n"


def building(config: MkDocsConfig) -> str:
    """The language this build is for (call from an on_config after priority -100)."""
    lang = config.theme["language"]
    if lang not in LANGUAGES:
        raise PluginError(f"theme.language is {lang!r}, not one of {LANGUAGES} — check the i18n plugin in mkdocs.yml")
    return lang


def check_languages(config: MkDocsConfig) -> None:
    """The languages mkdocs.yml builds must be the content's, with the same default."""
    languages = config.plugins[PLUGIN].config.languages
    built = [lang.locale for lang in languages if lang.build]
    default = [lang.locale for lang in languages if lang.default]
    if sorted(built) != sorted(LANGUAGES) or default != [DEFAULT_LANGUAGE]:
        raise PluginError(
            f"mkdocs.yml builds {built} with default {default}; the content has {list(LANGUAGES)} "
            f"with default {DEFAULT_LANGUAGE!r} — make plugins.i18n.languages match"
        )


def point_selector_home(config: MkDocsConfig) -> None:
    """Material's language selector (`extra.alternate`, a documented Material option) set to
    each language's home, as static-i18n sets it up before it fits it to each page.

    The 404 page has no counterpart in the other language: it links to the homes.  (static-i18n
    fits the selector in each page's on_page_context; the 404 template, rendered without a
    page, would otherwise keep the links of the last page of the previous language.)"""
    base = urlsplit(config.site_url or "/").path.rstrip("/")
    languages = config.plugins[PLUGIN].config.languages
    homes = [{"name": lang.name, "link": f"{base}{lang.link}", "lang": lang.locale} for lang in languages if lang.build]
    # static-i18n assigns the selector as an attribute of `extra` (which templates read
    # before the item of the same name); set both
    config.extra["alternate"] = homes
    config.extra.alternate = homes


def is_outermost(lang: str) -> bool:
    """Whether this build's on_post_build runs after every language is built (the default's)."""
    return lang == DEFAULT_LANGUAGE
