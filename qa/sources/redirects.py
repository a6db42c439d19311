"""content/redirects.yml: retired slugs and the current slugs they lead to."""

from __future__ import annotations

from pathlib import Path

import yaml

from qa.model import Finding
from qa.urls import KEBAB


def load_redirects(path: Path, slugs: set[str]) -> tuple[dict[str, str], list[Finding]]:
    """Retired slug → current slug, each checked."""
    if not path.exists():
        return {}, []
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return {}, [
            Finding(path, (mark.line + 1) if mark else 1, f"malformed YAML: {err} — write `old-slug: new-slug`")
        ]
    if not isinstance(data, dict):
        return {}, [Finding(path, 1, "redirects must be a mapping — write one `old-slug: new-slug` per line")]
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value} if node else {}
    redirects: dict[str, str] = {}
    problems: list[Finding] = []
    for old, new in data.items():
        old, new, line = str(old), str(new), lines.get(str(old), 1)
        if old in slugs:
            problems.append(Finding(path, line, f"`{old}` is a current slug — remove this redirect"))
        elif not KEBAB.match(old):
            problems.append(Finding(path, line, f"`{old}` is not a kebab-case slug — write the retired slug"))
        elif new not in slugs:
            problems.append(Finding(path, line, f"redirect target `{new}` is not a question slug — use a current slug"))
        else:
            redirects[old] = new
    return redirects, problems
