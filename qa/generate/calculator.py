"""The KV-cache, GPU-memory and decode-speed calculator (tools/calculator/): the formulas and the page.

- the formulas: `resolve` turns a page address's query parameters into the inputs,
  and `compute` turns the inputs into the outputs.  This is the reference
  implementation: overrides/assets/javascripts/calculator.js computes the same
  numbers in the same order of floating-point operations, and
  tests/browser/test_calculator.py holds the two equal;
- the page: the form, the outputs (each `data-output` with its raw number in
  `data-value`), the formulas, and the tables of every preset's results that readers
  without JavaScript get, computed here at build time.  The page embeds the presets
  as JSON for the script.  Everything authored on it (preset names, notes, source
  addresses; content/calculator/presets.yml, read by qa.sources.presets) is escaped:
  the rest is the generator's own HTML and Markdown.

Pure functions; qa.generate.stage writes what `planned_pages` returns.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterator, Mapping
from urllib.parse import quote, urlencode

from qa import contract, urls
from qa.model import LANGUAGES
from qa.sources.presets import (
    ATTENTION,
    BY_NAME,
    BYTES,
    FALLBACK,
    INPUT_NAMES,
    INPUTS,
    MAX_VALUE,
    MODEL_FIELDS,
    PRECISIONS,
    Input,
    Model,
    Presets,
    Source,
    parse_input,
)

PAGE = urls.CALCULATOR + ".md"  # under each language's folder of docs_dir
OUTPUTS = (
    "kv_bytes_per_token",
    "kv_bytes_total",
    "weight_bytes",
    "total_bytes",
    "fits",
    "max_batch",
    "decode_ms_per_step",
    "decode_tokens_per_s",
    "prefill_ms",
    "ridge_flops_per_byte",
    "bound",
    "decode_intensity",
    "prefill_intensity",
)


# -- inputs and formulas -----------------------------------------------------------------


def resolve(params: Mapping[str, str], presets: Presets) -> dict[str, object]:
    """The inputs a page address describes: the model and GPU presets (or the defaults)
    fill every field, then each valid parameter overrides its field.  TFLOPS follows the
    GPU preset at the weights' precision unless `tflops` is given.  Invalid parameters are
    ignored, as the page ignores them."""
    given: dict[str, object] = {}
    for name, text in params.items():
        value, error = parse_input(name, text, presets)
        if error is None:
            given[name] = value
    d = presets.defaults
    model = presets.models[str(given.get("model", d["model"]))]
    gpu = presets.gpus[str(given.get("gpu", d["gpu"]))]
    values: dict[str, object] = {"model": model.id, **model.inputs()}
    values |= {"batch": d["batch"], "context": d["context"], "gpu": gpu.id, "gpus": d["gpus"]}
    values |= {"mem_gb": gpu.mem_gb, "bw_tbs": gpu.bw_tbs}
    values |= {name: value for name, value in given.items() if name != "tflops"}
    values["tflops"] = given.get("tflops", gpu.tflops_for(str(values["weights"])))
    return {name: values[name] for name in INPUT_NAMES}


def compute(inputs: Mapping[str, object]) -> dict[str, object]:
    """Every output, from resolved inputs.  Floating-point operations in the same order as
    calculator.js (all numbers are doubles there), so both give the same bits."""
    return _work(inputs)[0]


def _work(inputs: Mapping[str, object]) -> tuple[dict[str, object], dict[str, float]]:
    """The outputs, and the intermediate numbers the formulas on the page show."""
    n = {i.name: float(inputs[i.name]) for i in INPUTS if i.kind in ("int", "float")}  # type: ignore[arg-type]
    kv_b, w_b = BYTES[str(inputs["kv"])], BYTES[str(inputs["weights"])]
    if inputs["attention"] == "mla":
        per_layer = n["kv_latent"] * kv_b
    else:
        per_layer = 2 * n["kv_heads"] * n["head_dim"] * kv_b
    layers, context, batch = n["layers"], n["context"], n["batch"]
    full = layers if n["window"] == 0 else min(n["full_layers"], layers)
    span = full * context + (layers - full) * min(context, n["window"])  # token-layers cached per sequence
    kv_sequence = per_layer * span
    kv_total = per_layer * batch * span
    weight_bytes = n["params_b"] * 1e9 * w_b
    total = weight_bytes + kv_total
    capacity = n["gpus"] * n["mem_gb"] * 1e9
    active_bytes = n["active_b"] * 1e9 * w_b
    memory_s = (active_bytes + kv_total) / (n["gpus"] * n["bw_tbs"] * 1e12)
    compute_s = 2 * n["active_b"] * 1e9 * batch / (n["gpus"] * n["tflops"] * 1e12)
    step_s = max(memory_s, compute_s)
    outputs = {
        "kv_bytes_per_token": layers * per_layer,
        "kv_bytes_total": kv_total,
        "weight_bytes": weight_bytes,
        "total_bytes": total,
        "fits": total <= capacity,
        "max_batch": math.floor((capacity - weight_bytes) / kv_sequence) if capacity >= weight_bytes else 0,
        "decode_ms_per_step": step_s * 1000,
        "decode_tokens_per_s": batch / step_s,
        "prefill_ms": 2 * n["active_b"] * 1e9 * context / (n["gpus"] * n["tflops"] * 1e12) * 1000,
        "ridge_flops_per_byte": n["tflops"] / n["bw_tbs"],
        "bound": "memory" if memory_s >= compute_s else "compute",
        "decode_intensity": 2 * n["active_b"] * 1e9 * batch / (active_bytes + kv_total),
        "prefill_intensity": 2 * n["active_b"] * 1e9 * context / (active_bytes + kv_sequence),
    }
    parts = {"per_layer": per_layer, "full": full, "kv_sequence": kv_sequence, "active_bytes": active_bytes}
    return outputs, parts | {"memory_s": memory_s, "compute_s": compute_s, "step_s": step_s}


def data_value(value: object) -> str:
    """An output's raw value as data-value holds it (what JavaScript's String() writes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def link(params: Mapping[str, object], prefix: str = "") -> str:
    """A link to the calculator with these inputs (query values as the page writes them)."""
    return prefix + "?" + urlencode({k: _param(v) for k, v in params.items()}, quote_via=quote, safe=".")


