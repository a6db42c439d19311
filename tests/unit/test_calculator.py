"""The calculator: its reference implementation (qa.generate.calculator) against published
figures and every preset's own numbers, the presets file's checks (qa.sources.presets),
links to it (qa.check.calculator), and its page."""

from __future__ import annotations

import gzip
import json
import math
import re
from pathlib import Path

import pytest

from qa.check.calculator import query_problems
from qa.check.markup import LinkRules, check_url
from qa.check.rules import CJK
from qa.generate.calculator import (
    OUTPUTS,
    calculator_page,
    compute,
    data_value,
    example_inputs,
    fmt_bytes,
    resolve,
    search_document,
)
from qa.generate.exports import portable_markdown
from qa.sources.presets import BYTES, INPUT_NAMES, PRECISIONS, Presets, load_presets
from qa.urls import parse_source_link

ROOT = Path(__file__).resolve().parents[2]
PRESETS = ROOT / "content" / "calculator" / "presets.yml"
JS = ROOT / "overrides" / "assets" / "javascripts" / "calculator.js"
CSS = ROOT / "overrides" / "assets" / "calculator.css"
NO_JS_CSS = ROOT / "overrides" / "assets" / "calculator-nojs.css"
GiB, MiB, KiB = 2**30, 2**20, 2**10


def run(presets: Presets, **params: object) -> dict[str, object]:
    return compute(resolve({k: str(v) for k, v in params.items()}, presets))


# ---------------------------------------------------------------- published figures


def test_opt_13b_matches_the_pagedattention_paper(presets):
    """arXiv 2309.06180, §3: 2 × 5120 × 40 × 2 B = 800 KB per token; a 2,048-token request
    "can be as much as 1.6 GB" (800 KB × 2,048); Fig. 1: 26 GB of parameters on an A100 40GB."""
    out = run(presets, model="opt-13b", gpu="a100-40gb", batch=1, context=2048)
    assert out["kv_bytes_per_token"] == 2 * 5120 * 40 * 2 == 800 * KiB
    assert out["kv_bytes_total"] == 800 * KiB * 2048
    assert round(out["kv_bytes_total"] / KiB / 1e6, 1) == 1.6  # the paper's "1.6 GB" (800 KB × 2,048)
    assert out["weight_bytes"] == 26e9
    assert out["fits"] is True


def test_llama_2_7b_caches_half_a_mebibyte_per_token(presets):
    out = run(presets, model="llama-2-7b", context=4096)
    assert out["kv_bytes_per_token"] == 0.5 * MiB
    assert out["kv_bytes_total"] == 2 * GiB  # question 4's note: one 4,096-token sequence takes 2 GiB


def test_deepseek_v3_caches_a_576_element_latent_per_layer(presets):
    out = run(presets, model="deepseek-v3", kv="bf16")
    assert out["kv_bytes_per_token"] == 61 * 576 * 2 == 70272
    # MLA ignores kv_heads and head_dim; as MHA the same model would cache 2 × 128 × 128 per layer
    assert run(presets, model="deepseek-v3", kv_heads=1, head_dim=1)["kv_bytes_per_token"] == 70272
    assert run(presets, model="deepseek-v3", attention="mha")["kv_bytes_per_token"] == 61 * 2 * 128 * 128 * 2


def test_gqa_with_8_kv_heads_caches_128_kib_per_token(presets):
    """Question 4's note: Llama-3-8B's 8 KV heads cut the cache to 128 KiB per token."""
    assert run(presets, model="llama-3.1-8b")["kv_bytes_per_token"] == 128 * KiB


def test_h100_ridge_point_is_about_295_flop_per_byte(presets):
    assert run(presets, gpu="h100-sxm", weights="bf16")["ridge_flops_per_byte"] == pytest.approx(295.4, abs=0.05)


# ---------------------------------------------------------------- every preset's own numbers

