"""content/calculator/presets.yml: the calculator's model and GPU presets, read and checked.

The calculator (tools/calculator/, written by qa.generate.calculator) has one list of
inputs, each also a query parameter of the same name; a model preset fills the
model's inputs, a GPU preset the hardware's.  This module holds that vocabulary (the
inputs, the precisions and their bytes, the attention types), the typed presets, and
the reading: every problem of the file is reported as `path:line: message — fix`, all
of them in one pass, and the presets are returned only when there is none.

The file is read like every authored source (qa.sources.files.read_text, then
qa.sources.frontmatter.parse_yaml: no anchors, aliases, tags or repeated keys).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from qa.model import LANGUAGES, Finding, quoted
from qa.sources.files import read_text
from qa.sources.frontmatter import parse_yaml

# Bytes per element.  INT4/FP4 formats also store a scale per group, not counted here
# (the calculator page says how much it adds).
BYTES: dict[str, float] = {"fp32": 4.0, "bf16": 2.0, "fp16": 2.0, "fp8": 1.0, "int8": 1.0, "int4": 0.5, "fp4": 0.5}
PRECISIONS = tuple(BYTES)
ATTENTION = ("mha", "gqa", "mqa", "mla")
# A GPU without tensor cores for a precision computes in the next wider one it has.
FALLBACK: dict[str, tuple[str, ...]] = {
    "fp32": ("fp32",),
    "bf16": ("bf16", "fp16"),
    "fp16": ("fp16", "bf16"),
    "fp8": ("fp8", "bf16"),
    "int8": ("int8", "bf16"),
    "int4": ("int4", "int8", "bf16"),
    "fp4": ("fp4", "fp8", "bf16"),
}
REQUIRED_TFLOPS = ("bf16", "fp32")  # every chain in FALLBACK ends in one of these
MAX_VALUE = 1e15  # no input is larger; keeps every product well inside a double's range


@dataclass(frozen=True)
class Input:
    """One input of the calculator's form, also a query parameter of the same name."""

    name: str
    kind: str  # "model" or "gpu" (a preset id), "int", "float" (> 0) or "choice"
    group: str  # the form's fieldset: model, load or gpu
    low: int = 0  # smallest whole number allowed (kind "int")
    choices: tuple[str, ...] = ()


INPUTS: tuple[Input, ...] = (
    Input("model", "model", "model"),
    Input("attention", "choice", "model", choices=ATTENTION),
    Input("layers", "int", "model", 1),
    Input("kv_heads", "int", "model", 1),
    Input("head_dim", "int", "model", 1),
    Input("kv_latent", "int", "model", 1),
    Input("window", "int", "model", 0),
    Input("full_layers", "int", "model", 0),
    Input("params_b", "float", "model"),
    Input("active_b", "float", "model"),
    Input("weights", "choice", "load", choices=PRECISIONS),
    Input("kv", "choice", "load", choices=PRECISIONS),
    Input("batch", "int", "load", 1),
    Input("context", "int", "load", 1),
    Input("gpu", "gpu", "gpu"),
    Input("gpus", "int", "gpu", 1),
    Input("mem_gb", "float", "gpu"),
    Input("bw_tbs", "float", "gpu"),
    Input("tflops", "float", "gpu"),
)
INPUT_NAMES = tuple(i.name for i in INPUTS)
BY_NAME = {i.name: i for i in INPUTS}
# The inputs a model preset fills (its weights and KV cache precisions included).
MODEL_FIELDS = tuple(i.name for i in INPUTS if i.group == "model" and i.kind != "model") + ("weights", "kv")
INT_TEXT = re.compile(r"^[0-9]+$")
FLOAT_TEXT = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")


# -- the presets --------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    url: str
    backs: tuple[str, ...]  # the fields of the preset this source gives


