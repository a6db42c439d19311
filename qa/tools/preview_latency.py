"""`qa preview-latency`: from saving a question to the reloaded page, in the live preview.

For each size, a synthesized project (as `qa bench` makes it) is built, `qa serve`
runs on it, Chromium opens a question page, and the question's English prompt is
edited on disk; the time is taken from the write to the moment the open page shows
the new text (the preview rebuilt, told the page, and the page reloaded).  Three
edits per size, in a row; the median and the range are printed.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qa.layout import Layout
from qa.publish.chromium import launch
from qa.tools.bench import BUILD, synthesize

EDITS = 3


def measure(project: Layout, n: int) -> list[float]:
    from playwright.sync_api import sync_playwright  # a test dependency, only needed here

    with tempfile.TemporaryDirectory(prefix=f"qa-preview-{n}-") as folder:
        layout = synthesize(Path(folder), project, n)
        qa = [BUILD[0], "--root", str(layout.root)]
        subprocess.run([*qa, "build"], check=True, capture_output=True)
        # its own process group: the rebuilds it starts stop with it, before the folder goes
        server = subprocess.Popen(
            [*qa, "serve", "--no-build", "--port", "0"], stdout=subprocess.PIPE, text=True, start_new_session=True
        )
        try:
            url = re.search(r"(http://127\.0\.0\.1:\d+/\S*/)", server.stdout.readline())[1]
            source = layout.questions / "en" / f"{n // 2:04d}.md"
            slug = re.search(r"^slug: (.+)$", source.read_text(encoding="utf-8"), re.M)[1]
            seconds: list[float] = []
            with sync_playwright() as playwright:
                browser = launch(playwright)
                page = browser.new_page()
                page.goto(f"{url}en/questions/{slug}/")
                for edit in range(EDITS):
                    marker = f"edited {edit}"
                    text = source.read_text(encoding="utf-8")
                    prompt = re.search(r"^prompt: (.+)$", text, re.M)[1]
                    started = time.perf_counter()
                    source.write_text(
                        text.replace(f"prompt: {prompt}", f"prompt: {marker}. {prompt}", 1), encoding="utf-8"
                    )
                    page.wait_for_function(
                        f"() => document.querySelector('article').innerText.includes('{marker}')", timeout=300_000
                    )
                    seconds.append(round(time.perf_counter() - started, 2))
                    page.wait_for_timeout(500)
                browser.close()
            return seconds
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def report(results: dict[int, list[float]]) -> str:
    lines = ["| questions per language | save → reloaded page, s (median, range) |", "|---:|---:|"]
    for n, seconds in results.items():
        lines.append(f"| {n:,} | {statistics.median(seconds):g} ({min(seconds):g}–{max(seconds):g}) |")
    return "\n".join(lines)


def main(project: Layout, sizes: tuple[int, ...]) -> str:
    results = {n: measure(project, n) for n in sizes}
    print(report(results), file=sys.stdout)
    return report(results)
