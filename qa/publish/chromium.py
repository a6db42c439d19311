"""Debian's Chromium, driven by Playwright (which never downloads a browser here).

Used by the PDF step of the build, `qa latency` and the browser tests.
"""

from __future__ import annotations

import os
import shutil

ARGS = [
    "--no-sandbox",  # the build and tests run as root in CI containers
    "--disable-gpu",
    "--no-first-run",
    # keep Chromium from calling home: the network is closed here
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ChromiumMissing(RuntimeError):
    pass


def chromium_path() -> str:
    """$CHROMIUM, else `chromium` on PATH."""
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise ChromiumMissing(
            "Chromium not found — install Debian's package: bash scripts/system-packages.sh chromium "
            "(or set CHROMIUM to a Chromium binary)"
        )
    return path


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
