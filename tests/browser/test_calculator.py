"""The calculator page in Chromium: its JavaScript gives the Python reference's numbers,
the address fills the inputs, and the page is usable without JavaScript, with a keyboard
and a screen reader, on a phone, and from its own origin only."""

from __future__ import annotations

import math
import random
from urllib.parse import urlencode, urlsplit

import pytest

from qa.generate.calculator import OUTPUTS, compute, example_inputs, fmt_output, resolve
from qa.sources.presets import ATTENTION, INPUT_NAMES, PRECISIONS

from .test_accessibility import AXE, violations
from .test_mobile import SHOTS, TARGETS
from .test_search import search
from .test_security import WATCH_CSP

CONFIGURATIONS = 240  # at least 200 (the acceptance criterion)
SEED = 20261201
REL_TOL = 1e-12  # the same doubles in the same order: in practice the very same bits
OUTPUTS_JS = """() => Object.fromEntries([...document.querySelectorAll('[data-output]')]
  .map(e => [e.dataset.output, e.dataset.value]))"""
INPUTS_JS = """() => Object.fromEntries([...document.getElementById('calc-form').elements]
  .filter(e => e.name).map(e => [e.name, e.value]))"""


def decimal(rng: random.Random, low: float, high: float) -> str:
    places = rng.choice([0, 1, 2, 3])
    return f"{max(rng.uniform(low, high), 10**-places):.{places}f}"


def random_configurations(presets, count: int = CONFIGURATIONS, seed: int = SEED) -> list[dict[str, str]]:
    """Query parameters: presets, then any input overridden now and then, with values from
    typical to extreme, and now and then one the page must ignore (as resolve() does)."""
    rng = random.Random(seed)
    models, gpus = list(presets.models), list(presets.gpus)

    def sometimes(p: float = 0.35) -> bool:
        return rng.random() < p

    configurations = []
    for _ in range(count):
        q: dict[str, str] = {}
        if sometimes(0.9):
            q["model"] = rng.choice(models)
        if sometimes(0.9):
            q["gpu"] = rng.choice(gpus)
        if sometimes():
            q["attention"] = rng.choice(ATTENTION)
        if sometimes():
            q["layers"] = str(rng.randint(1, 160))
        if sometimes():
            q["kv_heads"] = str(rng.randint(1, 128))
        if sometimes():
            q["head_dim"] = str(rng.choice([32, 64, 80, 96, 128, 192, 256]))
        if sometimes():
            q["kv_latent"] = str(rng.randint(1, 4096))
        if sometimes():
            q["window"] = str(rng.choice([0, 128, 1024, 4096, rng.randint(1, 200_000)]))
        if sometimes():
            q["full_layers"] = str(rng.randint(0, 200))
        if sometimes():
            q["params_b"] = decimal(rng, 0.1, 2000)
        if sometimes():
            q["active_b"] = decimal(rng, 0.05, 700)
        if sometimes():
            q["weights"] = rng.choice(PRECISIONS)
        if sometimes():
            q["kv"] = rng.choice(PRECISIONS)
        if sometimes(0.6):
            q["batch"] = str(rng.choice([1, 2, 8, 32, 256, 4096, rng.randint(1, 10**6)]))
        if sometimes(0.6):
            q["context"] = str(rng.choice([1, 128, 2048, 8192, 32768, 131072, rng.randint(1, 10**7)]))
        if sometimes():
            q["gpus"] = str(rng.randint(1, 64))
        if sometimes():
            q["mem_gb"] = decimal(rng, 1, 300)
        if sometimes():
            q["bw_tbs"] = decimal(rng, 0.05, 10)
        if sometimes():
            q["tflops"] = decimal(rng, 1, 5000)
        if sometimes(0.05):  # ignored by both: a bad value, an unknown preset, an unknown name
            q[rng.choice(["layers", "batch", "params_b", "model", "gpu", "weights"])] = rng.choice(
                ["", "x", "-1", "0", "1e3", "2.", "nope"]
            )
            q["colour"] = "blue"
        items = list(q.items())
        rng.shuffle(items)  # parameter order must not matter
        configurations.append(dict(items))
    return configurations


