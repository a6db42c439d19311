"""The authored parts of a generated page, put where its placeholders are.

`qa generate` renders every authored piece (answers, notes, examples, statements)
to sanitized HTML once and stages it under build/fragments; a page's Markdown holds
a placeholder comment for each (qa.contract.FRAGMENT).  MkDocs passes the comments
through untouched, and the plugin replaces them with the fragments here.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError

from qa import contract

PLACEHOLDER = re.compile(contract.FRAGMENT_PATTERN)


def fill(html: str, staged: contract.Staged, page: str) -> str:
    """html with every fragment placeholder replaced by its fragment."""

    def fragment(match: re.Match[str]) -> str:
        path = staged.fragment(match[1])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as err:
            raise PluginError(f"{page}: fragment {match[1]} is not staged ({err}) — run `qa generate` again") from err

    return PLACEHOLDER.sub(fragment, html) if "<!-- qa-fragment " in html else html
