"""Lighthouse (mobile) on the built site, served with gzip as GitHub Pages serves it.

The site is built for the local server's own address, so canonical URLs and
hreflang alternates point where Lighthouse is looking.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
from pathlib import Path

import pytest

from qa.publish.build import run_mkdocs
from qa.publish.chromium import ARGS as CHROMIUM_ARGS
from qa.publish.server import make_server

from .conftest import chromium_path

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = ["", "questions/", "questions/quantization/", "en/", "en/questions/", "en/questions/quantization/"]
BUDGET_KIB = 75  # first visit, everything transferred (the default setup's weight)
RUNS = 5  # runs whose median performance score is judged when the first run falls short


@pytest.fixture(scope="module")
def local_site(layout, built_site, base_path, tmp_path_factory):
    """The site rebuilt for http://127.0.0.1:<port><base>/ and served from there."""
    folder = tmp_path_factory.mktemp("lighthouse-site")
    server = make_server(folder, base_path)
    url = f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    os.environ["SITE_URL"] = url
    try:
        assert run_mkdocs(layout, folder, quiet=True) == 0
    finally:
        del os.environ["SITE_URL"]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


def lighthouse(url: str, report: Path) -> dict:
    if not LIGHTHOUSE.exists():
        pytest.fail("node_modules/lighthouse is missing: run `make setup`")
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--only-categories=performance,accessibility,best-practices,seo",
        f"--chrome-flags={flags}",
    ]
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    subprocess.run(command, check=True, env=env, timeout=180, capture_output=True)
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_mobile_scores_and_weight(local_site, tmp_path, path):
    result = lighthouse(local_site + path, tmp_path / "report.json")
    scores = {name: category["score"] for name, category in result["categories"].items()}
    if scores["performance"] < 0.95:
        # the performance score is a timing on a shared machine: judged by the median of
        # five runs, which Lighthouse's variability guide (docs/variability.md) says halves
        # the spread of one run (the other categories are not timings)
        more = [lighthouse(local_site + path, tmp_path / f"report-{i}.json") for i in range(1, RUNS)]
        runs = sorted([result, *more], key=lambda r: r["categories"]["performance"]["score"])
        result = runs[RUNS // 2]
        scores = {name: category["score"] for name, category in result["categories"].items()}
    failing = {
        audit["id"]: audit.get("displayValue", "")
        for audit in result["audits"].values()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    }
    weight_kib = result["audits"]["total-byte-weight"]["numericValue"] / 1024
    print(f"{path or '/'}: {scores}, {weight_kib:.1f} KiB")
    assert scores["performance"] >= 0.95, (scores, failing)
    assert scores["accessibility"] == 1, failing
    assert scores["best-practices"] == 1, failing
    assert scores["seo"] == 1, failing
    assert weight_kib <= BUDGET_KIB