@dataclass(frozen=True)
class Model:
    id: str
    name: str  # plain text
    attention: str
    layers: int
    kv_heads: int
    head_dim: int
    kv_latent: int  # for MLA, from the config; otherwise what MHA/GQA caches: 2 × kv_heads × head_dim
    window: int
    full_layers: int  # = layers without a sliding window
    params_b: float
    active_b: float
    weights: str
    kv: str
    example: dict[str, object]  # gpu, gpus, batch, context: the deployment the page's tables show
    sources: tuple[Source, ...]
    note: dict[str, str] = field(default_factory=dict)  # language → plain text

    def inputs(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in MODEL_FIELDS}


@dataclass(frozen=True)
class Gpu:
    id: str
    name: str  # plain text
    mem_gb: float
    bw_tbs: float
    tflops: dict[str, float]  # precision → dense TFLOPS (TOPS for integers)
    sources: tuple[Source, ...]
    note: dict[str, str] = field(default_factory=dict)

    def tflops_for(self, weights: str) -> float:
        """Dense TFLOPS at the weights' precision, or at the next wider one this GPU has."""
        return self.tflops[self.compute_precision(weights)]

    def compute_precision(self, weights: str) -> str:
        return next(p for p in FALLBACK[weights] if p in self.tflops)


@dataclass(frozen=True)
class Presets:
    defaults: dict[str, object]  # model, gpu, gpus, batch, context
    models: dict[str, Model]  # in the file's order
    gpus: dict[str, Gpu]


# -- query parameters ------------------------------------------------------------------


def parse_input(name: str, text: str, presets: Presets | None) -> tuple[object, str | None]:
    """A query parameter's value, or why it cannot be one (the reason ends with its fix).

    presets None: preset ids are not checked (they cannot be known)."""
    spec = BY_NAME.get(name)
    if spec is None:
        return None, f"unknown input `{quoted(name)}` — use one of: {', '.join(INPUT_NAMES)}"
    shown = quoted(f"{name}={text}")
    if spec.kind in ("model", "gpu"):
        known = None if presets is None else (presets.models if spec.kind == "model" else presets.gpus)
        if known is not None and text not in known:
            return None, f"`{shown}` is not a {spec.kind} preset — use one of: {', '.join(known)}"
        return text, None
    if spec.kind == "choice":
        if text not in spec.choices:
            return None, f"`{shown}` is not one of {', '.join(spec.choices)} — use one of them"
        return text, None
    if spec.kind == "int":
        if not INT_TEXT.match(text) or not spec.low <= int(text) <= MAX_VALUE:
            return None, f"`{shown}` is not a whole number ≥ {spec.low} — write digits only, {spec.low} or more"
        return int(text), None
    if not FLOAT_TEXT.match(text) or not 0 < float(text) <= MAX_VALUE:
        return None, f"`{shown}` is not a number > 0 — write digits with an optional decimal point, above 0"
    return float(text), None


# -- reading the file --------------------------------------------------------------------


@dataclass(frozen=True)
class _Map:
    """A YAML mapping with the lines it came from (keys as strings, in the file's order)."""

    values: dict[str, object]
    lines: dict[str, int]  # key → its line
    line: int  # the mapping's first line

    def get(self, key: str, default: object = None) -> object:
        return self.values.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def __getitem__(self, key: str) -> object:
        return self.values[key]


