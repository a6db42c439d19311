"""The walls that hold even when the validator and the sanitizer are out of the way:
the pages' CSP runs only the site's own script files, and the PDF printer loads
nothing but the local site."""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

from qa.plugin import csp
from qa.publish.pdf import _print
from qa.publish.server import serve_in_thread

INJECTED = "<script>window.__pwned = true</script>"


def test_the_csp_blocks_an_inline_script_that_got_into_a_page(browser, built_site, base_path, tmp_path):
    """As if validation and the sanitizer had let a script through: the page gets its policy
    from the plugin's own function."""
    page_file = built_site / "questions" / "quantization" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    bare = re.sub(r'<meta http-equiv="?Content-Security-Policy"?[^>]*>', "", html, count=1)
    injected = re.sub(r"(<body[^>]*>)", r"\1" + INJECTED, bare, count=1)
    site = tmp_path / "site"
    shutil.copytree(built_site / "assets" / "javascripts", site / "assets" / "javascripts")  # the theme's scripts
    target = site / "questions" / "quantization" / "index.html"
    target.parent.mkdir(parents=True)
    target.write_text(csp.with_policy(injected), encoding="utf-8")
    server, url = serve_in_thread(site, base_path)
    try:
        context = browser.new_context(base_url=url)
        context.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective))"
        )
        page = context.new_page()
        page.goto("questions/quantization/")
        assert page.evaluate("window.__pwned") is None  # the injected script did not run
        assert page.evaluate("typeof __md_scope") == "object"  # the theme's state script (a file of ours) ran
        assert page.evaluate("typeof document$") == "object"  # and Material's bundle started
        assert any(v.startswith("script-src") for v in page.evaluate("window.__violations"))
        context.close()
    finally:
        server.shutdown()


def test_the_pdf_printer_requests_nothing_outside_the_site(tmp_path: Path, base_path):
    site = tmp_path / "site"
    for folder in (site / "all", site / "en" / "all"):
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(
            '<!doctype html><html><head><meta charset="utf-8">'
            '<link rel="stylesheet" href="https://fonts.example.org/a.css"></head>'
            '<body><p>Printed.</p><img src="https://tracker.example.org/pixel.png" alt=""></body></html>',
            encoding="utf-8",
        )
    targets = {"zh": tmp_path / "zh.pdf", "en": tmp_path / "en.pdf"}
    result: dict[str, list[str]] = {}
    # one thread runs one Playwright: the session's browser lives in this one
    worker = threading.Thread(target=lambda: result.setdefault("aborted", _print(site, base_path, targets)))
    worker.start()
    worker.join(timeout=120)
    aborted = result["aborted"]
    assert all(path.stat().st_size > 0 for path in targets.values())
    assert {re.sub(r"^https://([^/]+)/.*$", r"\1", url) for url in aborted} == {
        "fonts.example.org",
        "tracker.example.org",
    }