# KV cache per token, worked out by hand from each official config (layers × 2 × kv_heads × head_dim × 2 B,
# or layers × kv_latent × 2 B for MLA), and the parameter counts of the model cards and papers.
MODELS = {
    "opt-13b": ("mha", 40 * 2 * 40 * 128 * 2, 13, 13),
    "llama-2-7b": ("mha", 32 * 2 * 32 * 128 * 2, 6.74, 6.74),
    "gemma-2b": ("mqa", 18 * 2 * 1 * 256 * 2, 2.51, 2.51),
    "llama-3.1-8b": ("gqa", 32 * 2 * 8 * 128 * 2, 8.03, 8.03),
    "llama-3.1-70b": ("gqa", 80 * 2 * 8 * 128 * 2, 70.6, 70.6),
    "qwen2.5-7b": ("gqa", 28 * 2 * 4 * 128 * 2, 7.61, 7.61),
    "mistral-7b": ("gqa", 32 * 2 * 8 * 128 * 2, 7.24, 7.24),
    "gemma-2-9b": ("gqa", 42 * 2 * 8 * 256 * 2, 9.24, 9.24),
    "gpt-oss-120b": ("gqa", 36 * 2 * 8 * 64 * 2, 116.83, 5.13),
    "mixtral-8x7b": ("gqa", 32 * 2 * 8 * 128 * 2, 46.7, 12.9),
    "deepseek-v3": ("mla", 61 * 576 * 2, 671, 37),
}
# Weights as the official checkpoint ships them (torch_dtype, or quantization_config) / KV cache as served
PRECISION = {
    "opt-13b": ("fp16", "fp16"),
    "llama-2-7b": ("fp16", "fp16"),
    "gemma-2b": ("bf16", "bf16"),
    "llama-3.1-8b": ("bf16", "bf16"),
    "llama-3.1-70b": ("bf16", "bf16"),
    "qwen2.5-7b": ("bf16", "bf16"),
    "mistral-7b": ("bf16", "bf16"),
    "gemma-2-9b": ("fp32", "bf16"),  # the base checkpoint is float32 (34.4 GiB); gemma-2-9b-it is bfloat16
    "gpt-oss-120b": ("fp4", "bf16"),
    "mixtral-8x7b": ("bf16", "bf16"),
    "deepseek-v3": ("fp8", "bf16"),
}
# Memory (GB), bandwidth (TB/s) and dense BF16 TFLOPS of the data sheets
GPUS = {
    "h100-sxm": (80, 3.35, 989.5),
    "h200": (141, 4.8, 989.5),
    "a100-80gb": (80, 2.039, 312),
    "a100-40gb": (40, 1.555, 312),
    "l40s": (48, 0.864, 362.05),
    "rtx-4090": (24, 1.008, 165.2),
    "mi300x": (192, 5.3, 1307.4),
}


def test_presets_are_the_ones_checked_here(presets):
    assert list(presets.models) == list(MODELS)
    assert list(presets.gpus) == list(GPUS)
    assert len(presets.models) >= 8 and len(presets.gpus) >= 6


@pytest.mark.parametrize("model_id", list(MODELS))
def test_every_model_presets_own_numbers(presets, model_id):
    attention, per_token, params, active = MODELS[model_id]
    model = presets.models[model_id]
    assert (model.attention, model.params_b, model.active_b) == (attention, params, active)
    out = run(presets, model=model_id, kv="bf16", weights="bf16", context=1)
    assert out["kv_bytes_per_token"] == per_token
    assert out["weight_bytes"] == params * 1e9 * 2
    # the table's deployment of this model fits, with room for its batch
    example = compute(example_inputs(model, presets))
    assert example["fits"] is True and example["max_batch"] >= model.example["batch"]