def _with_lines(node: yaml.Node | None, value: object) -> object:
    """The data, each mapping a _Map that knows its lines (node and data are the same tree:
    parse_yaml refuses aliases, and repeated keys, so they match key by key)."""
    if isinstance(node, yaml.MappingNode) and isinstance(value, dict):
        pairs = list(value.items())
        if len(pairs) != len(node.value):  # a merge key (`<<`) changed the mapping: no key lines
            return _Map({str(k): _with_lines(None, v) for k, v in pairs}, {}, node.start_mark.line + 1)
        values = {str(k): _with_lines(v_node, v) for (_, v_node), (k, v) in zip(node.value, pairs, strict=True)}
        lines = {str(k): k_node.start_mark.line + 1 for (k_node, _), (k, _) in zip(node.value, pairs, strict=True)}
        return _Map(values, lines, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode) and isinstance(value, list) and len(node.value) == len(value):
        return [_with_lines(n, v) for n, v in zip(node.value, value, strict=True)]
    if isinstance(value, dict):
        return _Map({str(k): _with_lines(None, v) for k, v in value.items()}, {}, 1)
    if isinstance(value, list):
        return [_with_lines(None, v) for v in value]
    return value


ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
MODEL_KEYS = {
    "id": "text",
    "name": "text",
    "attention": "attention",
    "layers": "count",
    "kv_heads": "count",
    "head_dim": "count",
    "kv_latent": "count",
    "window": "whole",
    "full_layers": "whole",
    "params_b": "positive",
    "active_b": "positive",
    "weights": "precision",
    "kv": "precision",
    "example": "example",
    "note": "note",
    "sources": "sources",
}
MODEL_OPTIONAL = {"kv_latent", "full_layers", "note"}
MODEL_NUMBERS = ("layers", "kv_heads", "head_dim", "kv_latent", "window", "full_layers", "params_b", "active_b")
GPU_KEYS = {
    "id": "text",
    "name": "text",
    "mem_gb": "positive",
    "bw_tbs": "positive",
    "tflops": "tflops",
    "note": "note",
    "sources": "sources",
}
GPU_NUMBERS = ("mem_gb", "bw_tbs", "tflops")
DEFAULT_KEYS = {"model": "text", "gpu": "text", "gpus": "count", "batch": "count", "context": "count"}
EXAMPLE_KEYS = ("gpu", "gpus", "batch", "context")
KIND_HELP = {
    "text": "a string",
    "count": "a whole number ≥ 1",
    "whole": "a whole number ≥ 0",
    "positive": "a number > 0",
}
MAX_TEXT = 300  # characters of a name or a note


class _Entry:
    """Reads one mapping of the file, reporting its problems against the file's lines."""

    def __init__(self, path: Path, data: _Map, what: str, problems: list[Finding]):
        self.path, self.data, self.what, self.problems = path, data, what, problems

    def line(self, key: str | None = None) -> int:
        return self.data.lines.get(key, self.data.line) if key else self.data.line

    def report(self, key: str | None, message: str) -> None:
        self.problems.append(Finding(self.path, self.line(key), f"{self.what}: {message}"))

    def keys(self) -> list[str]:
        return list(self.data.values)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_text(value: object) -> bool:
    """Plain text on one line: names and notes are published escaped, never as markup."""
    return isinstance(value, str) and value.strip() != "" and len(value) <= MAX_TEXT and "\n" not in value.strip()


def _check_value(entry: _Entry, key: str, kind: str) -> bool:
    """Whether entry[key] has the kind the schema wants; reports it if not."""
    value = entry.data[key]
    ok = {
        "text": _is_text(value),
        "count": isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_VALUE,
        "whole": isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_VALUE,
        "positive": _is_number(value) and 0 < value <= MAX_VALUE,  # type: ignore[operator]
    }.get(kind)
    if ok is None:
        return True  # checked by its own rule
    if not ok:
        help_ = KIND_HELP[kind] + (f" on one line, at most {MAX_TEXT} characters" if kind == "text" else "")
        entry.report(key, f"`{key}` must be {help_}, not `{quoted(value)}` — write it as {help_}")
    return ok


def _check_keys(entry: _Entry, schema: dict[str, str], optional: set[str]) -> set[str]:
    """Unknown and missing keys, then each value's kind; returns the keys not usable
    (missing or of the wrong kind), so the rules that need them stay quiet."""
    bad: set[str] = set()
    for key in entry.keys():
        if key not in schema:
            entry.report(key, f"unknown key `{quoted(key)}` — allowed keys: {', '.join(schema)}")
    for key, kind in schema.items():
        if key not in entry.data:
            if key not in optional:
                entry.report(None, f"missing `{key}` — add `{key}:` (see the other presets)")
                bad.add(key)
        elif not _check_value(entry, key, kind):
            bad.add(key)
    return bad