def same(js: str, expected: object) -> bool:
    if isinstance(expected, bool):
        return js == ("true" if expected else "false")
    if isinstance(expected, str):
        return js == expected
    return math.isclose(float(js), float(expected), rel_tol=REL_TOL, abs_tol=0.0)


def test_random_configurations_cover_the_interesting_cases(presets):
    configurations = random_configurations(presets)
    assert len(configurations) >= 200
    results = [compute(resolve(q, presets)) for q in configurations]
    inputs = [resolve(q, presets) for q in configurations]
    assert {r["bound"] for r in results} == {"memory", "compute"}
    assert {r["fits"] for r in results} == {True, False}
    assert {i["attention"] for i in inputs} == set(ATTENTION)
    assert any(0 < i["window"] < i["context"] and 0 < i["full_layers"] < i["layers"] for i in inputs)
    assert any(r["max_batch"] == 0 for r in results) and any(r["max_batch"] > 1000 for r in results)


def test_javascript_equals_the_python_reference(page, presets):
    """The page's script on ≥ 200 random configurations (fixed seed), both languages:
    every input as resolve() fills it, every output's data-value as compute() gives it."""
    mismatches = []
    for i, q in enumerate(random_configurations(presets)):
        prefix = "en/" if i % 2 else ""
        page.goto(f"{prefix}tools/calculator/?{urlencode(q)}")
        inputs = resolve(q, presets)
        expected = compute(inputs)
        shown_inputs = page.evaluate(INPUTS_JS)
        shown = page.evaluate(OUTPUTS_JS)
        for name in INPUT_NAMES:
            if not same(shown_inputs[name], inputs[name]):
                mismatches.append(f"{q}: input {name} is {shown_inputs[name]!r}, expected {inputs[name]!r}")
        assert sorted(shown) == sorted(OUTPUTS)
        for name in OUTPUTS:
            if not same(shown[name], expected[name]):
                mismatches.append(f"{q}: {name} = {shown[name]}, expected {expected[name]!r}")
    assert mismatches == []


def test_the_address_fills_the_inputs_and_presets_the_rest(page, presets):
    page.goto("tools/calculator/?model=mistral-7b&gpu=l40s&batch=7&layers=30&weights=fp8")
    fields = page.evaluate(INPUTS_JS)
    assert fields["model"] == "mistral-7b" and fields["gpu"] == "l40s"
    assert (fields["layers"], fields["batch"], fields["weights"]) == ("30", "7", "fp8")  # from the address
    assert (fields["kv_heads"], fields["window"], fields["full_layers"]) == ("8", "4096", "0")  # Mistral's
    assert (fields["mem_gb"], fields["bw_tbs"], fields["tflops"]) == ("48", "0.864", "733")  # L40S at FP8
    assert fields["context"] == str(presets.defaults["context"]) and fields["gpus"] == str(presets.defaults["gpus"])
    expected = compute(
        resolve({"model": "mistral-7b", "gpu": "l40s", "batch": "7", "layers": "30", "weights": "fp8"}, presets)
    )
    value = page.locator('[data-output="kv_bytes_total"]')
    assert float(value.get_attribute("data-value")) == expected["kv_bytes_total"]
    assert value.inner_text() == fmt_output("kv_bytes_total", expected["kv_bytes_total"], "zh")


