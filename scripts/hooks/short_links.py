"""MkDocs hook: feed the generated redirect map to the mkdocs-redirects plugin.

`qa generate` writes build/redirects.json (short links q/N/ and retired slugs,
relative to a language root).  mkdocs-static-i18n runs one build per language,
so each build gets the map for its own language: Chinese at the site root,
English under en/.
"""

from __future__ import annotations

import json
from pathlib import Path

from i18n_build import current_language, language_folder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(100)  # before the redirects plugin reads its config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = current_language(config)
    prefix = f"{language_folder(config)}/" if language_folder(config) else ""
    redirects = json.loads((Path(config.docs_dir).parent / "redirects.json").read_text(encoding="utf-8"))
    config.plugins["redirects"].config["redirect_maps"] = {
        f"{prefix}{old}": f"{lang}/{new}" for old, new in redirects.items()
    }
    return config


@event_priority(-150)  # after mkdocs-static-i18n (-100) has localized the files
def on_files(files, config: MkDocsConfig):
    # mkdocs-redirects indexes pages in its own on_files, which runs before the
    # i18n plugin moves Chinese pages to the site root; index them again so each
    # redirect points at the page's final URL.
    config.plugins["redirects"].on_files(files, config=config)
    return files
