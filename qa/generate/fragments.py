"""The fragments one build stages: each authored piece rendered once, named by its inputs."""

from __future__ import annotations

from pathlib import Path

from qa import contract
from qa.generate import render


class Fragments:
    """Collects the fragments of a build's pages.

    `folder` is where staged fragments live (build/fragments): a fragment already
    there is not rendered again.  Without a folder (unit tests) every fragment is
    rendered and kept in memory."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.wanted: dict[str, str | None] = {}  # key → HTML, or None when it is staged already
        self._renderer: render.Renderer | None = None

    @property
    def renderer(self) -> render.Renderer:
        if self._renderer is None:  # Python-Markdown and Pygments load only when something must render
            self._renderer = render.Renderer()
        return self._renderer

    def _staged(self, key: str) -> bool:
        return self.folder is not None and (self.folder / f"{key}.html").exists()

    def markdown(self, text: str, place: render.Place) -> str:
        """The placeholder of authored Markdown, rendered for `place`."""
        key = render.key("markdown", text, place)
        if key not in self.wanted:
            self.wanted[key] = None if self._staged(key) else self.renderer.fragment(text, place)
        return contract.fragment(key)

    def code(self, code: str, language: str) -> str:
        key = render.key(f"code:{language}", code)
        if key not in self.wanted:
            self.wanted[key] = None if self._staged(key) else render.code_block(code, language, self.renderer)
        return contract.fragment(key)

    def output(self, output: str, slug: str) -> str:
        key = render.key(f"output:{slug}", output)
        if key not in self.wanted:
            self.wanted[key] = None if self._staged(key) else render.output_block(output, slug)
        return contract.fragment(key)

    def html(self, key: str) -> str:
        """A fragment's HTML (rendered now, or read from where it is staged)."""
        html = self.wanted[key]
        if html is None:
            assert self.folder is not None
            return (self.folder / f"{key}.html").read_text(encoding="utf-8")
        return html
