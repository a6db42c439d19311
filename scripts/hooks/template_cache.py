"""MkDocs hook: keep the theme's compiled templates between builds.

MkDocs compiles Material's templates (about ninety) afresh for every build, and
mkdocs-static-i18n runs one build per language: about 0.4 s of CPU per `qa build`.
Jinja's own bytecode cache keeps the compiled form under build/cache/templates,
checked against each template's source; the folder is per MkDocs and Jinja version,
which decide how templates compile.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig


def on_env(env, config: MkDocsConfig, files):
    folder = Path(config.docs_dir).parent / "cache" / f"templates-mkdocs{version('mkdocs')}-jinja{version('jinja2')}"
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
