"""Last-updated dates come from git, one log for the whole folder (qa/history.py)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from qa.generate.history import edit_url, last_changed


def commit(root: Path, date: str, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{date}T12:00:00Z", "GIT_COMMITTER_DATE": f"{date}T12:00:00Z"}
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-qm", date], check=True, env=env)


def test_each_file_gets_the_date_of_its_last_commit(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    commit(tmp_path, "2026-01-02", {"content/questions/zh/01.md": "a", "content/questions/zh/02.md": "b"})
    commit(tmp_path, "2026-03-04", {"content/questions/zh/02.md": "b2", "README.md": "x"})
    dates = last_changed(tmp_path, tmp_path / "content" / "questions")
    assert dates == {
        tmp_path / "content/questions/zh/01.md": "2026-01-02",
        tmp_path / "content/questions/zh/02.md": "2026-03-04",
    }


def test_outside_a_git_checkout_there_are_no_dates(tmp_path):
    (tmp_path / "questions").mkdir()
    assert last_changed(tmp_path, tmp_path / "questions") == {}


def test_edit_link_points_at_the_source_on_the_main_branch(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "someone/fork")
    source = tmp_path / "content" / "questions" / "en" / "09.md"
    assert edit_url(tmp_path, source) == "https://github.com/someone/fork/edit/main/content/questions/en/09.md"
