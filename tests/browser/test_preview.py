"""The live preview: save a source, and the open page reloads with the change."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


@pytest.fixture
def preview(tmp_path):
    """A small project, built, with `qa serve` running on it; yields (project, url)."""
    project = tmp_path / "project"
    shutil.copytree(DATA / "valid", project)
    for part in ("mkdocs.yml", "overrides", "content/search"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, dirs_exist_ok=True)
        else:
            shutil.copy2(source, project / part)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    qa = [sys.executable, "-m", "qa", "--root", str(project)]
    build = subprocess.run([*qa, "build"], capture_output=True, text=True, env=env, check=False)
    assert build.returncode == 0, build.stderr
    server = subprocess.Popen(
        [*qa, "serve", "--no-build", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        line = server.stdout.readline()
        url = re.search(r"(http://127\.0\.0\.1:\d+/\S*/)", line)[1]
        yield project, url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_saving_a_question_reloads_the_open_page_and_a_broken_save_shows_where(browser, preview):
    project, url = preview
    page = browser.new_page()
    page.goto(f"{url}en/questions/second-question/")
    assert "Answer the second question." in page.locator("article").inner_text()
    source = project / "content" / "questions" / "en" / "02.md"
    good = source.read_text(encoding="utf-8")
    started = time.monotonic()
    source.write_text(good.replace("Answer the second question.", "Answer it, freshly saved."), encoding="utf-8")
    page.wait_for_function(
        "() => document.querySelector('article').innerText.includes('freshly saved')", timeout=30_000
    )
    print(f"saved → reloaded page: {time.monotonic() - started:.2f} s (a small project, on a shared machine)")
    # a broken save: the page stays the last good one and says what is wrong, where
    source.write_text(good.replace("topic: memory", "topic: nowhere"), encoding="utf-8")
    alert = page.locator("pre[role=alert]")
    alert.wait_for(timeout=30_000)
    assert "content/questions/en/02.md:4: topic `nowhere` differs from the Chinese source's" in alert.inner_text()
    assert "freshly saved" in page.locator("article").inner_text()
    # the published site holds no trace of the preview
    site = project / "site"
    assert not any(b"__qa__" in p.read_bytes() for p in site.rglob("*") if p.is_file())
    page.close()
