"""A 390 px wide phone: nothing overflows sideways, every tap target is at least 44 px.

Screenshots land in build/screenshots/ for a look (CI can keep them as artifacts).
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "build" / "screenshots"
WIDTH = 390
MIN_TARGET = 44  # CSS px (WCAG 2.5.5)
PAGES = ["", "questions/", "questions/quantization/", "all/"]

# Every visible control, except links inside a line of text, which WCAG exempts
# ("inline" targets): their size is set by the line they sit in.
TARGETS = """() => {
  const controls = document.querySelectorAll(
    "a[href], button, summary, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), label[for]");
  const inline = el => {
    if (el.tagName !== "A") return false;
    const block = el.closest("p, li, td, .md-copyright__highlight, .md-copyright");
    return block && block.textContent.trim() !== el.textContent.trim();
  };
  const out = [];
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
    if (el.closest("[hidden], .md-search, .md-sidebar, .md-nav, .md-select__inner")) continue;  // closed panels
    if (inline(el)) continue;
    if (box.width < 44 || box.height < 44)
      out.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}"` +
               ` ${Math.round(box.width)}x${Math.round(box.height)}`);
  }
  return out;
}"""


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(
        viewport={"width": WIDTH, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
        base_url=site_url,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_phone_layout(phone, prefix, path):
    phone.goto(prefix + path)
    phone.wait_for_load_state("load")
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = (prefix + path).strip("/").replace("/", "-") or "home"
    phone.screenshot(path=str(SHOTS / f"{WIDTH}-{name}.png"), full_page=True)
    overflow = phone.evaluate("document.documentElement.scrollWidth")
    assert overflow <= WIDTH, f"the page is {overflow} px wide"
    assert phone.evaluate(TARGETS) == []