def test_every_model_preset_ships_in_its_checkpoints_precision(presets):
    assert {m.id: (m.weights, m.kv) for m in presets.models.values()} == PRECISION
    # Gemma-2-9B's FP32 checkpoint: 36.97 GB of weights, so an L40S holds 5 sequences of 8,192 tokens, not 8
    out = run(presets, model="gemma-2-9b", gpu="l40s", batch=4, context=8192)
    assert out["weight_bytes"] == 9.24e9 * 4
    assert out["fits"] is True and out["max_batch"] == 5


@pytest.mark.parametrize("gpu_id", list(GPUS))
def test_every_gpu_presets_own_numbers(presets, gpu_id):
    mem, bw, bf16 = GPUS[gpu_id]
    gpu = presets.gpus[gpu_id]
    assert (gpu.mem_gb, gpu.bw_tbs, gpu.tflops["bf16"]) == (mem, bw, bf16)
    out = run(presets, gpu=gpu_id, weights="bf16")
    assert out["ridge_flops_per_byte"] == bf16 / bw
    assert gpu.tflops["fp32"] < bf16  # tensor cores beat the FP32 units
    for precision in ("fp8", "int8", "int4"):
        if precision in gpu.tflops:  # narrower formats run faster (GeForce halves BF16 with FP32 accumulate)
            assert bf16 < gpu.tflops[precision] <= 8 * bf16


def test_presets_cover_every_kind_of_attention_the_calculator_knows(presets):
    models = list(presets.models.values())
    assert {m.attention for m in models} == {"mha", "gqa", "mqa", "mla"}
    assert any(m.attention == "mla" and m.active_b < m.params_b for m in models)  # MLA + MoE
    assert any(m.window > 0 and m.full_layers == 0 for m in models)  # sliding window on every layer
    assert any(m.window > 0 and 0 < m.full_layers < m.layers for m in models)  # hybrid


def test_every_number_cites_an_official_source(presets):
    for preset in [*presets.models.values(), *presets.gpus.values()]:
        assert preset.sources
        for source in preset.sources:
            assert source.url.startswith("https://")
    for model in presets.models.values():
        structure = {"layers", "kv_heads", "head_dim", "window"}
        configs = [s for s in model.sources if s.url.endswith("/config.json")]
        assert configs, f"{model.id}: no config.json"  # the shape comes from the official config
        assert structure <= {name for s in model.sources for name in s.backs}


def test_sliding_window_caps_the_windowed_layers(presets):
    # Mistral-7B: every layer keeps the last 4,096 tokens
    per_layer = 2 * 8 * 128 * 2  # 4 KiB per token per layer
    assert run(presets, model="mistral-7b", context=32768)["kv_bytes_total"] == per_layer * 32 * 4096
    assert run(presets, model="mistral-7b", context=1000)["kv_bytes_total"] == per_layer * 32 * 1000
    # Gemma-2-9B: 21 global layers keep all 8,192 tokens, 21 local ones the last 4,096
    assert run(presets, model="gemma-2-9b", context=8192)["kv_bytes_total"] == 8192 * (21 * 8192 + 21 * 4096)
    # gpt-oss-120b: 18 full layers and 18 with a 128-token band
    assert run(presets, model="gpt-oss-120b", context=131072)["kv_bytes_total"] == 2048 * (18 * 131072 + 18 * 128)
    # window = 0 means no window, whatever full_layers says
    assert run(presets, model="llama-2-7b", window=0, full_layers=3, context=10)["kv_bytes_total"] == 10 * 0.5 * MiB


# ---------------------------------------------------------------- the formulas