def _param(value: object) -> str:
    return data_value(value) if isinstance(value, (int, float)) else str(value)


# -- numbers as the page shows them --------------------------------------------------------


def fmt_number(x: float) -> str:
    """About three significant digits; thousands separated by commas."""
    if x >= 1000:
        return f"{round(x):,}"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    if x >= 1:
        return f"{x:.2f}"
    return f"{x:.3g}"


def fmt_bytes(b: float) -> str:
    """Decimal units (GB = 10⁹ B) with the binary ones beside them (GiB = 2³⁰ B)."""
    if b < 1000:
        return f"{fmt_number(b)} B"
    units = ("KB", "MB", "GB", "TB", "PB")
    i = min(int(math.log(b, 1000) + 1e-12), len(units))
    j = max(1, min(int(math.log(b, 1024) + 1e-12), len(units)))
    return f"{fmt_number(b / 1000**i)} {units[i - 1]} ({fmt_number(b / 1024**j)} {units[j - 1][0]}iB)"


def fmt_raw(x: float) -> str:
    """An input as the formulas show it: up to four decimals, thousands separated."""
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def fmt_short_bytes(b: float) -> str:
    """Decimal units only (in formulas)."""
    return fmt_bytes(b).split(" (")[0]


FORMULA = {
    "weight_bytes": "f_weight",
    "total_bytes": "f_total",
    "fits": "f_fits",
    "max_batch": "f_max_batch",
    "decode_ms_per_step": "f_decode",
    "decode_tokens_per_s": "f_tokens",
    "prefill_ms": "f_prefill",
    "ridge_flops_per_byte": "f_ridge",
    "bound": "f_bound",
    "decode_intensity": "f_decode_intensity",
    "prefill_intensity": "f_prefill_intensity",
}


def formulas(lang: str, inputs: Mapping[str, object]) -> tuple[dict[str, str], str]:
    """Each output's formula with the numbers in it, and the one-line summary, as
    calculator.js writes them (it rewrites them whenever an input changes)."""
    t = TEXT[lang]
    out, w = _work(inputs)
    n = {k: float(v) for k, v in inputs.items() if BY_NAME[k].kind in ("int", "float")}  # type: ignore[arg-type]
    parts = {k: fmt_raw(v) for k, v in n.items()}
    parts |= {
        "kvb": fmt_raw(BYTES[str(inputs["kv"])]),
        "wb": fmt_raw(BYTES[str(inputs["weights"])]),
        "per_layer": fmt_short_bytes(w["per_layer"]),
        "full": fmt_raw(w["full"]),
        "windowed": fmt_raw(n["layers"] - w["full"]),
        "span_w": fmt_raw(min(n["context"], n["window"])),
        "kv_sequence": fmt_short_bytes(w["kv_sequence"]),
        "active_bytes": fmt_short_bytes(w["active_bytes"]),
        "memory_ms": fmt_number(w["memory_s"] * 1000),
        "compute_ms": fmt_number(w["compute_s"] * 1000),
        "step": fmt_number(w["step_s"] * 1000) + " ms",
        "op": "≤" if out["fits"] else ">",
        "cmp": "≥" if w["memory_s"] >= w["compute_s"] else "<",
    }
    parts |= {k: fmt_short_bytes(float(out[k])) for k in ("weight_bytes", "kv_bytes_total", "total_bytes")}  # type: ignore[arg-type]
    names = FORMULA | {
        "kv_bytes_per_token": "f_kv_token_mla" if inputs["attention"] == "mla" else "f_kv_token",
        "kv_bytes_total": "f_kv_total" if n["window"] == 0 else "f_kv_total_window",
    }
    shown = {name: "= " + t[names[name]].format(**parts) for name in OUTPUTS}
    summary = t["summary"].format(
        fits=t["yes"] if out["fits"] else t["no"], step=parts["step"], bound=t[str(out["bound"])]
    )
    return shown, summary


def fmt_output(name: str, value: object, lang: str) -> str:
    t = TEXT[lang]
    if name.endswith("bytes_per_token") or name.endswith("_bytes") or name == "kv_bytes_total":
        return fmt_bytes(float(value))  # type: ignore[arg-type]
    if name == "fits":
        return t["yes"] if value else t["no"]
    if name == "bound":
        return t[str(value)]
    if name == "max_batch":
        return f"{int(value):,}"  # type: ignore[call-overload]
    unit = {"decode_ms_per_step": " ms", "prefill_ms": " ms", "decode_tokens_per_s": " " + t["tok_s"]}.get(
        name, " FLOP/B"
    )
    return fmt_number(float(value)) + unit  # type: ignore[arg-type]


# -- words on the page ---------------------------------------------------------------------


TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "KV 缓存与显存计算器",
        "heading": "KV 缓存、显存与解码速度计算器",
        "description": (
            "按模型结构与 GPU 估算 KV 缓存大小、显存是否放得下、解码每步时间与预填充时间，"
            "并画出 Roofline；每个输入都可写进网址。"
        ),
        "intro": (
            "按模型结构和 GPU 估算 KV 缓存有多大、权重加 KV 缓存放不放得下、解码一步至少要多久、"
            "预填充一条序列至少要多久，"
            "并在 Roofline 图上标出解码与预填充的位置。选一个模型预设和 GPU 预设，其余输入随之填好，可逐项修改。"
        ),
        "url_note": (
            "每个输入都是网址里同名的查询参数，可以把某个配置直接链接到博客里，例如 "
            "[`?model=llama-3.1-70b&gpu=h100-sxm&gpus=4`]({example})：没有写出的输入取预设的值。"
        ),
        "units_note": "GB 指 10⁹ 字节，括号里是 GiB（2³⁰ 字节）；TB/s 指每秒 10¹² 字节。",
        "calculator": "计算",
        "form_label": "计算器输入",
        "group_model": "模型",
        "group_load": "精度与负载",
        "group_gpu": "硬件",
        "model": "模型预设",
        "attention": "注意力类型",
        "layers": "层数",
        "kv_heads": "KV 头数",
        "head_dim": "每头维度",
        "kv_latent": "MLA：每层每 token 缓存的元素数",
        "window": "滑动窗口（token，0 表示没有）",
        "full_layers": "全注意力层数（有窗口时）",
        "params_b": "总参数量（十亿）",
        "active_b": "每 token 激活参数（十亿）",
        "weights": "权重精度",
        "kv": "KV 缓存精度",
        "batch": "并发序列数（batch）",
        "context": "每条序列的 token 数",
        "gpu": "GPU 预设",
        "gpus": "GPU 数量",
        "mem_gb": "每块 GPU 显存（GB）",
        "bw_tbs": "每块 GPU 显存带宽（TB/s）",
        "tflops": "每块 GPU 稠密算力（TFLOPS，按权重精度）",
        "mha": "MHA（多头注意力）",
        "gqa": "GQA（分组查询注意力）",
        "mqa": "MQA（多查询注意力）",
        "mla": "MLA（多头潜在注意力）",
        "results": "结果",
        "permalink": "本配置的链接",
        "out_kv_bytes_per_token": "每 token 的 KV 缓存",
        "out_kv_bytes_total": "整个 batch 的 KV 缓存",
        "out_weight_bytes": "权重",
        "out_total_bytes": "合计（权重 + KV 缓存）",
        "out_fits": "显存放得下吗",
        "out_max_batch": "此上下文长度下的最大 batch",
        "out_decode_ms_per_step": "解码每步时间（下界）",
        "out_decode_tokens_per_s": "解码吞吐（上界）",
        "out_prefill_ms": "预填充一条序列（下界）",
        "out_ridge_flops_per_byte": "屋脊点（算力 ÷ 带宽）",
        "out_bound": "解码一步受限于",
        "out_decode_intensity": "解码的算术强度",
        "out_prefill_intensity": "预填充的算术强度",
        "yes": "放得下",
        "no": "放不下",
        "memory": "显存带宽",
        "compute": "算力",
        "tok_s": "token/s",
        "summary": "{fits}；解码每步至少 {step}，受限于{bound}。",
        "f_kv_token": "{layers} 层 × 2 × {kv_heads} × {head_dim} × {kvb} B",
        "f_kv_token_mla": "{layers} 层 × {kv_latent} × {kvb} B",
        "f_kv_total": "{per_layer} × batch {batch} × {layers} 层 × {context} token",
        "f_kv_total_window": "{per_layer} × batch {batch} × ({full} × {context} + {windowed} × {span_w}) token·层",
        "f_weight": "{params_b} × 10⁹ × {wb} B",
        "f_total": "{weight_bytes} + {kv_bytes_total}",
        "f_fits": "{total_bytes} {op} {gpus} × {mem_gb} GB",
        "f_max_batch": "⌊({gpus} × {mem_gb} GB − {weight_bytes}) ÷ 每条序列 {kv_sequence}⌋",
        "f_decode": "max(访存 {memory_ms} ms，计算 {compute_ms} ms)",
        "f_tokens": "{batch} ÷ {step}",
        "f_prefill": "2 × {active_b} × 10⁹ × {context} ÷ ({gpus} × {tflops} TFLOPS)",
        "f_ridge": "{tflops} TFLOPS ÷ {bw_tbs} TB/s",
        "f_bound": "访存 {memory_ms} ms {cmp} 计算 {compute_ms} ms",
        "f_decode_intensity": "2 × {active_b} × 10⁹ × {batch} FLOP ÷ ({active_bytes} + {kv_bytes_total})",
        "f_prefill_intensity": "2 × {active_b} × 10⁹ × {context} FLOP ÷ ({active_bytes} + {kv_sequence})",
        "roofline": "Roofline",
        "roofline_caption": (
            "Roofline（每块 GPU，双对数坐标）：斜线是带宽上限，水平线是算力上限，二者交于屋脊点。"
            "算术强度低于屋脊点的运算受显存带宽限制。"
        ),
        "axis_x": "算术强度（FLOP/字节）",
        "axis_y": "可达算力（TFLOPS）",
        "decode": "解码",
        "prefill": "预填充",
        "ridge": "屋脊点",
        "svg_label": "Roofline：屋脊点 {ridge} FLOP/B；解码 {decode} FLOP/B，{bound}受限；预填充 {prefill} FLOP/B。",
        "formulas": "公式与假设",
        "formula_items": (
            "- **每层每 token 的 KV 字节：** MHA/GQA/MQA 为 `2 × kv_heads × head_dim × KV 精度字节`（K 与 V 各一份），"
            "MLA 为 `kv_latent × KV 精度字节`（DeepSeek-V3 每层缓存 512 维潜向量加 64 维 RoPE 键，共 576 个元素）。\n"
            "- **KV 缓存总量：** "
            "`每层字节 × batch × (full_layers × context + (layers − full_layers) × min(context, window))`；"
            "没有滑动窗口（window = 0）时 full_layers = layers。\n"
            "- **显存：** `合计 = 权重 + KV 缓存`，权重为 `params_b × 10⁹ × 权重精度字节`。**不含激活值、CUDA 上下文、"
            "通信缓冲和分配器碎片**，实际能用的显存比数据手册的容量少若干 GB，所以“放得下”是乐观的判断。\n"
            "- **解码一步：** 取 `(active_b × 10⁹ × 权重字节 + KV 缓存总量) ÷ (GPU 数 × 带宽)` 与 "
            "`2 × active_b × 10⁹ × batch ÷ (GPU 数 × TFLOPS)` 中较大者。它假设带宽与算力都跑满、多卡完美切分，"
            "所以是每步时间的**下界**，`batch ÷ 每步时间` 是解码吞吐的**上界**。MoE 模型在 batch 大于 1 时"
            "各 token 走不同专家，每步读到的权重多于激活参数，实际更慢。\n"
            "- **预填充：** `2 × active_b × 10⁹ × context ÷ (GPU 数 × TFLOPS)`，只计矩阵乘，"
            "**不含注意力本身的 FLOP**（长上下文时它随长度平方增长），也是下界。\n"
            "- **精度字节数：** FP32 为 4，BF16/FP16 为 2，FP8/INT8 为 1，INT4/FP4 为 0.5。INT4/FP4 还要存分组 scale："
            "每 128 个 INT4 权重一个 FP16 scale 约多 3%，MXFP4 每 32 个元素一个 8 位 scale 约多 6%，这里没有计入。\n"
            "- **TFLOPS：** 取 GPU 在权重精度下的稠密张量算力；GPU 没有该精度的张量核心时（如 A100 没有 FP8），"
            "取它具备的下一种更宽的精度。仅权重量化（W4A16）的内核实际按 BF16 计算，这时可以手动填写 `tflops`。\n"
            "- **屋脊点：** `TFLOPS ÷ 带宽`（FLOP/字节）。解码的算术强度约为 `2 × batch ÷ 权重字节数`，"
            "远低于屋脊点，所以小 batch 的解码受显存带宽限制。"
        ),
        "all_results": "全部预设的结果",
        "all_results_intro": (
            "下表在构建时由同一套公式（Python 参考实现）算出，每个模型配一种典型部署；不启用 JavaScript 也能阅读。"
            "点模型名可把该配置载入上面的计算器。"
        ),
        "col_model": "模型",
        "col_deployment": "部署",
        "col_kv_token": "每 token KV",
        "col_kv_total": "KV 总量",
        "col_weights": "权重",
        "col_total": "合计",
        "col_fits": "放得下",
        "col_max_batch": "最大 batch",
        "col_decode": "解码每步",
        "col_tokens": "解码吞吐",
        "col_prefill": "预填充",
        "col_bound": "解码受限于",
        "deployment": "{gpus} × {gpu}，batch {batch}，{context} token，{weights}/{kv}",
        "models_heading": "模型预设",
        "models_intro": "每个数字都来自官方 config.json、模型卡或论文，链接见最后一列。",
        "col_attention": "注意力",
        "col_layers": "层数",
        "col_kv_heads": "KV 头",
        "col_head_dim": "头维度",
        "col_kv_latent": "MLA 缓存元素",
        "col_window": "窗口 / 全注意力层",
        "col_params": "参数（总 / 激活）",
        "col_precision": "权重 / KV",
        "col_sources": "出处",
        "gpus_heading": "GPU 预设",
        "gpus_intro": "显存、带宽与稠密算力取自厂商数据手册；NVIDIA 手册的张量算力按 2:4 稀疏标注，这里取其一半。",
        "col_gpu": "GPU",
        "col_mem": "显存",
        "col_bw": "带宽",
        "col_tflops": "稠密 TFLOPS（精度）",
        "col_ridge": "屋脊点（BF16）",
        "none": "无",
        "colon": "：",
        "search_terms": "计算器|KV 缓存大小|显存占用|解码速度|Roofline",
        "search_text": (
            "KV 缓存计算器：估算 KV 缓存大小、显存占用、权重大小、最大 batch、解码速度与预填充时间，"
            "比较 MHA、GQA、MQA、MLA 与滑动窗口。"
        ),
    },
    "en": {
        "title": "KV cache and GPU memory calculator",
        "heading": "KV cache, GPU memory and decode speed calculator",
        "description": (
            "Estimate KV cache size, whether weights and KV cache fit in GPU memory, decode step time and prefill "
            "time from a model's shape and a GPU, with a roofline; every input can go in the address."
        ),
        "intro": (
            "From a model's shape and a GPU, estimate how large the KV cache is, whether weights plus KV cache fit in "
            "memory, how long a decode step takes at least, and how long prefilling one sequence takes at least, and "
            "see decode and prefill on a roofline. Pick a model preset and a GPU preset to fill the other inputs, then "
            "change any of them."
        ),
        "url_note": (
            "Every input is a query parameter of the same name in the address, so a configuration can be linked from "
            "a blog post, for example [`?model=llama-3.1-70b&gpu=h100-sxm&gpus=4`]({example}): inputs left out take "
            "the presets' values."
        ),
        "units_note": "GB means 10⁹ bytes, with GiB (2³⁰ bytes) in brackets; TB/s means 10¹² bytes per second.",
        "calculator": "Calculator",
        "form_label": "Calculator inputs",
        "group_model": "Model",
        "group_load": "Precision and load",
        "group_gpu": "Hardware",
        "model": "Model preset",
        "attention": "Attention",
        "layers": "Layers",
        "kv_heads": "KV heads",
        "head_dim": "Head dimension",
        "kv_latent": "MLA: elements cached per token per layer",
        "window": "Sliding window (tokens, 0 = none)",
        "full_layers": "Full-attention layers (with a window)",
        "params_b": "Total parameters (billions)",
        "active_b": "Active parameters per token (billions)",
        "weights": "Weight precision",
        "kv": "KV cache precision",
        "batch": "Batch (sequences at once)",
        "context": "Context (tokens per sequence)",
        "gpu": "GPU preset",
        "gpus": "GPUs",
        "mem_gb": "Memory per GPU (GB)",
        "bw_tbs": "Memory bandwidth per GPU (TB/s)",
        "tflops": "Dense TFLOPS per GPU (at the weight precision)",
        "mha": "MHA (multi-head)",
        "gqa": "GQA (grouped-query)",
        "mqa": "MQA (multi-query)",
        "mla": "MLA (multi-head latent)",
        "results": "Results",
        "permalink": "Link to this configuration",
        "out_kv_bytes_per_token": "KV cache per token",
        "out_kv_bytes_total": "KV cache of the whole batch",
        "out_weight_bytes": "Weights",
        "out_total_bytes": "Total (weights + KV cache)",
        "out_fits": "Fits in GPU memory?",
        "out_max_batch": "Largest batch at this context",
        "out_decode_ms_per_step": "Decode step time (lower bound)",
        "out_decode_tokens_per_s": "Decode throughput (upper bound)",
        "out_prefill_ms": "Prefill of one sequence (lower bound)",
        "out_ridge_flops_per_byte": "Ridge point (compute ÷ bandwidth)",
        "out_bound": "The decode step is bound by",
        "out_decode_intensity": "Arithmetic intensity of decode",
        "out_prefill_intensity": "Arithmetic intensity of prefill",
        "yes": "fits",
        "no": "does not fit",
        "memory": "memory bandwidth",
        "compute": "compute",
        "tok_s": "tokens/s",
        "summary": "Weights and KV cache: {fits}; a decode step takes at least {step}, bound by {bound}.",
        "f_kv_token": "{layers} layers × 2 × {kv_heads} × {head_dim} × {kvb} B",
        "f_kv_token_mla": "{layers} layers × {kv_latent} × {kvb} B",
        "f_kv_total": "{per_layer} × batch {batch} × {layers} layers × {context} tokens",
        "f_kv_total_window": "{per_layer} × batch {batch} × ({full} × {context} + {windowed} × {span_w}) token-layers",
        "f_weight": "{params_b} × 10⁹ × {wb} B",
        "f_total": "{weight_bytes} + {kv_bytes_total}",
        "f_fits": "{total_bytes} {op} {gpus} × {mem_gb} GB",
        "f_max_batch": "⌊({gpus} × {mem_gb} GB − {weight_bytes}) ÷ {kv_sequence} per sequence⌋",
        "f_decode": "max(memory {memory_ms} ms, compute {compute_ms} ms)",
        "f_tokens": "{batch} ÷ {step}",
        "f_prefill": "2 × {active_b} × 10⁹ × {context} ÷ ({gpus} × {tflops} TFLOPS)",
        "f_ridge": "{tflops} TFLOPS ÷ {bw_tbs} TB/s",
        "f_bound": "memory {memory_ms} ms {cmp} compute {compute_ms} ms",
        "f_decode_intensity": "2 × {active_b} × 10⁹ × {batch} FLOP ÷ ({active_bytes} + {kv_bytes_total})",
        "f_prefill_intensity": "2 × {active_b} × 10⁹ × {context} FLOP ÷ ({active_bytes} + {kv_sequence})",
        "roofline": "Roofline",
        "roofline_caption": (
            "Roofline per GPU, log–log: the slope is the bandwidth limit, the flat line the compute limit, and they "
            "meet at the ridge point. Work with an arithmetic intensity below the ridge point is bound by memory "
            "bandwidth."
        ),
        "axis_x": "Arithmetic intensity (FLOP/byte)",
        "axis_y": "Attainable TFLOPS",
        "decode": "decode",
        "prefill": "prefill",
        "ridge": "ridge",
        "svg_label": (
            "Roofline: ridge point {ridge} FLOP/B; decode at {decode} FLOP/B, bound by {bound}; "
            "prefill at {prefill} FLOP/B."
        ),
        "formulas": "Formulas and assumptions",
        "formula_items": (
            "- **KV bytes per token per layer:** `2 × kv_heads × head_dim × KV bytes` for MHA/GQA/MQA (one K and one "
            "V), `kv_latent × KV bytes` for MLA (DeepSeek-V3 caches a 512-element latent plus a 64-element RoPE key "
            "per layer: 576 elements).\n"
            "- **KV cache of the batch:** `per-layer bytes × batch × (full_layers × context + (layers − full_layers) "
            "× min(context, window))`; without a sliding window (window = 0), full_layers = layers.\n"
            "- **Memory:** `total = weights + KV cache`, with weights `params_b × 10⁹ × weight bytes`. **Activations, "
            "the CUDA context, communication buffers and allocator fragmentation are not counted**, and the usable "
            'memory is a few GB below the data sheet\'s capacity, so "fits" is an optimistic verdict.\n'
            "- **Decode step:** the larger of `(active_b × 10⁹ × weight bytes + KV cache) ÷ (GPUs × bandwidth)` and "
            "`2 × active_b × 10⁹ × batch ÷ (GPUs × TFLOPS)`. It assumes full bandwidth and compute and a perfect "
            "split across GPUs, so it is a **lower bound** on the step time, and `batch ÷ step time` an **upper "
            "bound** on decode throughput. A mixture-of-experts model at batch > 1 sends tokens to different "
            "experts and reads more weights per step than its active parameters: it is slower.\n"
            "- **Prefill:** `2 × active_b × 10⁹ × context ÷ (GPUs × TFLOPS)`, the matrix multiplications only: "
            "**attention's own FLOPs are excluded** (they grow with the square of the length), so it is a lower "
            "bound too.\n"
            "- **Bytes per element:** FP32 4, BF16/FP16 2, FP8/INT8 1, INT4/FP4 0.5. INT4 and FP4 also store "
            "group scales, not counted here: one FP16 scale per 128 INT4 weights adds about 3 %, MXFP4's 8-bit "
            "scale per 32 elements about 6 %.\n"
            "- **TFLOPS:** the GPU's dense tensor throughput at the weight precision; where the GPU has no tensor "
            "cores for it (A100 has no FP8), the next wider precision it has. Weight-only quantized kernels "
            "(W4A16) compute in BF16: type `tflops` yourself then.\n"
            "- **Ridge point:** `TFLOPS ÷ bandwidth` (FLOP per byte). Decode's arithmetic intensity is about "
            "`2 × batch ÷ bytes per weight`, far below the ridge point, which is why small-batch decode is bound "
            "by memory bandwidth."
        ),
        "all_results": "Every preset's results",
        "all_results_intro": (
            "Computed at build time with the same formulas (the Python reference implementation), each model on a "
            "typical deployment; readable without JavaScript. A model's name loads its configuration into the "
            "calculator above."
        ),
        "col_model": "Model",
        "col_deployment": "Deployment",
        "col_kv_token": "KV per token",
        "col_kv_total": "KV total",
        "col_weights": "Weights",
        "col_total": "Total",
        "col_fits": "Fits",
        "col_max_batch": "Largest batch",
        "col_decode": "Decode step",
        "col_tokens": "Decode throughput",
        "col_prefill": "Prefill",
        "col_bound": "Decode bound by",
        "deployment": "{gpus} × {gpu}, batch {batch}, {context} tokens, {weights}/{kv}",
        "models_heading": "Model presets",
        "models_intro": (
            "Every number comes from the official config.json, model card or paper, linked in the last column."
        ),
        "col_attention": "Attention",
        "col_layers": "Layers",
        "col_kv_heads": "KV heads",
        "col_head_dim": "Head dim",
        "col_kv_latent": "MLA elements",
        "col_window": "Window / full layers",
        "col_params": "Parameters (total / active)",
        "col_precision": "Weights / KV",
        "col_sources": "Sources",
        "gpus_heading": "GPU presets",
        "gpus_intro": (
            "Memory, bandwidth and dense throughput from the vendors' data sheets; NVIDIA prints tensor throughput "
            "with 2:4 sparsity, halved here."
        ),
        "col_gpu": "GPU",
        "col_mem": "Memory",
        "col_bw": "Bandwidth",
        "col_tflops": "Dense TFLOPS (precision)",
        "col_ridge": "Ridge point (BF16)",
        "none": "none",
        "colon": ": ",
        "search_terms": "calculator|KV cache size|GPU memory|decode speed|roofline",
        "search_text": (
            "KV cache calculator: estimate KV cache size, GPU memory use, weight size, the largest batch, decode "
            "speed and prefill time; compare MHA, GQA, MQA, MLA and sliding-window attention."
        ),
    },
}


