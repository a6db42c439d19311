"""MkDocs hook: leave out theme files that no page of this site ever loads.

- assets/javascripts/lunr/: lunr's language plugins and segmenters, which only
  Material's own search worker loads; ours (overrides/assets/javascripts/workers/
  qa-search.js) stops Material's worker from handling any message and uses lunr's
  built-in English stemmer alone.
- *.map: source maps of Material's minified JavaScript, which only a browser's
  developer tools fetch.

Together about 2.1 MB of every site, whatever its number of questions.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

UNUSED_FOLDERS = ("assets/javascripts/lunr/",)
UNUSED_SUFFIXES = (".map",)


@event_priority(50)  # before mkdocs-static-i18n (-100) sorts the files per language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in list(files):
        from_theme = not file.abs_src_path or not file.abs_src_path.startswith(config.docs_dir)
        if from_theme and (file.src_uri.startswith(UNUSED_FOLDERS) or file.src_uri.endswith(UNUSED_SUFFIXES)):
            files.remove(file)
    return files