def test_llama_3_1_70b_on_four_h100s_worked_by_hand(presets):
    out = run(presets, model="llama-3.1-70b", gpu="h100-sxm", gpus=4, batch=32, context=8192)
    kv = 327680 * 32 * 8192
    weights = 70.6e9 * 2
    assert out["kv_bytes_total"] == kv
    assert out["total_bytes"] == weights + kv
    assert out["fits"] is True  # 227 GB ≤ 320 GB
    assert out["max_batch"] == math.floor((320e9 - weights) / (327680 * 8192)) == 66
    memory_ms = (weights + kv) / (4 * 3.35e12) * 1000
    compute_ms = 2 * 70.6e9 * 32 / (4 * 989.5e12) * 1000
    assert out["decode_ms_per_step"] == pytest.approx(memory_ms, rel=1e-12) == pytest.approx(16.95, abs=0.01)
    assert compute_ms < memory_ms and out["bound"] == "memory"
    assert out["decode_tokens_per_s"] == pytest.approx(32 / memory_ms * 1000, rel=1e-12)
    assert out["prefill_ms"] == pytest.approx(2 * 70.6e9 * 8192 / (4 * 989.5e12) * 1000, rel=1e-12)
    assert out["decode_intensity"] == pytest.approx(2 * 70.6e9 * 32 / (weights + kv), rel=1e-12)


def test_a_large_batch_turns_decode_compute_bound(presets):
    small = run(presets, model="llama-3.1-8b", gpu="h100-sxm", batch=1, context=16)
    large = run(presets, model="llama-3.1-8b", gpu="h100-sxm", batch=2048, context=16, mem_gb=1000)
    assert small["bound"] == "memory" and large["bound"] == "compute"
    assert large["decode_intensity"] > large["ridge_flops_per_byte"] > small["decode_intensity"]
    assert large["decode_ms_per_step"] == pytest.approx(2 * 8.03e9 * 2048 / 989.5e12 * 1000, rel=1e-12)


def test_too_large_a_model_does_not_fit_and_has_no_batch(presets):
    out = run(presets, model="deepseek-v3", gpu="h100-sxm", gpus=1)
    assert out["fits"] is False and out["max_batch"] == 0


@pytest.mark.parametrize(
    ("gpu", "weights", "tflops"),
    [
        ("h100-sxm", "fp8", 1979),
        ("h100-sxm", "int4", 1979),  # no INT4 tensor cores on Hopper: INT8
        ("h100-sxm", "fp4", 1979),  # no FP4 either: FP8
        ("a100-80gb", "fp8", 312),  # no FP8 on Ampere: BF16
        ("rtx-4090", "int4", 1321.2),
        ("l40s", "int8", 362.05),  # no INT8 figure kept for the L40S: BF16
        ("mi300x", "fp16", 1307.4),
        ("h200", "fp32", 67),
    ],
)
def test_tflops_follow_the_gpu_at_the_weight_precision(presets, gpu, weights, tflops):
    assert resolve({"gpu": gpu, "weights": weights}, presets)["tflops"] == tflops
    assert resolve({"gpu": gpu, "weights": weights, "tflops": "123.5"}, presets)["tflops"] == 123.5


def test_resolve_fills_from_presets_and_ignores_bad_parameters(presets):
    d = presets.defaults
    default = resolve({}, presets)
    assert (default["model"], default["gpu"], default["gpus"], default["batch"]) == (
        d["model"],
        d["gpu"],
        d["gpus"],
        d["batch"],
    )
    assert list(default) == list(INPUT_NAMES)
    given = resolve({"model": "gemma-2-9b", "layers": "7", "batch": "x", "nonsense": "1", "gpu": "tpu"}, presets)
    assert given["model"] == "gemma-2-9b" and given["layers"] == 7
    assert given["batch"] == d["batch"] and given["gpu"] == d["gpu"]
    assert given["window"] == 4096 and given["full_layers"] == 21  # the rest from the preset


def test_data_values_are_what_javascript_writes():
    assert data_value(True) == "true" and data_value(False) == "false"
    assert data_value(327680.0) == "327680" and data_value(66) == "66"
    assert data_value(10.63747591641791) == "10.63747591641791"


