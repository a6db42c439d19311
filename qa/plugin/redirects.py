"""Adapter: short links and retired slugs, written by mkdocs-redirects (1.2.x).

mkdocs-redirects is configured with `redirect_maps` (its documented option) and
indexes the site's pages in its on_files.  static-i18n moves each language's pages
to their final place in its own on_files (priority -100), after the redirects
plugin would have run, so our plugin does not list mkdocs-redirects in mkdocs.yml:
it owns one instance and calls its two plugin events itself, on_files after the
pages have their final URLs and on_post_build, once per language.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs_redirects.plugin import RedirectPlugin

from qa import urls


def redirect_plugin(redirects: dict[str, str], lang: str) -> RedirectPlugin:
    """A configured mkdocs-redirects for one language.

    redirects: old page → new page, both relative to a language root (build/redirects.json)."""
    folder = urls.language_folder(lang)
    prefix = f"{folder}/" if folder else ""
    plugin = RedirectPlugin()
    errors, warnings = plugin.load_config(
        {"redirect_maps": {f"{prefix}{old}": f"{lang}/{new}" for old, new in redirects.items()}}
    )
    if errors:
        raise ValueError(f"mkdocs-redirects refused its configuration: {errors}")
    return plugin


def index_pages(plugin: RedirectPlugin, files: Files, config: MkDocsConfig) -> None:
    plugin.on_files(files, config=config)


def write_pages(plugin: RedirectPlugin, config: MkDocsConfig) -> None:
    plugin.on_post_build(config=config)


def pages(plugin: RedirectPlugin, config: MkDocsConfig) -> list[str]:
    """The files the plugin writes, relative to the site folder (a page's dest path for each old page)."""
    use_directory_urls = config.use_directory_urls
    return [File(old, "", "", use_directory_urls).dest_uri for old in plugin.config["redirect_maps"]]


# The inline script mkdocs-redirects writes (1.2.x) keeps the #anchor of the old address.
INLINE_REDIRECT = re.compile(
    r"<script>var anchor=window\.location\.hash\.substr\(1\);location\.href=.*?</script>", re.S
)


def external_script(html: str, src: str) -> str:
    """A redirect page with its inline script replaced by ours (overrides/assets/javascripts/
    qa-redirect.js does the same), so no inline script needs trusting; meta refresh stays."""
    return INLINE_REDIRECT.sub(f'<script src="{src}"></script>', html, count=1)
