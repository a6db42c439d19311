"""The coding problems in Chromium: Python runs in the page from the site's own Pyodide,
the reference solution passes, the starter and a wrong answer fail, an endless loop is
stopped within the limit and the page keeps working, the reader's code is kept, the
editor is usable with a keyboard, and no request leaves the site."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest

from qa.generate.problems import TIME_LIMIT_SECONDS

from .test_accessibility import AXE, violations
from .test_security import WATCH_CSP

# three problems of different kinds: a function over lists, a class under operations,
# an exact check of a distribution; and one of them in English
PROBLEMS = ["problems/online-softmax/", "problems/paged-kv-allocator/", "en/problems/speculative-verify/"]
LOAD_SECONDS = 120  # downloading and starting Pyodide on a loaded machine
WRONG = {  # a plausible wrong answer per problem: must fail
    "problems/online-softmax/": "def tile_state(s, v):\n    return (0.0, 0.0, [])\n",
}


@pytest.fixture
def runner(browser, site_url):
    """A page whose every request is watched: anything outside the site is recorded and refused."""
    context = browser.new_context(base_url=site_url, viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_CSP)
    own = urlsplit(site_url).netloc
    outside: list[str] = []

    def route(request_route) -> None:
        if urlsplit(request_route.request.url).netloc == own:
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, outside, errors
    context.close()


def run(page, code: str, timeout_s: float = LOAD_SECONDS) -> tuple[str, int, int, float]:
    """Put code in the editor, press Run; (status, passed, total, seconds) once the summary says."""
    page.fill("[data-qa-editor]", code)
    start = time.monotonic()
    page.click("[data-qa-run]")
    page.wait_for_selector("[data-qa-summary][data-status]", state="attached", timeout=timeout_s * 1000)
    seconds = time.monotonic() - start
    summary = page.locator("[data-qa-summary]")
    tests = page.locator("[data-qa-test]")
    passed = page.locator('[data-qa-test][data-status="pass"]').count()
    return summary.get_attribute("data-status"), passed, tests.count(), seconds


def solution(page) -> str:
    return page.locator("[data-qa-solution] pre code").first.text_content()


@pytest.mark.parametrize("path", PROBLEMS)
def test_reference_passes_starter_fails_and_nothing_leaves_the_site(runner, path):
    page, outside, errors = runner
    page.goto(path)
    starter = page.locator("[data-qa-editor]").input_value()
    status, passed, total, _ = run(page, starter)
    assert status == "fail" and passed < total, (status, passed, total)
    failed = page.locator('[data-qa-test][data-status="fail"]').first
    assert "NotImplementedError" in failed.text_content()  # the starter's own error, shown
    status, passed, total, _ = run(page, solution(page))
    assert (status, passed) == ("pass", total), (status, passed, total)
    assert total > page.locator(".qa-cases li").count()  # the further tests ran too
    if path in WRONG:
        status, passed, total, _ = run(page, WRONG[path])
        assert status == "fail" and passed < total
    assert outside == []
    assert page.evaluate("window.__violations") == []
    assert errors == []


def test_a_readers_helper_named_like_a_test_helper_stays_the_readers(runner):
    # sampling-filters' tests.py has its own `_renorm(logits, temperature, keep)`; the
    # reader's one-argument `_renorm` must be the one the reader's function calls
    page, outside, errors = runner
    page.goto("problems/sampling-filters/")
    helper = (
        "\n\ndef _renorm(ws):\n    total = sum(ws)\n    return [w / total for w in ws]\n\n\n"
        "_reference = sampling_probs\n\n\n"
        "def sampling_probs(*args, **kwargs):\n    return _renorm(_reference(*args, **kwargs))\n"
    )
    status, passed, total, _ = run(page, solution(page) + helper)
    assert (status, passed) == ("pass", total), (status, passed, total)
    status, passed, total, _ = run(page, solution(page).replace("(-z[i], i)", "(z[i], i)", 1) + helper)
    assert status == "fail" and passed < total, (status, passed, total)  # and a wrong answer still fails
    assert not outside and not errors, (outside, errors)


def test_an_endless_loop_is_stopped_and_the_page_still_works(runner):
    page, outside, errors = runner
    page.goto(PROBLEMS[0])
    run(page, "x = 1\n")  # Python loaded: what follows times the run alone
    status, _, _, seconds = run(page, "while True:\n    pass\n")
    assert status == "timeout"
    assert TIME_LIMIT_SECONDS <= seconds < TIME_LIMIT_SECONDS + 5
    assert "10" in page.locator("[data-qa-summary]").text_content()
    status, passed, total, _ = run(page, solution(page))  # a fresh Python, the same page
    assert (status, passed) == ("pass", total)
    assert outside == [] and errors == []


def test_code_is_kept_per_problem_and_reset_restores_the_starter(runner):
    page, _, _ = runner
    page.goto(PROBLEMS[0])
    starter = page.locator("[data-qa-editor]").input_value()
    page.locator("[data-qa-editor]").fill("# my attempt\n")
    page.reload()
    assert page.locator("[data-qa-editor]").input_value() == "# my attempt\n"
    page.goto(PROBLEMS[1])  # another problem keeps its own
    assert page.locator("[data-qa-editor]").input_value() != "# my attempt\n"
    page.goto(PROBLEMS[0])
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-qa-reset]")
    assert page.locator("[data-qa-editor]").input_value() == starter
    page.reload()
    assert page.locator("[data-qa-editor]").input_value() == starter


def test_tab_indents_and_escape_then_tab_leaves_the_editor(runner):
    page, _, _ = runner
    page.goto(PROBLEMS[0])
    editor = page.locator("[data-qa-editor]")
    editor.fill("")
    editor.focus()
    page.keyboard.press("Tab")
    page.keyboard.type("pass")
    assert editor.input_value() == "    pass"
    page.keyboard.press("Shift+Tab")
    assert editor.input_value() == "pass"
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-qa-run')")


def test_the_editor_starts_with_the_starter_code_exactly(runner, catalog):
    page, _, _ = runner
    page.goto(PROBLEMS[0])
    problem = next(p for p in catalog.problems if PROBLEMS[0] == f"problems/{p.slug}/")
    assert page.locator("[data-qa-editor]").input_value() == problem.code["starter"]


def test_phone_layout_fits_and_runs(browser, site_url):
    context = browser.new_context(base_url=site_url, viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(PROBLEMS[0])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    box = page.locator("[data-qa-editor]").bounding_box()
    assert box is not None and box["width"] <= 375
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-qa-editor]')).fontSize)")
    assert font >= 16  # phones zoom into smaller fields
    context.close()


@pytest.mark.parametrize("path", [PROBLEMS[0], "en/problems/"])
def test_no_axe_violations(browser, site_url, path):
    assert AXE.exists(), "node_modules/axe-core is missing: run `make setup`"
    context = browser.new_context(base_url=site_url, bypass_csp=True)  # axe is injected as a script
    page = context.new_page()
    page.goto(path)
    for hint in page.locator("details.qa-hint summary").all():
        hint.click()  # the hints' content too
    page.add_script_tag(path=str(AXE))
    assert violations(page) == []
    context.close()


def test_pyodide_is_fetched_only_on_run(runner):
    page, _, _ = runner
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(PROBLEMS[0])
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "pyodide" in url or "runner-worker" in url]
    run(page, "x = 1\n")
    assert any(url.endswith("pyodide.asm.wasm") for url in fetched)