def test_byte_sizes_and_units():
    assert BYTES == {"fp32": 4, "bf16": 2, "fp16": 2, "fp8": 1, "int8": 1, "int4": 0.5, "fp4": 0.5}
    assert set(PRECISIONS) == set(BYTES)
    assert fmt_bytes(327680) == "328 KB (320 KiB)"
    assert fmt_bytes(141.2e9) == "141 GB (132 GiB)"
    assert fmt_bytes(512) == "512 B"
    assert fmt_bytes(1000) == "1.00 KB (0.977 KiB)"


# ---------------------------------------------------------------- links to the calculator


def test_a_calculator_link_names_only_inputs_with_valid_values(presets):
    assert query_problems("model=llama-3.1-70b&gpu=h100-sxm&gpus=4", presets) == []
    assert query_problems("", presets) == []
    assert query_problems("weights=int4&tflops=989.5&attention=mla&kv_latent=576", presets) == []
    problems = query_problems("model=gpt-5&gpus=0&bw_tbs=fast&size=1&gpus=2", presets)
    assert problems == [
        "`model=gpt-5` is not a model preset — use one of: " + ", ".join(presets.models),
        "`gpus=0` is not a whole number ≥ 1 — write digits only, 1 or more",
        "`bw_tbs=fast` is not a number > 0 — write digits with an optional decimal point, above 0",
        "unknown input `size` — use one of: " + ", ".join(INPUT_NAMES),
        "input `gpus` is given twice — give each input once",
    ]
    assert query_problems("model=gpt-5", None) == []  # ids unknown: not checked
    assert query_problems("a=b=c&&", presets)[0].startswith("query `a=b=c&&` is not name=value pairs")


def test_what_counts_as_a_link_to_the_calculator():
    """By its path only (qa.urls.parse_source_link): a question's slug may contain the word."""
    link = parse_source_link("../tools/calculator.md?model=llama-2-7b&gpus=2#results")
    assert (link.kind, link.query, link.anchor) == ("calculator", "model=llama-2-7b&gpus=2", "results")
    assert parse_source_link("../tools/calculator.md").kind == "calculator"
    for target in ("kv-calculator.md", "calculator.md", "kv-cache-size.md#answer", "calculators.md"):
        assert parse_source_link(target).kind == "question", target


def check(target: str, presets: Presets | None) -> list[str]:
    rules = LinkRules(None, calculator_query=lambda query: query_problems(query, presets))
    return [p.message for p in check_url(Path("q.md"), 1, target, rules, "questions")]


def test_a_calculator_link_is_checked_as_the_browser_reads_it(presets):
    # `&para` is an HTML entity without its `;`, which Markdown leaves as text: not the pilcrow
    assert check("../tools/calculator.md?batch=2&params_b=7.5&gpus=2", presets) == []
    assert check("../tools/calculator.md?model=llama-2-7b&amp;gpus=2", presets) == []  # `&amp;` is `&`
    assert check("../tools/calculator.md?gpus=0", presets) == [
        "link `../tools/calculator.md?gpus=0`: `gpus=0` is not a whole number ≥ 1 — write digits only, 1 or more"
    ]
    wrong_form = "— write it as `../tools/calculator.md?model=llama-3.1-70b&gpu=h100-sxm&gpus=4`"
    for target in ("../tools/calculator/?gpus=2", "../tools/calculator", "calculator.md?gpus=2"):
        assert check(target, presets) == [f"link `{target}` is not a calculator link {wrong_form}"], target
    assert check("java&#115;cript:alert(1)", presets) == ["`javascript:` URL is not allowed — link to an http(s) page"]


def test_every_calculator_link_in_the_questions_is_valid(catalog):
    links = [line for q in catalog.questions for line in q.note.splitlines() if "../tools/calculator.md?" in line]
    assert len(links) >= 6  # questions 1, 4 and 8 in both languages


def test_exports_make_calculator_links_absolute(catalog):
    q = next(q for q in catalog.in_language("en") if q.slug == "reduce-memory-footprint")
    text = portable_markdown(q.note, "https://example.org/site/", q)
    assert "(https://example.org/site/en/tools/calculator/?model=llama-2-7b&gpu=a100-80gb&context=4096)" in text
    assert "calculator.md" not in text