# -- the page --------------------------------------------------------------------------


def _esc(text: object) -> str:
    return html.escape(str(text))


def _source_label(url: str) -> str:
    if url.endswith("/config.json"):
        return "config.json"
    arxiv = re.match(r"https://arxiv\.org/abs/(\S+)", url)
    if arxiv:
        return f"arXiv:{arxiv[1]}"
    if url.startswith("https://huggingface.co/"):
        return "Hugging Face"
    if url.endswith(".pdf"):
        return url.rsplit("/", 1)[1].removesuffix(".pdf")
    return url.split("/")[2].removeprefix("www.")


def _sources(sources: tuple[Source, ...]) -> str:
    return " · ".join(f'<a href="{_esc(s.url)}">{_esc(_source_label(s.url))}</a>' for s in sources)


def page_data(lang: str, presets: Presets) -> dict[str, object]:
    """What calculator.js needs: the presets, the constants and the page's words."""
    words = ("yes", "no", "memory", "compute", "tok_s", "summary", "axis_x", "axis_y", "decode", "prefill", "ridge")
    t = TEXT[lang]
    return {
        "inputs": [{"name": i.name, "kind": i.kind, "low": i.low} for i in INPUTS],
        "modelFields": list(MODEL_FIELDS),
        "bytes": BYTES,
        "fallback": FALLBACK,
        "max": MAX_VALUE,
        "defaults": presets.defaults,
        "models": {m.id: m.inputs() for m in presets.models.values()},
        "gpus": {g.id: {"mem_gb": g.mem_gb, "bw_tbs": g.bw_tbs, "tflops": g.tflops} for g in presets.gpus.values()},
        "text": {w: t[w] for w in words} | {k: v for k, v in t.items() if k.startswith("f_")} | {"svg": t["svg_label"]},
    }


