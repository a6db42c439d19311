"""The site's MkDocs plugin: renders what `qa generate` staged into the finished site.

mkdocs-static-i18n builds the default language, then the others nested in that
build's on_post_build, with this same plugin object; per-language state is kept on
it, keyed by language, and work for every language happens once, at the end of the
default language's build (qa.plugin.i18n.is_outermost).

Events, in the order MkDocs calls them:

- on_config: the language being built, its redirect map, the timer.
- on_files: theme files no page loads are left out; short links are indexed.
- on_nav: the sidebar's titles, also in a dirty build.
- on_env: Jinja's bytecode cache.
- on_page_context: head metadata; our search index replaces Material's.
- on_page_markdown: a hand-written page's title and description escaped.
- on_page_content: the authored fragments put in place (generated pages) or the page
  through the docs allowlist (hand-written pages); lighter highlighted code.
- on_post_page / on_post_template: the theme's icons drawn from one sprite
  (qa.plugin.icons), the HTML passes (qa.plugin.passes), the 404s kept; a question
  page heavier than its budget (qa.contract) fails the build, naming its source.
- on_post_build: cards, robots.txt, redirect pages; at the very end the search
  indexes, the 404 pages, the security policy of the remaining HTML files, the sprite,
  our stylesheets and scripts minified.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import shutil
import time
from html import escape as html_escape
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from qa import contract, urls
from qa.plugin import code, csp, dirty, fragments, i18n, icons, material, passes, search
from qa.plugin import redirects as short_links
from qa.plugin.config import QaConfig
from qa.plugin.head import head
from qa.sanitize import sanitize_docs_page

# Theme files no page of this site loads: lunr's language plugins and segmenters
# (only Material's own search worker loads them; ours uses lunr's English stemmer
# alone) and the source maps of Material's minified JavaScript (only developer tools
# fetch them).  About 2.1 MB of every site.
log = logging.getLogger("mkdocs.plugins.qa")

UNUSED_THEME_FOLDERS = ("assets/javascripts/lunr/",)
UNUSED_THEME_SUFFIXES = (".map",)


class QaPlugin(BasePlugin[QaConfig]):
    def __init__(self) -> None:
        # the languages being built: static-i18n builds the others inside the default's
        # on_post_build, so the default language is built before and after them
        self.building: list[str] = []
        self.started: dict[str, float] = {}  # language → when its build started
        self.roots: dict[str, Path] = {}  # language → folder of its pages in the site
        self.not_found: dict[str, str] = {}  # language → its rendered 404 page
        self.hardened: set[str] = set()  # HTML files written already hardened
        self.redirects: dict[str, object] = {}  # language → its mkdocs-redirects instance
        self.segmenter: search.Segmenter | None = None
        self.blocked = 0  # inline scripts in pages, which the policy blocks (counted for the log)
        self.runs_python = False  # whether a page of this build runs Python (then Pyodide is copied)
        self.icons: icons.Icons = {}  # the theme icons the pages of this build draw from the sprite

    @property
    def language(self) -> str:
        """The language whose build is running now."""
        return self.building[-1]

    # -- paths and facts -------------------------------------------------------

    def _path(self, config: MkDocsConfig, option: str) -> Path:
        return Path(config.config_file_path).parent / option

    def staged(self, config: MkDocsConfig) -> contract.Staged:
        return contract.Staged(self._path(config, self.config.build_dir))

    def facts(self, config: MkDocsConfig, runs_python: bool = False) -> passes.PageFacts:
        """What the HTML passes need to know of the page being written."""
        host = urlsplit(config.site_url or "").netloc
        return passes.PageFacts(urls.language_folder(self.language), host, runs_python)

    # -- on_config ---------------------------------------------------------------

    @event_priority(1000)  # first of all: the timer
    def _start_timer(self, config: MkDocsConfig) -> None:
        self.started["pending"] = time.perf_counter()

    @event_priority(-110)  # after static-i18n (-100) has set up this language's build
    def _setup_language(self, config: MkDocsConfig) -> None:
        dirty.expect_dirty_builds()
        i18n.check_languages(config)
        problems = material.check_theme(
            config.theme.get("features", []), config.markdown_extensions, config.extra, config.theme.get("palette")
        )
        if problems:
            raise PluginError("\n".join(problems))
        lang = i18n.building(config)
        if i18n.is_outermost(lang):  # a new build: forget the previous one's languages
            self.building.clear()
            self.roots.clear()
            self.not_found.clear()
            self.hardened.clear()
            self.redirects.clear()
            self.blocked = 0
            self.runs_python = False
            self.icons.clear()
        self.building.append(lang)
        self.started[self.language] = self.started.pop("pending", time.perf_counter())
        self.roots[self.language] = urls.language_dir(Path(config.site_dir), self.language)
        redirect_map = json.loads(self.staged(config).redirects.read_text(encoding="utf-8"))
        self.redirects[self.language] = short_links.redirect_plugin(redirect_map, self.language)
        if self.segmenter is None:
            self.segmenter = search.Segmenter(self._path(config, self.config.user_dictionary))

    on_config = CombinedEvent(_start_timer, _setup_language)

    # -- on_files ----------------------------------------------------------------

    @event_priority(50)  # before static-i18n (-100) sorts the files per language
    def _leave_out_unused_assets(self, files: Files, config: MkDocsConfig) -> Files:
        for file in list(files):
            from_theme = not file.abs_src_path or not file.abs_src_path.startswith(config.docs_dir)
            if from_theme and (
                file.src_uri.startswith(UNUSED_THEME_FOLDERS) or file.src_uri.endswith(UNUSED_THEME_SUFFIXES)
            ):
                files.remove(file)
        return files

    @event_priority(-150)  # after static-i18n (-100) has given the pages their final URLs
    def _index_short_links(self, files: Files, config: MkDocsConfig) -> Files:
        short_links.index_pages(self.redirects[self.language], files, config)
        return files

    on_files = CombinedEvent(_leave_out_unused_assets, _index_short_links)

    # -- on_nav ------------------------------------------------------------------

    def on_nav(self, nav, config: MkDocsConfig, files: Files):
        """In a dirty build MkDocs reads only the changed pages; the others still stand in
        every page's sidebar, so their titles are read from their front matter here."""
        for page in nav.pages:
            if not page.meta and page.file.abs_src_path:
                source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
                page.markdown, page.meta = get_data(source)  # as Page.read_source sets them
        return nav

    # -- on_env ------------------------------------------------------------------

    def on_env(self, env, config: MkDocsConfig, files: Files):
        """Compiled templates kept between builds (per MkDocs and Jinja version, which decide
        how templates compile)."""
        cache = self.staged(config).cache / f"templates-mkdocs{version('mkdocs')}-jinja{version('jinja2')}"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache))
        return env

    # -- on_template_context -----------------------------------------------------

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":  # no counterpart page: the language selector leads home
            i18n.point_selector_home(config)
        return context

    # -- on_page_context ---------------------------------------------------------

    @event_priority(10)  # before Material's search plugin (0) reads the page
    def _exclude_from_material_search(self, context, page: Page, config: MkDocsConfig, nav):
        # our index (qa.plugin.search) replaces the one Material's plugin builds: spare it the work
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return context

    @event_priority(0)
    def _head(self, context, page: Page, config: MkDocsConfig, nav):
        context["qa_head"] = head(
            self.language,
            page.url,
            page.meta or {},
            page.title or "",
            page.is_homepage,
            config.site_url or "/",
            config.site_name,
            config.site_description or "",
        )
        return context

    on_page_context = CombinedEvent(_exclude_from_material_search, _head)

    # -- on_page_content ---------------------------------------------------------

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not page.meta.get(contract.META_GENERATED):  # a hand-written page: its meta is plain text
            for key in (contract.META_TITLE, contract.META_DESCRIPTION):
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = html_escape(page.meta[key])
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.meta.get(contract.META_GENERATED):  # ready HTML around sanitized fragments
            html = fragments.fill(html, self.staged(config), page.file.src_uri)
        else:  # a hand-written page, as MkDocs rendered it
            html = sanitize_docs_page(html)
        return code.lean_code(html)

    # -- the HTML passes ---------------------------------------------------------

    @event_priority(-30)  # after the other plugins have edited the page; nothing edits it later
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self.hardened.add(os.path.normpath(page.file.abs_dest_path))
        runs_python = bool(page.meta.get(contract.META_RUNNER))
        self.runs_python |= runs_python
        self.blocked += csp.untrusted(output)
        html = passes.run_passes(self._share_icons(output), self.facts(config, runs_python))
        source = page.meta.get(contract.META_SOURCE)
        size = len(html.encode("utf-8"))
        if source and size > contract.PAGE_BUDGET_BYTES:  # a warning: the strict build fails
            log.warning(
                f"{source}: the question's page is {size:,} bytes, over the budget of "
                f"{contract.PAGE_BUDGET_BYTES:,} — shorten the note or the example"
            )
        return html

    def _share_icons(self, html: str) -> str:
        """The theme's inline icons as references to the sprite (qa.plugin.icons)."""
        html, used = icons.share(html)
        self.icons.update(used)
        return html

    @event_priority(-30)
    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output  # sitemap.xml
        output = passes.run_passes(self._share_icons(output), self.facts(config))
        # static-i18n renders 404.html once per language, always to the root 404.html: keep each
        self.not_found[self.language] = output
        return output

    # -- on_post_build -----------------------------------------------------------

    @event_priority(90)  # before static-i18n (-100) starts building the next language
    def _record_time(self, config: MkDocsConfig) -> None:
        if self.config.timings and self.language in self.started:
            seconds = time.perf_counter() - self.started.pop(self.language)
            with self.staged(config).timings.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"lang": self.language, "seconds": round(seconds, 3)}) + "\n")

    @event_priority(0)
    def _write_language_files(self, config: MkDocsConfig) -> None:
        root = self.roots[self.language]
        # preview cards, staged beside docs_dir: 2,000 PNGs in docs_dir made MkDocs and
        # static-i18n list, sort and localize 2,000 more files per language, only to copy them
        staged = self.staged(config).cards(self.language)
        made: set[Path] = set()
        for card in staged.rglob("*.png"):
            target = root / card.relative_to(staged)
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            if not _same_file(card, target):  # a dirty build keeps the cards it has
                shutil.copy2(card, target)
        short_links.write_pages(self.redirects[self.language], config)
        if i18n.is_outermost(self.language):
            site_url = config.site_url or "/"
            robots = f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"
            (Path(config.site_dir) / "robots.txt").write_text(robots, encoding="utf-8")

    @event_priority(-200)  # after static-i18n (-100) has built the other languages
    def _finish_site(self, config: MkDocsConfig) -> None:
        lang = self.building.pop()  # this language's build ends here
        if not i18n.is_outermost(lang):
            return  # once, when every language is built
        self._write_search_indexes(config)
        for lang, html in self.not_found.items():
            target = urls.language_dir(Path(config.site_dir), lang) / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(html, encoding="utf-8")
        self._harden_other_files(config)
        sprite = Path(config.site_dir) / icons.SPRITE  # a dirty build adds to the sprite the site has
        icons.write_sprite(sprite, icons.read_sprite(sprite) | self.icons)
        self._minify_own_files(config)
        if self.runs_python:
            self._copy_runner(config)
        if self.blocked:
            log.info(f"qa: {self.blocked} inline script(s) in pages; the pages' policy blocks them")

    on_post_build = CombinedEvent(_record_time, _write_language_files, _finish_site)

    def _minify_own_files(self, config: MkDocsConfig) -> None:
        """Our stylesheets (overrides/assets/*.css) and scripts (overrides/assets/javascripts/)
        as the site serves them: minified, as Material's come.  A dirty build finds them
        minified already and leaves them."""
        site, theme = Path(config.site_dir), Path(config.theme.custom_dir)
        ours = [*sorted((theme / "assets").glob("*.css")), *sorted((theme / "assets" / "javascripts").rglob("*.js"))]
        for source in ours:
            path = site / source.relative_to(theme)
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            minify = passes.minify_stylesheet if path.suffix == ".css" else passes.minify_script
            minified = minify(text)
            if minified != text:
                path.write_text(minified, encoding="utf-8")

    def _copy_runner(self, config: MkDocsConfig) -> None:
        """What the coding problems' pages run: Pyodide from its npm package (never a CDN)
        and the test harness, at the site root; copied only when they differ."""
        site = Path(config.site_dir)
        source = self._path(config, self.config.pyodide_dir)
        missing = [name for name in contract.PYODIDE_FILES if not (source / name).is_file()]
        if missing:
            raise PluginError(
                f"{source}: Pyodide is missing ({', '.join(missing)}) — run `npm ci` (make setup installs it)"
            )
        copies = {source / name: site / contract.PYODIDE_DIR / name for name in contract.PYODIDE_FILES}
        copies[self.staged(config).harness] = site / contract.HARNESS
        for origin, target in copies.items():
            if not _same_file(origin, target):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(origin, target)

    def _write_search_indexes(self, config: MkDocsConfig) -> None:
        staged = self.staged(config)
        assert self.segmenter is not None
        for lang, root in self.roots.items():
            docs = json.loads(staged.search_documents(lang).read_text(encoding="utf-8"))
            cache_file = staged.cache / f"search-{lang}.json"
            index = search.index_for(docs, lang, self.config.search_fields, self.segmenter, cache_file)
            (root / "search").mkdir(parents=True, exist_ok=True)
            search.write_json(root / urls.SEARCH_DOCUMENTS, index)
            # Material's page script fetches this file on every page load: keep it a stub,
            # so readers download the documents only when they first search
            search.write_json(root / urls.SEARCH_STUB, {"config": index["config"], "docs": []})

    def _harden_other_files(self, config: MkDocsConfig) -> None:
        """The HTML files not rendered as pages (mkdocs-redirects' pages), hardened in place.
        Their inline redirect script becomes our external one (the policy runs no inline script)."""
        host = urlsplit(config.site_url or "").netloc
        site = Path(config.site_dir)
        written = {str(site / page) for plugin in self.redirects.values() for page in short_links.pages(plugin, config)}
        for path in sorted(written - self.hardened):
            if Path(path).is_file():
                html = Path(path).read_text(encoding="utf-8")
                if csp.MARKER not in html:
                    root = posixpath.relpath(site.as_posix(), Path(path).parent.as_posix())
                    html = short_links.external_script(html, f"{root}/{urls.REDIRECT_SCRIPT}")
                    Path(path).write_text(csp.harden(html, host), encoding="utf-8")


def _same_file(source: Path, target: Path) -> bool:
    try:
        a, b = source.stat(), target.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and int(a.st_mtime) == int(b.st_mtime)