# ---------------------------------------------------------------- the page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_has_every_input_output_and_preset(presets, lang):
    page = calculator_page(lang, presets)
    assert page.startswith("---\n") and 'template: "calculator.html"' in page
    assert "\nqa_generated: true\n" in page  # the generator's HTML, not sanitized as a hand-written page
    for name in INPUT_NAMES:
        assert re.search(rf'<(?:input|select) name="{name}"', page), name
    defaults = compute(resolve({}, presets))
    for name in OUTPUTS:
        assert f'data-output="{name}" data-value="{data_value(defaults[name])}"' in page
    for model in presets.models.values():
        assert f">{model.name}</a>" in page  # a row of the no-JavaScript table, linking its configuration
        for source in model.sources:
            assert f'href="{source.url}"' in page
    for gpu in presets.gpus.values():
        for source in gpu.sources:
            assert f'href="{source.url}"' in page
    data = json.loads(re.search(r'<script type="application/json" id="calc-data">(.*?)</script>', page)[1])
    assert data["models"]["deepseek-v3"]["kv_latent"] == 576
    assert data["gpus"]["h100-sxm"]["tflops"]["bf16"] == 989.5
    assert "<script>" not in page and " style=" not in page and " on" + "click" not in page  # CSP: no inline code


def test_english_page_is_english_only(presets):
    page = calculator_page("en", presets)
    assert not CJK.search(page), CJK.findall(page)[:5]
    assert not CJK.search(json.dumps(search_document("en")))


def test_page_says_what_is_left_out(presets):
    en = calculator_page("en", presets)
    for words in ("Activations", "lower bound", "upper bound", "attention's own FLOPs are excluded", "GiB"):
        assert words in en
    zh = calculator_page("zh", presets)
    for words in ("不含激活值", "下界", "上界", "不含注意力本身的 FLOP", "GiB"):
        assert words in zh


def test_search_finds_the_calculator_by_its_names():
    assert "计算器" in search_document("zh")["terms"] and "KV 缓存大小" in search_document("zh")["terms"]
    en = search_document("en")
    assert "calculator" in en["terms"] and "KV cache size" in en["terms"]
    assert en["location"] == "tools/calculator/"


def test_script_and_styles_fit_the_budget():
    """≤ 8 KiB gzip together (measured as gzip -9 of each file, as a server would send them);
    the stylesheet for readers without JavaScript counted too."""
    size = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in (JS, CSS, NO_JS_CSS))
    assert size <= 8 * 1024, size


def test_script_has_no_eval_and_fetches_nothing():
    js = JS.read_text(encoding="utf-8")
    for word in ("eval(", "new Function", "fetch(", "XMLHttpRequest", "import(", ".style"):
        assert word not in js, word


# ---------------------------------------------------------------- the presets file's checks


