"""The plugin's options, typed (as Material's plugins declare theirs)."""

from __future__ import annotations

from types import MappingProxyType

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

# How much a match in each field of a search document counts (see qa.plugin.search).
DEFAULT_SEARCH_FIELDS = MappingProxyType({"title": 20, "terms": 8, "text": 1, "note": 0.3, "parts": 1})


class QaConfig(Config):
    # the build folder `qa generate` stages into, relative to mkdocs.yml (qa.contract.Staged)
    build_dir = c.Type(str, default="build")
    # field terms for jieba's Chinese segmentation, relative to mkdocs.yml
    user_dictionary = c.Type(str, default="content/search/userdict.zh.txt")
    # search field → boost
    search_fields = c.Type(dict, default=dict(DEFAULT_SEARCH_FIELDS))
    # Pyodide's npm package (package-lock.json), relative to mkdocs.yml: copied into sites with coding problems
    pyodide_dir = c.Type(str, default="node_modules/pyodide")
    # append each language's build time to <build_dir>/timings.jsonl (for `qa bench`)
    timings = c.Type(bool, default=True)
