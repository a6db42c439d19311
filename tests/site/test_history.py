"""Every question page shows when its source last changed (git) and links to edit it."""

from __future__ import annotations

import subprocess

import pytest

from qa.generate.history import edit_url

from .helpers import soup


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_question_pages_show_last_commit_date_and_edit_link(built_site, catalog, layout, lang):
    root = built_site if lang == "zh" else built_site / lang
    for q in catalog.in_language(lang):
        history = soup(root / "questions" / q.slug / "index.html").select_one("p.qa-history")
        assert history is not None, q.slug
        expected = subprocess.run(
            ["git", "-C", str(layout.root), "log", "-1", "--format=%cs", "--", str(q.path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        time = history.find("time")
        if expected:  # committed
            assert time is not None and time["datetime"] == expected and time.get_text() == expected, q.slug
        else:  # a new, uncommitted source has no date yet
            assert time is None
        link = history.find("a")
        assert link["href"] == edit_url(layout.root, q.path)
        assert link["href"].endswith(f"/edit/main/content/questions/{lang}/{q.path.name}")
        assert q.path.is_file()