def _field(lang: str, spec: Input, value: object, presets: Presets) -> str:
    t = TEXT[lang]
    label = f'<span class="calc-label">{_esc(t[spec.name])} <code>{spec.name}</code></span>'
    if spec.kind in ("model", "gpu", "choice"):
        if spec.kind == "model":
            options = [(m.id, m.name) for m in presets.models.values()]
        elif spec.kind == "gpu":
            options = [(g.id, g.name) for g in presets.gpus.values()]
        elif spec.name == "attention":
            options = [(a, t[a]) for a in ATTENTION]
        else:
            options = [(p, f"{p.upper()} ({fmt_number(BYTES[p]).rstrip('0').rstrip('.')} B)") for p in PRECISIONS]
        items = "".join(
            f'<option value="{v}"{" selected" if v == value else ""}>{_esc(text)}</option>' for v, text in options
        )
        control = f'<select name="{spec.name}">{items}</select>'
    else:
        numeric = "numeric" if spec.kind == "int" else "decimal"
        step = "1" if spec.kind == "int" else "any"
        low = str(spec.low) if spec.kind == "int" else "0"
        control = (
            f'<input name="{spec.name}" type="number" inputmode="{numeric}" min="{low}" step="{step}" '
            f'value="{data_value(value)}" required>'
        )
    return f'<label class="calc-field">{label}{control}</label>'


