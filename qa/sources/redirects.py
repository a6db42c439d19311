"""content/redirects.yml: retired slugs and the current slugs they lead to."""

from __future__ import annotations

from pathlib import Path

import yaml

from qa.model import Finding, quoted
from qa.sources.files import read_text
from qa.sources.frontmatter import parse_yaml
from qa.urls import KEBAB


def load_redirects(path: Path, slugs: set[str], root: Path) -> tuple[dict[str, str], list[Finding]]:
    """Retired slug → current slug, each checked."""
    if not path.exists() and not path.is_symlink():
        return {}, []
    text, problems = read_text(path, root)
    if text is None:
        return {}, problems
    node, data, problems = parse_yaml(path, text, what="redirects file")
    if problems:
        return {}, problems
    data = data or {}
    if not isinstance(data, dict):
        return {}, [Finding(path, 1, "redirects must be a mapping — write one `old-slug: new-slug` per line")]
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    redirects: dict[str, str] = {}
    problems: list[Finding] = []
    for old, new in data.items():
        old, new, line = str(old), str(new), lines.get(str(old), 1)
        if old in slugs:
            problems.append(Finding(path, line, f"`{quoted(old)}` is a current slug — remove this redirect"))
        elif not KEBAB.match(old):
            problems.append(Finding(path, line, f"`{quoted(old)}` is not a kebab-case slug — write the retired slug"))
        elif new not in slugs:
            problems.append(
                Finding(path, line, f"redirect target `{quoted(new)}` is not a question slug — use a current slug")
            )
        else:
            redirects[old] = new
    return redirects, problems