def test_editing_the_form_recomputes_and_updates_the_address(page, presets):
    page.goto("en/tools/calculator/?model=llama-3.1-70b&gpu=h100-sxm&gpus=4")
    page.locator('input[name="batch"]').fill("32")
    expected = compute(resolve({"model": "llama-3.1-70b", "gpu": "h100-sxm", "gpus": "4", "batch": "32"}, presets))
    kv_total = page.locator('[data-output="kv_bytes_total"]').get_attribute("data-value")
    assert kv_total == "42949672960" == str(int(expected["kv_bytes_total"]))  # 320 KiB × 32 × 4,096
    assert same(
        page.locator('[data-output="decode_ms_per_step"]').get_attribute("data-value"), expected["decode_ms_per_step"]
    )
    assert page.locator("#calc-link").get_attribute("href") == "?model=llama-3.1-70b&gpu=h100-sxm&batch=32&gpus=4"
    assert urlsplit(page.url).query == "model=llama-3.1-70b&gpu=h100-sxm&batch=32&gpus=4"
    assert page.locator(".calc-summary").inner_text().startswith("Weights and KV cache: fits;")

    page.locator('select[name="model"]').select_option("deepseek-v3")  # a preset fills its fields
    fields = page.evaluate(INPUTS_JS)
    assert (fields["attention"], fields["layers"], fields["kv_latent"], fields["weights"]) == (
        "mla",
        "61",
        "576",
        "fp8",
    )
    assert fields["tflops"] == "1979" and fields["batch"] == "32" and fields["gpus"] == "4"  # the rest stays
    page.locator('select[name="gpu"]').select_option("a100-80gb")  # no FP8 on the A100: BF16 TFLOPS
    fields = page.evaluate(INPUTS_JS)
    assert (fields["mem_gb"], fields["bw_tbs"], fields["tflops"]) == ("80", "2.039", "312")
    expected = compute(resolve({"model": "deepseek-v3", "gpu": "a100-80gb", "gpus": "4", "batch": "32"}, presets))
    for name in OUTPUTS:
        assert same(page.locator(f'[data-output="{name}"]').get_attribute("data-value"), expected[name]), name

    before = page.evaluate(OUTPUTS_JS)
    page.locator('input[name="layers"]').fill("")  # invalid: marked, and the outputs wait
    assert page.locator('input[name="layers"]').get_attribute("aria-invalid") == "true"
    assert page.evaluate(OUTPUTS_JS) == before
    page.locator('input[name="layers"]').fill("30")
    assert page.locator('input[name="layers"]').get_attribute("aria-invalid") == "false"
    assert page.evaluate(OUTPUTS_JS) != before


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_roofline_is_drawn_with_both_operating_points(page, prefix):
    page.goto(f"{prefix}tools/calculator/?model=gpt-oss-120b&gpu=h100-sxm")
    svg = page.locator("#calc-svg svg")
    assert svg.get_attribute("role") == "img"
    assert page.locator("#calc-svg svg title").text_content().startswith("Roofline")
    assert page.locator("#calc-svg .calc-decode").count() == 1 and page.locator("#calc-svg .calc-prefill").count() == 1
    assert page.locator("#calc-svg .calc-roof").count() == 1
    decode = page.locator("#calc-svg .calc-decode").bounding_box()
    prefill = page.locator("#calc-svg .calc-prefill").bounding_box()
    assert decode["x"] < prefill["x"]  # decode's arithmetic intensity is far lower


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_without_javascript_the_tables_give_every_presets_results(browser, site_url, presets, prefix):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{prefix}tools/calculator/")
    assert not page.locator("#calc").is_visible()  # the form needs JavaScript: absent without it
    tables = page.locator(".calc-table")
    assert tables.count() == 3
    rows = tables.nth(0).locator("tbody tr")
    assert rows.count() == len(presets.models)
    lang = "en" if prefix else "zh"
    for i, model in enumerate(presets.models.values()):
        cells = rows.nth(i).locator("td").all_inner_texts()
        out = compute(example_inputs(model, presets))
        assert cells[0] == model.name
        assert cells[2] == fmt_output("kv_bytes_per_token", out["kv_bytes_per_token"], lang)
        assert cells[8] == fmt_output("decode_ms_per_step", out["decode_ms_per_step"], lang)
        assert cells[11] == fmt_output("bound", out["bound"], lang)
    assert tables.nth(1).locator("tbody tr").count() == len(presets.models)
    assert tables.nth(2).locator("tbody tr").count() == len(presets.gpus)
    context.close()