def _form(lang: str, presets: Presets, values: dict[str, object]) -> str:
    t = TEXT[lang]
    groups = []
    for group in ("model", "load", "gpu"):
        fields = "".join(_field(lang, i, values[i.name], presets) for i in INPUTS if i.group == group)
        groups.append(f'<fieldset class="calc-group"><legend>{_esc(t["group_" + group])}</legend>{fields}</fieldset>')
    return f'<form class="calc-form" id="calc-form" aria-label="{_esc(t["form_label"])}">{"".join(groups)}</form>'


def _outputs(lang: str, inputs: dict[str, object]) -> str:
    t = TEXT[lang]
    results, shown = compute(inputs), formulas(lang, inputs)[0]
    rows = "".join(
        f'<div class="calc-row"><dt>{_esc(t["out_" + name])}</dt><dd>'
        f'<output data-output="{name}" data-value="{data_value(results[name])}">'
        f"{_esc(fmt_output(name, results[name], lang))}</output>"
        f'<span class="calc-formula" data-formula="{name}">{_esc(shown[name])}</span></dd></div>'
        for name in OUTPUTS
    )
    return f'<dl class="calc-out">{rows}</dl>'


WRAP = "\0"  # a cell starting with this may wrap its text (the others keep theirs on one line)


def _table(label: str, head: list[str], rows: list[list[str]]) -> str:
    """A table that scrolls sideways on its own on a narrow screen (keyboard-scrollable)."""
    th = "".join(f'<th scope="col">{_esc(h)}</th>' for h in head)

    def td(cell: str) -> str:
        return f'<td class="calc-wrap">{cell[1:]}</td>' if cell.startswith(WRAP) else f"<td>{cell}</td>"

    body = "".join("<tr>" + "".join(td(cell) for cell in row) + "</tr>" for row in rows)
    return (
        f'<div class="calc-scroll" role="region" aria-label="{_esc(label)}" tabindex="0">'
        f'<table class="calc-table"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table></div>'
    )