def write(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "presets.yml"
    path.write_text(text, encoding="utf-8")
    return [p.render(tmp_path) for p in load_presets(path, tmp_path)[1]]


def test_malformed_yaml_is_reported_at_its_line(tmp_path):
    assert write(tmp_path, "defaults:\n  model: [x\n") == [
        "presets.yml:3: malformed presets file: expected ',' or ']', but got '<stream end>' — fix the YAML syntax"
    ]


def test_the_presets_are_read_like_every_source(tmp_path):
    """Through qa.sources.files and qa.sources.frontmatter: no repeated keys, aliases or tags,
    a regular file inside the project."""
    text = PRESETS.read_text(encoding="utf-8")
    repeated = text.replace("    layers: 80             # num_hidden_layers\n", "    layers: 80\n    layers: 81\n", 1)
    assert write(tmp_path, repeated) == [
        f"presets.yml:{repeated.splitlines().index('    layers: 81') + 1}: key `layers` appears twice "
        "— keep one (YAML would silently use the last)"
    ]
    assert write(tmp_path, "defaults: &d {model: x}\nmodels: *d\n") == [
        "presets.yml:1: YAML anchors and aliases (`&`, `*`) are not allowed — write the value out"
    ]
    assert write(tmp_path, "defaults: !!python/name:os.system x\n") == [
        "presets.yml:1: YAML tag `tag:yaml.org,2002:python/name:os.system` is not allowed — write a plain value"
    ]
    (tmp_path / "presets.yml").write_bytes(b"\xef\xbb\xbfdefaults: {}\n")
    assert [p.render(tmp_path) for p in load_presets(tmp_path / "presets.yml", tmp_path)[1]] == [
        "presets.yml:1: file starts with a byte-order mark — save it as UTF-8 without BOM"
    ]
    missing = tmp_path / "content" / "calculator" / "presets.yml"
    assert [p.render(tmp_path) for p in load_presets(missing, tmp_path)[1]] == [
        "content/calculator/presets.yml:1: the calculator's presets are missing — restore "
        "content/calculator/presets.yml (models and GPUs with sources)"
    ]


def test_names_and_notes_are_plain_text_and_published_escaped(tmp_path, presets):
    text = PRESETS.read_text(encoding="utf-8")
    marked = text.replace("    name: OPT-13B\n", "    name: OPT-13B <b>x</b>\n", 1)
    marked = marked.replace(
        "      en: The official checkpoint also holds",
        "      en: <script>alert(1)</script> [a](javascript:x) The official checkpoint also holds",
        1,
    )
    path = tmp_path / "presets.yml"
    path.write_text(marked, encoding="utf-8")
    loaded, problems = load_presets(path, tmp_path)
    assert problems == [] and loaded is not None
    page = calculator_page("en", loaded)
    assert "<b>x</b>" not in page and "OPT-13B &lt;b&gt;x&lt;/b&gt;" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<li><strong>DeepSeek-V3: </strong>&lt;script&gt;" in page  # HTML, so Markdown never reads the note
    two_lines = text.replace("    name: OPT-13B\n", "    name: |\n      OPT-13B\n      again\n", 1)
    assert any("`name` must be a string on one line" in p for p in write(tmp_path, two_lines))


def test_the_presets_must_be_a_mapping_with_three_sections(tmp_path):
    assert write(tmp_path, "- 1\n") == [
        "presets.yml:1: the presets must be a mapping of defaults, models and gpus — see its comments"
    ]
    assert write(tmp_path, "extra: 1\n") == [
        "presets.yml:1: presets: `defaults` must give model, gpu, gpus, batch and context — add them",
        "presets.yml:1: presets: `gpus` must be a non-empty list of GPU presets — add one",
        "presets.yml:1: presets: `models` must be a non-empty list of model presets — add one",
        "presets.yml:1: presets: unknown section `extra` — the sections are defaults, models and gpus",
    ]


def test_a_missing_number_and_an_unknown_key_are_reported(tmp_path, presets):
    text = PRESETS.read_text(encoding="utf-8")
    text = text.replace("    layers: 80             # num_hidden_layers\n", "    depth: 80\n", 1)
    problems = write(tmp_path, text)
    assert any("model `llama-3.1-70b`: missing `layers` — add `layers:`" in p for p in problems), problems
    assert any("model `llama-3.1-70b`: unknown key `depth` — allowed keys:" in p for p in problems), problems
    assert all(" — " in p for p in problems)


def test_every_problem_in_the_broken_fixtures_names_its_fix():
    for case in ("bad-calculator-presets", "bad-calculator-link"):
        lines = (ROOT / "tests/data/broken" / case / "expected.txt").read_text(encoding="utf-8").splitlines()
        assert len(lines) >= 8
        assert all(re.match(r"^content/[^:]+:\d+: .+ — .+", line) for line in lines)