@pytest.fixture
def axe_page(browser, site_url):
    if not AXE.exists():
        pytest.fail("node_modules/axe-core is missing: run `make setup`")
    context = browser.new_context(base_url=site_url, bypass_csp=True)  # axe is injected as a script
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(axe_page, prefix, scheme):
    axe_page.emulate_media(color_scheme=scheme)
    axe_page.goto(f"{prefix}tools/calculator/?model=deepseek-v3&gpu=h200&gpus=8")
    axe_page.add_script_tag(path=str(AXE))
    assert violations(axe_page) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_phone_layout(browser, site_url, prefix):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True, base_url=site_url
    )
    page = context.new_page()
    page.goto(f"{prefix}tools/calculator/?model=gemma-2-9b&gpu=rtx-4090")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"390-{prefix.replace('/', '-')}calculator.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.evaluate(TARGETS) == []
    context.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_no_request_leaves_the_site_and_no_policy_is_broken(browser, site_url, prefix):
    context = browser.new_context(base_url=site_url)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    own = urlsplit(site_url).netloc
    foreign: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: foreign.append(r.url) if urlsplit(r.url).netloc != own else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{prefix}tools/calculator/?model=llama-3.1-70b&gpu=h100-sxm&gpus=4")
    page.locator('select[name="gpu"]').select_option("mi300x")
    page.locator('input[name="context"]').fill("131072")
    page.wait_for_load_state("networkidle")
    assert foreign == []
    assert errors == []
    assert page.evaluate("window.__violations") == []
    context.close()


def test_only_the_calculator_pages_load_its_script_and_styles(built_site):
    pages = sorted(built_site.rglob("*.html"))
    with_script = {p.relative_to(built_site).as_posix() for p in pages if "calculator.js" in p.read_text("utf-8")}
    with_styles = {p.relative_to(built_site).as_posix() for p in pages if "calculator.css" in p.read_text("utf-8")}
    assert with_script == with_styles == {"tools/calculator/index.html", "en/tools/calculator/index.html"}


@pytest.mark.parametrize(
    ("start", "queries"),
    [("questions/", ["计算器", "KV 缓存大小"]), ("en/questions/", ["calculator", "KV cache size"])],
)
def test_search_finds_the_calculator(page, start, queries):
    page.goto(start)
    for query in queries:
        hrefs = search(page, query)
        top = [urlsplit(h).path for h in hrefs[:3]]
        assert any(path.endswith("/tools/calculator/") for path in top), (query, hrefs[:5])


@pytest.mark.parametrize("path", ["", "questions/", "en/", "en/questions/"])
def test_home_and_index_link_the_calculator(page, path):
    page.goto(path)
    link = page.locator("article a[href*='tools/calculator/']").first
    link.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.endswith("/tools/calculator/")
    assert page.locator('[data-output="kv_bytes_per_token"]').count() == 1


def test_question_links_prefill_the_calculator(page, presets):
    page.goto("en/questions/reduce-memory-footprint/#note")  # the note is folded with the answer: #note opens it
    page.wait_for_function("() => document.getElementById('answer').open")
    link = page.locator("#note ~ p a[href*='tools/calculator/']").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    query = dict(pair.split("=") for pair in urlsplit(href).query.split("&"))
    assert query["model"] == "llama-2-7b"
    fields = page.evaluate(INPUTS_JS)
    for name, value in resolve(query, presets).items():
        assert same(fields[name], value), name


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_script_keeps_the_text_written_at_build_time(browser, site_url, prefix):
    """The page is built with the default configuration's outputs, formulas and summary
    (qa.generate.calculator.formulas): the script, computing the same, changes no word of them, so
    nothing moves when it runs."""
    texts = """() => [...document.querySelectorAll('#calc output, #calc .calc-formula, .calc-summary')]
      .map(e => e.textContent)"""
    seen = []
    for enabled in (False, True):
        context = browser.new_context(base_url=site_url, java_script_enabled=enabled)
        page = context.new_page()
        page.goto(f"{prefix}tools/calculator/")
        seen.append(page.evaluate(texts))
        context.close()
    assert len(seen[0]) == 2 * 13 + 1
    assert seen[0] == seen[1]