def example_inputs(model: Model, presets: Presets) -> dict[str, object]:
    """The inputs of a model's example deployment, as the tables show it."""
    return resolve({"model": model.id, **{k: _param(v) for k, v in model.example.items()}}, presets)


def _results_table(lang: str, presets: Presets) -> str:
    t = TEXT[lang]
    head = [t[f"col_{c}"] for c in ("model", "deployment", "kv_token", "kv_total", "weights", "total", "fits")]
    head += [t[f"col_{c}"] for c in ("max_batch", "decode", "tokens", "prefill", "bound")]
    rows = []
    for model in presets.models.values():
        inputs = example_inputs(model, presets)
        out = compute(inputs)
        deployment = t["deployment"].format(
            gpus=inputs["gpus"],
            gpu=presets.gpus[str(inputs["gpu"])].name,
            batch=inputs["batch"],
            context=f"{inputs['context']:,}",
            weights=str(inputs["weights"]).upper(),
            kv=str(inputs["kv"]).upper(),
        )
        query = link({"model": model.id, **model.example})
        cells = [f'<a href="{_esc(query)}">{_esc(model.name)}</a>', WRAP + _esc(deployment)]
        names = ("kv_bytes_per_token", "kv_bytes_total", "weight_bytes", "total_bytes", "fits", "max_batch")
        names += ("decode_ms_per_step", "decode_tokens_per_s", "prefill_ms", "bound")
        cells += [_esc(fmt_output(name, out[name], lang)) for name in names]
        rows.append(cells)
    return _table(t["all_results"], head, rows)


