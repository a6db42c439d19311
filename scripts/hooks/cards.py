"""MkDocs hook: publish the preview cards that `qa generate` drew.

They are staged in build/cards/<lang>/assets/cards/, beside the docs folder rather
than in it: 2,000 PNG files in docs_dir made MkDocs and mkdocs-static-i18n list,
sort and localize 2,000 more files in each language's build, only to copy them.
Each language's build copies its own cards to its root (Chinese at the site root,
English under en/), where the pages' og:image URLs point (hooks/page_head.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from i18n_build import current_language, language_folder
from mkdocs.config.defaults import MkDocsConfig


def on_post_build(config: MkDocsConfig) -> None:
    staged = Path(config.docs_dir).parent / "cards" / current_language(config)
    root = Path(config.site_dir) / language_folder(config)
    made: set[Path] = set()
    for card in staged.rglob("*.png"):
        target = root / card.relative_to(staged)
        if target.parent not in made:  # one folder holds them all: create it once
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        shutil.copyfile(card, target)
