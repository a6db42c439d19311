"""Our own stylesheets are served minified (every page loads qa.css: the first-visit budget)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_own_stylesheets_are_minified_and_keep_every_rule(built_site):
    for source in sorted((ROOT / "overrides" / "assets").glob("*.css")):
        served = (built_site / "assets" / source.name).read_text(encoding="utf-8")
        authored = source.read_text(encoding="utf-8")
        assert "/*" not in served and len(served) < 0.8 * len(authored), source.name
        without_comments = re.sub(r"/\*.*?\*/", "", authored, flags=re.S)
        for name in set(re.findall(r"\.([a-z][\w-]*)\b", without_comments)):
            assert f".{name}" in served, (source.name, name)  # no rule lost
