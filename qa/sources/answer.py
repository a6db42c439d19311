"""Parse an answer body: one lead sentence, then `- **term：** text` bullets.

Shared by the seed importer and the seed comparison test, so both read answers
the same way.
"""

from __future__ import annotations

import re

from qa.model import Bullet

# `- **并行计算：** 利用…` (Chinese, full-width colon) or `- **Parallel computing:** Use…`
BULLET = re.compile(r"^- \*\*(?P<term>[^*]+?)(?:：|:)\*\* (?P<text>.+)$")


def parse_answer(markdown: str) -> tuple[str, list[Bullet]]:
    """Return the lead paragraph and the bullets of an answer."""
    lead_lines: list[str] = []
    bullets: list[Bullet] = []
    for line in markdown.strip().splitlines():
        match = BULLET.match(line.strip())
        if match:
            bullets.append(Bullet(match["term"].strip(), match["text"].strip()))
        elif line.strip() and not bullets:
            lead_lines.append(line.strip())
    return " ".join(lead_lines), bullets