def _models_table(lang: str, presets: Presets) -> str:
    t = TEXT[lang]
    head = [t[f"col_{c}"] for c in ("model", "attention", "layers", "kv_heads", "head_dim", "kv_latent", "window")]
    head += [t[f"col_{c}"] for c in ("params", "precision", "kv_token", "sources")]
    rows = []
    for m in presets.models.values():
        window = f"{m.window:,} / {m.full_layers}" if m.window else t["none"]
        latent = str(m.kv_latent) if m.attention == "mla" else "–"
        params = f"{m.params_b:g}B" if m.active_b == m.params_b else f"{m.params_b:g}B / {m.active_b:g}B"
        per_token = compute(resolve({"model": m.id}, presets))["kv_bytes_per_token"]
        rows.append(
            [
                _esc(m.name),
                _esc(m.attention.upper()),
                str(m.layers),
                str(m.kv_heads),
                str(m.head_dim),
                latent,
                _esc(window),
                _esc(params),
                f"{m.weights.upper()} / {m.kv.upper()}",
                _esc(fmt_bytes(float(per_token))),  # type: ignore[arg-type]
                _sources(m.sources),
            ]
        )
    # authored plain text: written as HTML, escaped, so Markdown never reads it
    notes = "".join(
        f"<li><strong>{_esc(m.name)}{_esc(t['colon'])}</strong>{_esc(m.note[lang])}</li>"
        for m in presets.models.values()
        if m.note
    )
    return "\n".join([_table(t["models_heading"], head, rows), *([f"<ul>{notes}</ul>"] if notes else [])])


def _gpus_table(lang: str, presets: Presets) -> str:
    t = TEXT[lang]
    head = [t[f"col_{c}"] for c in ("gpu", "mem", "bw", "tflops", "ridge", "sources")]
    rows = []
    for g in presets.gpus.values():
        tflops = ", ".join(f"{v:g} ({p.upper()})" for p, v in g.tflops.items())
        rows.append(
            [
                _esc(g.name),
                f"{g.mem_gb:g} GB",
                f"{g.bw_tbs:g} TB/s",
                _esc(tflops),
                f"{fmt_number(g.tflops['bf16'] / g.bw_tbs)} FLOP/B",
                _sources(g.sources),
            ]
        )
    return _table(t["gpus_heading"], head, rows)


def calculator_page(lang: str, presets: Presets) -> str:
    """The page's Markdown (mostly ready HTML, which MkDocs passes through)."""
    t = TEXT[lang]
    values = resolve({}, presets)
    example = link({"model": "llama-3.1-70b", "gpu": "h100-sxm", "gpus": 4})
    data = json.dumps(page_data(lang, presets), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    meta = {
        contract.META_TITLE: html.escape(t["title"], quote=False),
        contract.META_DESCRIPTION: html.escape(t["description"], quote=False),
        "template": "calculator.html",  # overrides/calculator.html: the script and styles, on this page only
        "hide": ["toc"],
        contract.META_GENERATED: True,  # the generator's own HTML: the plugin does not sanitize it as a docs page
    }
    # JSON is valid YAML and needs no escaping rules of its own
    front = "---\n" + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()) + "\n---\n"
    return "\n".join(
        [
            front,
            f"# {t['heading']}",
            "",
            t["intro"],
            "",
            t["url_note"].format(example=example),
            "",
            t["units_note"],
            "",
            # hidden only without JavaScript (a <noscript> stylesheet, overrides/calculator.html): the
            # site's .qa-js would hide it until Material's bundle runs, and the page would shift then
            f"## {t['calculator']} {{ #calculator .calc-js }}",
            "",
            '<div class="calc calc-js" id="calc">',
            _form(lang, presets, values),
            f'<p class="calc-actions"><a class="md-button" id="calc-link" href="{_esc(link({}))}">'
            f'{_esc(t["permalink"])}</a><span class="calc-summary" role="status">{_esc(formulas(lang, values)[1])}'
            "</span></p>",
            f'<h3 id="results">{_esc(t["results"])}</h3>',
            _outputs(lang, values),
            f'<figure class="calc-roofline"><div class="calc-svg" id="calc-svg"></div>'
            f"<figcaption>{_esc(t['roofline_caption'])}</figcaption></figure>",
            "</div>",
            "",
            f'<script type="application/json" id="calc-data">{data}</script>',
            "",
            f"## {t['formulas']} {{ #formulas }}",
            "",
            t["formula_items"],
            "",
            f"## {t['all_results']} {{ #presets }}",
            "",
            t["all_results_intro"],
            "",
            _results_table(lang, presets),
            "",
            f"## {t['models_heading']} {{ #models }}",
            "",
            t["models_intro"],
            "",
            _models_table(lang, presets),
            "",
            f"## {t['gpus_heading']} {{ #gpus }}",
            "",
            t["gpus_intro"],
            "",
            _gpus_table(lang, presets),
            "",
        ]
    )


def search_document(lang: str) -> dict[str, object]:
    """The calculator's entry in its language's search index (qa.plugin.search indexes it)."""
    t = TEXT[lang]
    return {
        "location": urls.calculator_path(),
        "title": html.escape(t["title"], quote=False),
        "terms": t["search_terms"].split("|"),
        "text": html.escape(t["search_text"], quote=False),
        "note": "",
    }


def planned_pages(presets: Presets) -> Iterator[tuple[str, str]]:
    """(path under docs_dir, Markdown) of the calculator page in every language."""
    for lang in LANGUAGES:
        yield f"{lang}/{PAGE}", calculator_page(lang, presets)
