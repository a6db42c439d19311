// A coding problem's runner: the editor ([data-qa-editor]), "Run tests" ([data-qa-run]),
// "Reset" ([data-qa-reset]), the results ([data-qa-test], data-status="pass"|"fail") and
// their summary ([data-qa-summary]).  The page's data (#qa-problem, JSON) holds the
// starter code, the tests, the time limit and the messages in the page's language.
// Python runs in a Web Worker (runner-worker.js, Pyodide), created on the first Run and
// terminated when a run takes longer than the limit.  The reader's code is kept in
// localStorage under "qa-code:<slug>".
(() => {
  "use strict";
  const root = document.querySelector("[data-qa-runner]");
  const dataNode = document.getElementById("qa-problem");
  if (!root || !dataNode) return;
  const data = JSON.parse(dataNode.textContent);
  const m = data.messages;
  const editor = root.querySelector("[data-qa-editor]");
  const runButton = root.querySelector("[data-qa-run]");
  const resetButton = root.querySelector("[data-qa-reset]");
  const summary = root.querySelector("[data-qa-summary]");
  const list = root.querySelector("[data-qa-results]");
  const workerUrl = new URL("runner-worker.js", document.currentScript.src);
  const storageKey = `qa-code:${data.slug}`;
  const INDENT = "    ";
  const LOAD_LIMIT_MS = 120000; // downloading and starting Python, on a slow connection
  const format = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));

  const saved = (() => {
    try {
      return localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  })();
  if (saved !== null) editor.value = saved;
  const save = () => {
    try {
      if (editor.value === data.starter) localStorage.removeItem(storageKey);
      else localStorage.setItem(storageKey, editor.value);
    } catch {
      /* storage may be disabled: the editor still works */
    }
  };
  editor.addEventListener("input", save);

  // Tab indents and Shift+Tab dedents the selected lines; Escape, then Tab, leaves the
  // editor (keyboard users are never trapped in it).
  let escaped = false;
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      escaped = true;
      return;
    }
    if (event.key !== "Tab" || escaped || event.ctrlKey || event.metaKey || event.altKey) {
      escaped = false;
      return;
    }
    event.preventDefault();
    const { value, selectionStart: start, selectionEnd: end } = editor;
    const lineStart = value.lastIndexOf("\n", start - 1) + 1;
    if (!event.shiftKey && start === end) {
      editor.setRangeText(INDENT, start, end, "end");
    } else {
      const block = value.slice(lineStart, end);
      const lines = block.split("\n");
      const changed = lines.map((line) =>
        event.shiftKey ? line.replace(new RegExp(`^ {1,${INDENT.length}}`), "") : INDENT + line,
      );
      editor.setRangeText(changed.join("\n"), lineStart, end, "select");
    }
    save();
  });

  resetButton.addEventListener("click", () => {
    if (editor.value !== data.starter && !window.confirm(m.reset_confirm)) return;
    editor.value = data.starter;
    save();
    list.replaceChildren();
    summary.textContent = "";
    delete summary.dataset.status;
    editor.focus();
  });

  let worker = null;
  let timer = 0;
  const stop = () => {
    if (worker) worker.terminate();
    worker = null;
  };
  const finish = (text, status) => {
    clearTimeout(timer);
    summary.textContent = text;
    summary.dataset.status = status;
    runButton.disabled = false;
    root.removeAttribute("aria-busy");
  };

  const item = (result) => {
    const li = document.createElement("li");
    li.dataset.qaTest = String(result.index);
    li.dataset.status = result.status;
    li.className = `qa-result qa-${result.status}`;
    const head = document.createElement("p");
    const badge = document.createElement("strong");
    badge.textContent = result.status === "pass" ? `✓ ${m.pass}` : `✗ ${m.fail}`;
    const kind = document.createElement("span");
    kind.className = "qa-result-kind";
    kind.textContent = result.example ? m.example : m.hidden;
    const call = document.createElement("code");
    call.textContent = result.call;
    head.append(badge, " ", kind, " ", call);
    li.append(head);
    const rows = [
      [m.expected, result.expected],
      [m.actual, result.actual],
    ];
    if (result.output) rows.push([m.printed, result.output]);
    if (result.status !== "pass" || result.output) {
      const dl = document.createElement("dl");
      for (const [name, value] of rows) {
        const dt = document.createElement("dt");
        dt.textContent = name;
        const dd = document.createElement("dd");
        const code = document.createElement("code");
        code.textContent = value;
        dd.append(code);
        dl.append(dt, dd);
      }
      li.append(dl);
    }
    return li;
  };

  runButton.addEventListener("click", () => {
    runButton.disabled = true;
    root.setAttribute("aria-busy", "true");
    list.replaceChildren();
    delete summary.dataset.status;
    if (!worker) worker = new Worker(workerUrl);
    summary.textContent = m.loading;
    const limitMs = data.limit * 1000;
    timer = setTimeout(() => {
      stop();
      finish(format(m.crashed, { error: "timeout" }), "error");
    }, LOAD_LIMIT_MS);
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.type === "ready") {
        clearTimeout(timer);
        summary.textContent = m.running;
        timer = setTimeout(() => {
          stop(); // an endless loop: the worker (and its Python) is discarded
          finish(format(m.timeout, { limit: data.limit }), "timeout");
        }, limitMs);
      } else if (message.type === "results") {
        const results = message.results;
        list.replaceChildren(...results.map(item));
        const passed = results.filter((r) => r.status === "pass").length;
        const total = results.length;
        summary.dataset.passed = String(passed);
        summary.dataset.total = String(total);
        finish(format(passed === total ? m.passed : m.failed, { passed, total }), passed === total ? "pass" : "fail");
      } else {
        stop();
        finish(format(m.crashed, { error: message.error }), "error");
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      finish(format(m.crashed, { error: event.message || "worker" }), "error");
    };
    worker.postMessage({ code: editor.value, tests: data.tests });
  });
})();