def _check_choice(entry: _Entry, key: str, choices: tuple[str, ...], what: str) -> bool:
    value = entry.data.get(key)
    if value not in choices:
        entry.report(key, f"`{key}: {quoted(value)}` is not {what} — use one of: {', '.join(choices)}")
        return False
    return True


def _check_note(entry: _Entry) -> dict[str, str]:
    note = entry.data.get("note")
    if note is None:
        return {}
    if not isinstance(note, _Map) or set(note.values) != set(LANGUAGES):
        entry.report("note", f"`note` must give the text in each language ({', '.join(LANGUAGES)}) — add both")
        return {}
    if not all(_is_text(note[lang]) for lang in LANGUAGES):
        entry.report("note", f"`note` must be plain text on one line, at most {MAX_TEXT} characters — shorten it")
        return {}
    return {lang: str(note[lang]) for lang in LANGUAGES}


def _is_https(url: object) -> bool:
    if not isinstance(url, str) or not url.startswith("https://") or re.search(r"[\s<>\"'`\\]", url):
        return False
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:
        return False


def _check_sources(entry: _Entry, numbers: tuple[str, ...]) -> tuple[Source, ...]:
    """Every number of the preset is backed by at least one source."""
    raw = entry.data.get("sources")
    if not isinstance(raw, list) or not raw:
        entry.report("sources", "`sources` must be a list of {url, backs} — cite where each number comes from")
        return ()
    present = [n for n in numbers if n in entry.data]
    sources: list[Source] = []
    for i, item in enumerate(raw, 1):
        line = item.line if isinstance(item, _Map) else entry.line("sources")
        url = item.get("url") if isinstance(item, _Map) else None
        backs = item.get("backs") if isinstance(item, _Map) else None
        if not _is_https(url):
            entry.problems.append(
                Finding(entry.path, line, f"{entry.what}: source #{i} needs an https `url` — link the official page")
            )
        if not isinstance(backs, list) or not backs:
            entry.problems.append(
                Finding(
                    entry.path, line, f"{entry.what}: source #{i} needs `backs`, the fields it gives — e.g. [layers]"
                )
            )
            continue
        for name in backs:
            if name not in present:
                entry.problems.append(
                    Finding(
                        entry.path,
                        line,
                        f"{entry.what}: source #{i} backs `{quoted(name)}`, which is not a number of this preset "
                        f"— use: {', '.join(present)}",
                    )
                )
        sources.append(Source(str(url), tuple(str(b) for b in backs)))
    backed = {name for source in sources for name in source.backs}
    for name in present:
        if name not in backed:
            entry.report(name, f"`{name}` cites no source — add its URL to `sources` with `backs: [{name}]`")
    return tuple(sources)


