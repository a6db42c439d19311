"""axe-core finds no accessibility violation on the pages readers use, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "questions/",
    "questions/quantization/",
    "questions/edge-deployment/",
    "en/",
    "en/questions/",
    "en/questions/quantization/",
    "en/questions/visualization/",
    "all/",
    "en/all/",
]


def violations(page) -> list[str]:
    # colours mid-transition (fading result lists, toggles) are not what a reader sees
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.fixture
def axe_page(browser, site_url):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup`")
    # axe is injected as a script; the site's CSP would (rightly) refuse it
    context = browser.new_context(base_url=site_url, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(axe_page, path, scheme):
    axe_page.emulate_media(color_scheme=scheme)
    axe_page.goto(path)
    axe_page.add_script_tag(path=str(AXE))
    if axe_page.locator("details#answer").count():
        axe_page.locator("details#answer summary").click()  # check the answer's content too
    assert violations(axe_page) == []


@pytest.mark.parametrize("path", ["questions/", "en/questions/"])
def test_no_axe_violations_with_search_results_open(axe_page, path):
    axe_page.goto(path)
    axe_page.add_script_tag(path=str(AXE))
    axe_page.keyboard.press("/")
    axe_page.locator("input.md-search__input").type("LLM")
    axe_page.locator("input.md-search__input").press("End")
    axe_page.wait_for_selector(".md-search-result__item")
    assert violations(axe_page) == []


@pytest.mark.parametrize("path", ["questions/", "questions/quantization/", "en/questions/", "en/all/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_self_test_marks(axe_page, path, scheme):
    """Marked questions: pressed buttons and the index's badges keep their contrast."""
    axe_page.emulate_media(color_scheme=scheme)
    axe_page.goto(path)
    axe_page.evaluate(
        """localStorage.setItem("llm-inference-qa:self-test",
             JSON.stringify({"quantization": "known", "memory-leaks": "review"}))"""
    )
    axe_page.reload()
    axe_page.add_script_tag(path=str(AXE))
    assert axe_page.locator(".qa-badge, .qa-mark[aria-pressed=true]").count() >= 1
    assert violations(axe_page) == []
