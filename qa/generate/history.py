"""When each source file last changed, and where to edit it.

One `git log` over the questions folder gives every file's last commit date (a
`git log -1` per file would cost a process per question).  Outside a git checkout
(a tarball, the benchmark's temporary projects) there are no dates and pages show
none.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import urlencode

DEFAULT_REPO_URL = "https://github.com/miaotui/llm-inference-qa"
BRANCH = "main"
CORRECTION_FORM = "correction.yml"  # .github/ISSUE_TEMPLATE/
PAGE_FIELD = "page"  # the id of the form's field for the page's address


def repo_url() -> str:
    """The repository's web address: GitHub Actions names it; else the default."""
    server, repository = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
    return f"{server}/{repository}" if server and repository else DEFAULT_REPO_URL


def report_url(number: int, lang: str, page: str, kind: str = "question") -> str:
    """A new issue on GitHub from the correction form (.github/ISSUE_TEMPLATE/correction.yml),
    its title naming the question and language and its "page" field the page's address.
    An issue form takes no body: its fields are filled by their ids."""
    title = f"Correction: {kind} {number} ({lang})"
    query = urlencode({"template": CORRECTION_FORM, "title": title, PAGE_FIELD: page})
    return f"{repo_url()}/issues/new?{query}"


def edit_url(root: Path, source: Path) -> str:
    return f"{repo_url()}/edit/{BRANCH}/{source.relative_to(root).as_posix()}"


def last_changed(root: Path, folder: Path) -> dict[Path, str]:
    """File → date (YYYY-MM-DD) of the last commit that changed it, for files under folder."""
    try:
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--relative", "--", str(folder)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[Path, str] = {}
    for entry in log.split("\0")[1:]:  # newest commit first
        date, *names = entry.strip().splitlines()
        for name in filter(None, names):
            dates.setdefault(root / name, date)
    return dates
