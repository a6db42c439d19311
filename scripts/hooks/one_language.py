"""MkDocs hook: build one language only, when `qa build` runs one MkDocs per language.

mkdocs-static-i18n builds the default language, then each other language nested in
its on_post_build, one after the other in one process.  `qa build` instead starts
one MkDocs process per language at once (the machine has two cores) and merges
their sites (scripts/qa/build.py).  Each process is told its language by the
QA_BUILD_LANGUAGE environment variable, and this hook puts static-i18n in the
state its own nested builds run in: that language current, and `building` set,
so it does not build the other languages itself.  Those are two attributes of the
plugin (mkdocs-static-i18n 1.3.1), not options; were they renamed, each process
would build every language again (slower, same site).  tests/unit/test_build.py
compares the merged site with a one-process `mkdocs build`.  Without the variable
this hook does nothing.
"""

from __future__ import annotations

from i18n_build import only_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority


@event_priority(2000)  # before every other on_config, static-i18n's (-100) included
def on_config(config: MkDocsConfig) -> None:
    lang = only_language()
    if lang:
        i18n = config.plugins["i18n"]
        i18n.current_language = lang  # as static-i18n sets it before a nested build
        i18n.building = True  # as during its nested builds: build no other language