def _load_model(entry: _Entry, gpu_ids: set[str]) -> Model | None:
    data = entry.data
    bad = _check_keys(entry, MODEL_KEYS, MODEL_OPTIONAL)
    if "attention" in data and not _check_choice(entry, "attention", ATTENTION, "an attention type"):
        bad.add("attention")
    for key in ("weights", "kv"):
        if key in data and not _check_choice(entry, key, PRECISIONS, "a precision"):
            bad.add(key)
    note = _check_note(entry)
    sources = _check_sources(entry, MODEL_NUMBERS)
    example = data.get("example")
    if isinstance(example, _Map):
        inner = _Entry(entry.path, example, entry.what, entry.problems)
        if _check_keys(inner, {k: "count" if k != "gpu" else "text" for k in EXAMPLE_KEYS}, set()):
            bad.add("example")
        if "gpu" in example and example["gpu"] not in gpu_ids:
            known = ", ".join(sorted(gpu_ids))
            inner.report("gpu", f"example gpu `{quoted(example['gpu'])}` is not a GPU preset — use one of: {known}")
            bad.add("example")
    elif "example" in data:
        entry.report("example", "`example` must be {gpu, gpus, batch, context} — the deployment the tables show")
        bad.add("example")

    def usable(*keys: str) -> bool:  # present (where required) and of the right kind
        return not bad & set(keys)

    problems_before = len(entry.problems)
    if usable("attention"):
        attention = data["attention"]
        if attention == "mla" and "kv_latent" not in data:
            entry.report(
                None,
                "attention mla needs `kv_latent`, the elements cached per token per layer — add it from the config",
            )
        if attention != "mla" and "kv_latent" in data:
            entry.report("kv_latent", "`kv_latent` applies to attention mla only — remove it")
        if attention == "mqa" and usable("kv_heads") and data["kv_heads"] != 1:
            entry.report(
                "kv_heads",
                f"attention mqa has one KV head, not {data['kv_heads']} — set `kv_heads: 1` or `attention: gqa`",
            )
    if usable("window", "full_layers"):
        if data["window"] > 0 and "full_layers" not in data:  # type: ignore[operator]
            entry.report(
                "window", "a sliding window needs `full_layers`, the layers with full attention — add it (0 if none)"
            )
        if data["window"] == 0 and "full_layers" in data:
            entry.report("full_layers", "`full_layers` applies only with a sliding window — remove it, or set `window`")
    if usable("layers", "full_layers") and data.get("full_layers", 0) > data["layers"]:  # type: ignore[operator]
        entry.report(
            "full_layers",
            f"`full_layers: {data['full_layers']}` exceeds `layers: {data['layers']}` — at most every layer",
        )
    if usable("params_b", "active_b") and data["active_b"] > data["params_b"]:  # type: ignore[operator]
        entry.report("active_b", "`active_b` exceeds `params_b` — the active parameters are a part of all of them")
    if usable("id") and not ID.match(str(data["id"])):
        entry.report(
            "id", f"id `{quoted(data['id'])}` is not lowercase words, digits, dots and hyphens — e.g. `llama-3.1-8b`"
        )
    if bad or len(entry.problems) > problems_before or not sources:
        return None
    layers = data["layers"]
    assert isinstance(example, _Map)
    return Model(
        id=str(data["id"]),
        name=str(data["name"]),
        attention=str(data["attention"]),
        layers=layers,  # type: ignore[arg-type]
        kv_heads=data["kv_heads"],  # type: ignore[arg-type]
        head_dim=data["head_dim"],  # type: ignore[arg-type]
        kv_latent=data.get("kv_latent", 2 * data["kv_heads"] * data["head_dim"]),  # type: ignore[operator,arg-type]
        window=data["window"],  # type: ignore[arg-type]
        full_layers=data.get("full_layers", layers),  # type: ignore[arg-type]
        params_b=data["params_b"],  # type: ignore[arg-type]
        active_b=data["active_b"],  # type: ignore[arg-type]
        weights=str(data["weights"]),
        kv=str(data["kv"]),
        example={k: example[k] for k in EXAMPLE_KEYS},
        sources=sources,
        note=note,
    )


def _load_gpu(entry: _Entry) -> Gpu | None:
    good = not _check_keys(entry, GPU_KEYS, {"note"})
    note = _check_note(entry)
    sources = _check_sources(entry, GPU_NUMBERS)
    tflops = entry.data.get("tflops")
    if "tflops" in entry.data:
        if not isinstance(tflops, _Map):
            entry.report("tflops", "`tflops` must map precisions to dense TFLOPS — e.g. {fp32: 67, bf16: 989.5}")
            good = False
        else:
            for key in tflops.values:
                value = tflops[key]
                if key not in PRECISIONS:
                    entry.report(
                        "tflops",
                        f"`tflops` has `{quoted(key)}`, which is not a precision — use: {', '.join(PRECISIONS)}",
                    )
                    good = False
                elif not _is_number(value) or not 0 < value <= MAX_VALUE:  # type: ignore[operator]
                    entry.report(
                        "tflops",
                        f"`tflops.{key}` must be a number > 0, not `{quoted(value)}` — write the data sheet's figure",
                    )
                    good = False
            for key in REQUIRED_TFLOPS:
                if key not in tflops:
                    entry.report("tflops", f"`tflops` lacks `{key}` — every GPU needs {' and '.join(REQUIRED_TFLOPS)}")
                    good = False
    if good and not ID.match(str(entry.data["id"])):
        entry.report(
            "id", f"id `{quoted(entry.data['id'])}` is not lowercase words, digits, dots and hyphens — e.g. `h100-sxm`"
        )
        good = False
    if not good or not isinstance(tflops, _Map):
        return None
    return Gpu(
        id=str(entry.data["id"]),
        name=str(entry.data["name"]),
        mem_gb=entry.data["mem_gb"],  # type: ignore[arg-type]
        bw_tbs=entry.data["bw_tbs"],  # type: ignore[arg-type]
        tflops={k: float(tflops[k]) for k in PRECISIONS if k in tflops},  # type: ignore[arg-type]
        sources=sources,
        note=note,
    )


