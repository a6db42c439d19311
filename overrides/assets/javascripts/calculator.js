// The calculator of tools/calculator/ (loaded by overrides/calculator.html only).
// Inputs come from the address's query parameters and the presets the page embeds
// (#calc-data, written from content/calculator/presets.yml); compute() is
// qa/generate/calculator.py's compute() with the same floating-point operations in the
// same order, and tests/browser/test_calculator.py holds the two equal.
"use strict";

(function () {
  var root = document.getElementById("calc");
  var data = document.getElementById("calc-data");
  if (!root || !data) return;
  var D = JSON.parse(data.textContent);
  var T = D.text;
  var form = root.querySelector("form");
  var F = form.elements;
  var INT = /^[0-9]+$/;
  var FLOAT = /^[0-9]+(?:\.[0-9]+)?$/;
  var own = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };

  // An input's value from text, or undefined when the page ignores it (as resolve() does).
  function parse(spec, text) {
    if (text == null) return;
    if (spec.kind === "model") return own(D.models, text) ? text : undefined;
    if (spec.kind === "gpu") return own(D.gpus, text) ? text : undefined;
    if (spec.kind === "choice") {
      return [].some.call(F[spec.name].options, function (o) { return o.value === text; }) ? text : undefined;
    }
    if (!(spec.kind === "int" ? INT : FLOAT).test(text)) return;
    var v = Number(text);
    if ((spec.kind === "int" ? v < spec.low : !(v > 0)) || v > D.max) return;
    return v;
  }

  function tflopsFor(gpu, weights) {
    var chain = D.fallback[weights];
    for (var i = 0; i < chain.length; i++) if (own(gpu.tflops, chain[i])) return gpu.tflops[chain[i]];
  }

  // Presets (or the defaults) fill every input; each valid parameter overrides its own.
  function resolve(get) {
    var given = {};
    D.inputs.forEach(function (spec) {
      var v = parse(spec, get(spec.name));
      if (v !== undefined) given[spec.name] = v;
    });
    var d = D.defaults;
    var model = own(given, "model") ? given.model : d.model;
    var gpu = own(given, "gpu") ? given.gpu : d.gpu;
    var g = D.gpus[gpu];
    var v = { model: model, gpu: gpu, batch: d.batch, context: d.context, gpus: d.gpus, mem_gb: g.mem_gb, bw_tbs: g.bw_tbs };
    D.modelFields.forEach(function (f) { v[f] = D.models[model][f]; });
    Object.keys(given).forEach(function (k) { if (k !== "tflops") v[k] = given[k]; });
    v.tflops = own(given, "tflops") ? given.tflops : tflopsFor(g, v.weights);
    return v;
  }

  function compute(v) {
    var kvB = D.bytes[v.kv], wB = D.bytes[v.weights];
    var perLayer = v.attention === "mla" ? v.kv_latent * kvB : 2 * v.kv_heads * v.head_dim * kvB;
    var layers = v.layers, context = v.context, batch = v.batch;
    var full = v.window === 0 ? layers : Math.min(v.full_layers, layers);
    var span = full * context + (layers - full) * Math.min(context, v.window);
    var kvSeq = perLayer * span;
    var kvTotal = perLayer * batch * span;
    var weight = v.params_b * 1e9 * wB;
    var total = weight + kvTotal;
    var capacity = v.gpus * v.mem_gb * 1e9;
    var active = v.active_b * 1e9 * wB;
    var memS = (active + kvTotal) / (v.gpus * v.bw_tbs * 1e12);
    var cmpS = 2 * v.active_b * 1e9 * batch / (v.gpus * v.tflops * 1e12);
    var step = Math.max(memS, cmpS);
    return {
      kv_bytes_per_token: layers * perLayer,
      kv_bytes_total: kvTotal,
      weight_bytes: weight,
      total_bytes: total,
      fits: total <= capacity,
      max_batch: capacity >= weight ? Math.floor((capacity - weight) / kvSeq) : 0,
      decode_ms_per_step: step * 1000,
      decode_tokens_per_s: batch / step,
      prefill_ms: 2 * v.active_b * 1e9 * context / (v.gpus * v.tflops * 1e12) * 1000,
      ridge_flops_per_byte: v.tflops / v.bw_tbs,
      bound: memS >= cmpS ? "memory" : "compute",
      decode_intensity: 2 * v.active_b * 1e9 * batch / (active + kvTotal),
      prefill_intensity: 2 * v.active_b * 1e9 * context / (active + kvSeq),
      _: { perLayer: perLayer, full: full, kvSeq: kvSeq, memS: memS, cmpS: cmpS, step: step, active: active }
    };
  }

  // Numbers as the page shows them (qa/generate/calculator.py: fmt_number, fmt_bytes)
  // thousands separated by commas, by hand: Intl's first use costs the page tens of milliseconds
  function group(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function num(x) {
    if (x >= 1000) return x < 1e21 ? group(Math.round(x).toFixed(0)) : String(x);
    if (x >= 100) return x.toFixed(0);
    if (x >= 10) return x.toFixed(1);
    if (x >= 1) return x.toFixed(2);
    return String(Number(x.toPrecision(3)));
  }
  function raw(x) {  // an input as the formulas show it: up to four decimals
    var parts = String(Number(x.toFixed(4))).split(".");
    return group(parts[0]) + (parts[1] ? "." + parts[1] : "");
  }
  function bytes(b, short) {  // short: without the binary units (in formulas)
    if (b < 1000) return num(b) + " B";
    var U = ["KB", "MB", "GB", "TB", "PB"];
    var i = Math.min(Math.floor(Math.log(b) / Math.log(1000) + 1e-12), 5);
    var j = Math.max(1, Math.min(Math.floor(Math.log(b) / Math.log(1024) + 1e-12), 5));
    var dec = num(b / Math.pow(1000, i)) + " " + U[i - 1];
    return short ? dec : dec + " (" + num(b / Math.pow(1024, j)) + " " + U[j - 1][0] + "iB)";
  }
  function shown(name, value) {
    if (/bytes/.test(name)) return bytes(value);
    if (name === "fits") return value ? T.yes : T.no;
    if (name === "bound") return T[value];
    if (name === "max_batch") return group(String(value));
    if (/_ms/.test(name)) return num(value) + " ms";
    if (name === "decode_tokens_per_s") return num(value) + " " + T.tok_s;
    return num(value) + " FLOP/B";
  }
  function fill(template, parts) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return parts[k]; });
  }

  var FORMULA = {
    weight_bytes: "f_weight", total_bytes: "f_total", fits: "f_fits", max_batch: "f_max_batch",
    decode_ms_per_step: "f_decode", decode_tokens_per_s: "f_tokens", prefill_ms: "f_prefill",
    ridge_flops_per_byte: "f_ridge", bound: "f_bound", decode_intensity: "f_decode_intensity",
    prefill_intensity: "f_prefill_intensity"
  };

  function render(v, o) {
    var x = o._;
    var parts = {
      layers: raw(v.layers), kv_heads: raw(v.kv_heads), head_dim: raw(v.head_dim), kv_latent: raw(v.kv_latent),
      kvb: raw(D.bytes[v.kv]), wb: raw(D.bytes[v.weights]), per_layer: bytes(x.perLayer, 1), batch: raw(v.batch),
      context: raw(v.context), full: raw(x.full), windowed: raw(v.layers - x.full),
      span_w: raw(Math.min(v.context, v.window)), params_b: raw(v.params_b), active_b: raw(v.active_b),
      weight_bytes: bytes(o.weight_bytes, 1), kv_bytes_total: bytes(o.kv_bytes_total, 1),
      total_bytes: bytes(o.total_bytes, 1), kv_sequence: bytes(x.kvSeq, 1), active_bytes: bytes(x.active, 1),
      gpus: raw(v.gpus), mem_gb: raw(v.mem_gb),
      bw_tbs: raw(v.bw_tbs), tflops: raw(v.tflops), memory_ms: num(x.memS * 1000), compute_ms: num(x.cmpS * 1000),
      step: num(x.step * 1000) + " ms", op: o.fits ? "≤" : ">", cmp: x.memS >= x.cmpS ? "≥" : "<"
    };
    var formula = Object.assign({
      kv_bytes_per_token: v.attention === "mla" ? "f_kv_token_mla" : "f_kv_token",
      kv_bytes_total: v.window === 0 ? "f_kv_total" : "f_kv_total_window"
    }, FORMULA);
    root.querySelectorAll("[data-output]").forEach(function (el) {
      var name = el.dataset.output;
      el.dataset.value = String(o[name]);
      el.textContent = shown(name, o[name]);
      var f = root.querySelector('[data-formula="' + name + '"]');
      if (f) f.textContent = "= " + fill(T[formula[name]], parts);
    });
    root.querySelector(".calc-summary").textContent = fill(T.summary, {
      fits: o.fits ? T.yes : T.no, step: parts.step, bound: T[o.bound]
    });
    roofline(v, o);
  }

  // The roofline, per GPU and log–log, drawn as SVG (classes only: the CSP allows no style attributes)
  function roofline(v, o) {
    var box = document.getElementById("calc-svg");
    var W = Math.max(300, Math.min(720, box.clientWidth || 640)), H = Math.round(W * 0.6), L = 62, R = 16, TOP = 14, B = 46;
    var lg = function (a) { return Math.log(a) / Math.LN10; };
    var peak = v.tflops, bw = v.bw_tbs, ridge = peak / bw;
    var xs = [o.decode_intensity, o.prefill_intensity, ridge];
    var lo = Math.floor(lg(Math.min.apply(null, xs) / 2)), hi = Math.ceil(lg(Math.max.apply(null, xs) * 2));
    var yHi = Math.floor(lg(peak)) + 1, yLo = Math.min(Math.floor(lg(bw * Math.pow(10, lo))), yHi - 1);
    var X = function (a) { return (L + (lg(a) - lo) / (hi - lo) * (W - L - R)).toFixed(1); };
    var Y = function (p) { return (TOP + (yHi - lg(p)) / (yHi - yLo) * (H - TOP - B)).toFixed(1); };
    var esc = function (s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;"); };
    var tick = function (k) { return k > 3 ? "1e" + k : String(Math.pow(10, k)); };
    var svg = ['<svg viewBox="0 0 ' + W + " " + H + '" role="img" aria-labelledby="calc-svg-title"><title id="calc-svg-title">' +
      esc(fill(T.svg, { ridge: num(ridge), decode: num(o.decode_intensity), prefill: num(o.prefill_intensity), bound: T[o.bound] })) + "</title>"];
    for (var k = lo; k <= hi; k++) {
      svg.push('<line class="calc-grid" x1="' + X(Math.pow(10, k)) + '" x2="' + X(Math.pow(10, k)) + '" y1="' + TOP + '" y2="' + (H - B) + '"/>' +
        '<text x="' + X(Math.pow(10, k)) + '" y="' + (H - B + 16) + '" text-anchor="middle">' + tick(k) + "</text>");
    }
    for (k = yLo; k <= yHi; k++) {
      svg.push('<line class="calc-grid" x1="' + L + '" x2="' + (W - R) + '" y1="' + Y(Math.pow(10, k)) + '" y2="' + Y(Math.pow(10, k)) + '"/>' +
        '<text x="' + (L - 6) + '" y="' + Y(Math.pow(10, k)) + '" dy="4" text-anchor="end">' + tick(k) + "</text>");
    }
    var start = Math.pow(10, lo);
    svg.push('<polyline class="calc-roof" points="' + X(start) + "," + Y(bw * start) + " " + X(ridge) + "," + Y(peak) + " " +
      X(Math.pow(10, hi)) + "," + Y(peak) + '"/>');
    svg.push('<line class="calc-ridge" x1="' + X(ridge) + '" x2="' + X(ridge) + '" y1="' + Y(peak) + '" y2="' + (H - B) + '"/>' +
      '<text x="' + X(ridge) + '" y="' + (+Y(peak) - 6) + '" text-anchor="middle">' + esc(T.ridge) + " " + num(ridge) + "</text>");
    [["decode", o.decode_intensity], ["prefill", o.prefill_intensity]].forEach(function (p) {
      var px = X(p[1]), py = Y(Math.min(peak, bw * p[1]));
      svg.push('<circle class="calc-' + p[0] + '" cx="' + px + '" cy="' + py + '" r="6"/>' +
        '<text class="calc-label-' + p[0] + '" x="' + px + '" y="' + (+py + 20) + '" text-anchor="middle">' + esc(T[p[0]]) + "</text>");
    });
    svg.push('<text x="' + ((L + W - R) / 2) + '" y="' + (H - 8) + '" text-anchor="middle">' + esc(T.axis_x) + "</text>" +
      '<text transform="rotate(-90)" x="' + (-(TOP + H - B) / 2) + '" y="16" text-anchor="middle">' + esc(T.axis_y) + "</text></svg>");
    box.innerHTML = svg.join("");
  }

  function values() {  // the form's inputs, or null while one of them is invalid
    var v = {}, ok = true;
    D.inputs.forEach(function (spec) {
      var el = F[spec.name], value = parse(spec, el.value);
      el.setAttribute("aria-invalid", value === undefined ? "true" : "false");
      if (value === undefined) ok = false;
      v[spec.name] = value;
    });
    return ok ? v : null;
  }

  // The shortest address of a configuration: the presets, then what differs from them
  function address(v) {
    var base = resolve(function (n) { return n === "model" || n === "gpu" ? v[n] : null; });
    var q = new URLSearchParams({ model: v.model, gpu: v.gpu });
    D.inputs.forEach(function (spec) {
      var n = spec.name;
      if (n !== "model" && n !== "gpu" && n !== "tflops" && v[n] !== base[n]) q.set(n, String(v[n]));
    });
    if (v.tflops !== tflopsFor(D.gpus[v.gpu], v.weights)) q.set("tflops", String(v.tflops));
    return "?" + q.toString();
  }

  function show(v) {
    D.inputs.forEach(function (spec) { F[spec.name].value = String(v[spec.name]); });
  }

  function update(edited) {
    var v = values();
    if (!v) return;
    render(v, compute(v));
    var href = address(v);
    document.getElementById("calc-link").setAttribute("href", href);
    if (edited) history.replaceState(null, "", href + location.hash);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", function (event) {
    var name = event.target.name, v = {};
    D.inputs.forEach(function (spec) { v[spec.name] = F[spec.name].value; });
    if (name === "model" || name === "gpu" || name === "weights") {
      // a preset fills its own fields; TFLOPS follows the GPU at the weights' precision
      var fresh = resolve(function (n) {
        return name === "model" && D.modelFields.indexOf(n) >= 0 ? null : n === "tflops" ? null : v[n];
      });
      if (name === "gpu") { fresh.mem_gb = D.gpus[fresh.gpu].mem_gb; fresh.bw_tbs = D.gpus[fresh.gpu].bw_tbs; }
      show(fresh);
    }
    update(true);
  });

  var query = new URLSearchParams(location.search);
  show(resolve(function (n) { return query.get(n); }));
  update(false);
})();
