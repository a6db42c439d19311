"""The generator↔plugin contract: what `qa generate` stages and what the MkDocs plugin reads.

`qa generate` (qa.generate) writes everything under the build folder; the MkDocs
plugin (qa.plugin) reads it back.  Both take the paths, page meta keys and HTML
markers from here, so a change on one side cannot silently miss the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# Keys the generator writes into a generated page's front matter (page.meta in MkDocs).
META_TITLE = "title"  # HTML-safe text: escaped by the generator
META_DESCRIPTION = "description"  # HTML-safe text
META_CARD = "card"  # the page's preview card, relative to its language root
META_NUMBER = "qa_number"  # set on question pages only
META_SOURCE = "qa_source"  # a question page's source and its note's line ("path:line"), for messages
# Bytes of a question page as the site serves it (30 KB, issue #20): the plugin fails the
# build on a heavier page, naming its META_SOURCE
PAGE_BUDGET_BYTES = 30 * 1024
META_ALL = "qa_all"  # set on the all-questions page only
META_GENERATED = "qa_generated"  # set on every generated page: the others are hand-written docs pages
META_RUNNER = "qa_runner"  # set on pages that run Python in the browser: their policy allows WebAssembly

# What a page that runs Python needs in the site (the plugin copies them there): Pyodide's
# interpreter and standard library, from the npm package, and the test harness.
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PYODIDE_DIR = "assets/pyodide"  # at the site root
HARNESS = "assets/runner/harness.py"  # at the site root (staged as Staged.harness)


# Where a rendered fragment of authored HTML goes (qa.generate.render writes the fragment,
# the plugin puts it in the page).  A comment on a line of its own passes Markdown untouched.
FRAGMENT = "<!-- qa-fragment {key} -->"
FRAGMENT_PATTERN = r"<!-- qa-fragment ([0-9a-f]{32}) -->"


def fragment(key: str) -> str:
    return FRAGMENT.format(key=key)


# Each question of the all-questions page is one <section> of this class: the PDF step
# prints the page in parts of a few questions, and reprints only the parts that changed.
PRINT_PART = "qa-print-part"

# Counts a hand-written docs page may show, written `{{ questions }}`: the generator puts
# the number in when it stages the page, so no count is ever written by hand.
DOC_COUNTS = ("questions", "seed_questions", "site_questions", "problems")
DOC_COUNT_PATTERN = r"\{\{\s*([a-z_]+)\s*\}\}"


@dataclass(frozen=True)
class Staged:
    """The build folder's generated parts, as both sides name them."""

    build: Path

    @property
    def docs(self) -> Path:  # MkDocs' docs_dir: authored docs/ pages and generated pages
        return self.build / "docs"

    @property
    def cache(self) -> Path:  # kept between builds: cards, example outputs, segmentation, templates, PDFs
        return self.build / "cache"

    def cards(self, lang: str) -> Path:  # preview cards, beside docs_dir (the plugin copies them)
        return self.build / "cards" / lang

    def search_documents(self, lang: str) -> Path:  # what each question is searched by
        return self.build / "search" / f"{lang}.json"

    def fragment(self, key: str) -> Path:  # sanitized HTML of authored Markdown, named by its inputs
        return self.build / "fragments" / f"{key}.html"

    @property
    def fragments(self) -> Path:
        return self.build / "fragments"

    @property
    def harness(self) -> Path:  # the coding problems' test harness (qa/check/harness.py), which pages fetch
        return self.build / "runner" / "harness.py"

    @property
    def redirects(self) -> Path:  # short links and retired slugs → pages, relative to a language root
        return self.build / "redirects.json"

    @property
    def snippets(self) -> Path:  # included by docs pages with pymdownx.snippets (mkdocs.yml names it)
        return self.build / "snippets"

    @property
    def timings(self) -> Path:  # one JSON line per language's MkDocs build (the plugin), for the benchmark
        return self.build / "timings.jsonl"

    @property
    def stages(self) -> Path:  # one JSON line per stage of `qa build` (qa.publish.timings)
        return self.build / "stages.jsonl"