def load_presets(path: Path, root: Path) -> tuple[Presets | None, list[Finding]]:
    """The presets file, checked; None (with the problems) if anything is wrong."""
    if not path.exists() and not path.is_symlink():
        where = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        return None, [
            Finding(path, 1, f"the calculator's presets are missing — restore {where} (models and GPUs with sources)")
        ]
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    node, raw, problems = parse_yaml(path, text, what="presets file")
    if problems:
        return None, problems
    data = _with_lines(node, raw)
    if not isinstance(data, _Map):
        return None, [Finding(path, 1, "the presets must be a mapping of defaults, models and gpus — see its comments")]
    problems = []
    top = _Entry(path, data, "presets", problems)
    for key in top.keys():
        if key not in ("defaults", "models", "gpus"):
            top.report(key, f"unknown section `{quoted(key)}` — the sections are defaults, models and gpus")
    gpus: dict[str, Gpu] = {}
    gpu_lines: dict[str, int] = {}
    models: dict[str, Model] = {}
    model_lines: dict[str, int] = {}
    for section, kind in (("gpus", "GPU"), ("models", "model")):
        items = data.get(section)
        if not isinstance(items, list) or not items:
            top.report(
                section if section in data else None,
                f"`{section}` must be a non-empty list of {kind} presets — add one",
            )
            continue
        for i, item in enumerate(items, 1):
            if not isinstance(item, _Map):
                problems.append(
                    Finding(path, top.line(section), f"{kind} #{i} is not a mapping — write `- id: …` and its keys")
                )
                continue
            name = quoted(item["id"]) if isinstance(item.get("id"), str) else f"#{i}"
            entry = _Entry(path, item, f"{kind} `{name}`", problems)
            seen, lines = (gpus, gpu_lines) if section == "gpus" else (models, model_lines)
            if name in lines:
                entry.report("id", f"duplicate id `{name}` (also on line {lines[name]}) — give each preset its own id")
                continue
            lines[name] = entry.line()
            preset = _load_gpu(entry) if section == "gpus" else _load_model(entry, set(gpu_lines))
            if preset is not None:
                seen[preset.id] = preset  # type: ignore[index]
    defaults = data.get("defaults")
    if not isinstance(defaults, _Map):
        top.report(
            "defaults" if "defaults" in data else None,
            "`defaults` must give model, gpu, gpus, batch and context — add them",
        )
    else:
        entry = _Entry(path, defaults, "defaults", problems)
        if not _check_keys(entry, DEFAULT_KEYS, set()):
            for key, known in (("model", model_lines), ("gpu", gpu_lines)):
                if defaults[key] not in known:
                    entry.report(
                        key,
                        f"default {key} `{quoted(defaults[key])}` is not a preset — use one of: {', '.join(known)}",
                    )
    if problems or not isinstance(defaults, _Map):
        return None, sorted(set(problems), key=lambda p: (p.line, p.message))
    clean = {k: defaults[k] for k in DEFAULT_KEYS}
    return Presets(clean, models, gpus), []
