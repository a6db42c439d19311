"""MkDocs hook: how long each language's build takes, for `qa bench`.

Does nothing unless the QA_TIMINGS environment variable names a file; then it
appends one JSON line per language: {"lang": ..., "seconds": ...}.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from i18n_build import current_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

_started: dict[str, float] = {}


@event_priority(1000)  # first of all
def on_config(config: MkDocsConfig) -> None:
    _started[current_language(config)] = time.perf_counter()


@event_priority(90)  # before static-i18n (-100) starts building the next language
def on_post_build(config: MkDocsConfig) -> None:
    target = os.environ.get("QA_TIMINGS")
    lang = current_language(config)
    if target and lang in _started:
        seconds = time.perf_counter() - _started.pop(lang)
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(json.dumps({"lang": lang, "seconds": round(seconds, 3)}) + "\n")
