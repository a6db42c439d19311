// The coding problems' Python: Pyodide in this worker, started on the first Run.
// Pyodide and the test harness are served by the site itself (the plugin copies them
// to assets/pyodide/ and assets/runner/harness.py); nothing is fetched from elsewhere.
// The page terminates this worker when a run exceeds its time limit.
"use strict";
importScripts("../pyodide/pyodide.js");

let python = null;

function start() {
  if (python === null) {
    python = (async () => {
      const py = await loadPyodide({ indexURL: new URL("../pyodide/", self.location).href });
      const response = await fetch(new URL("../runner/harness.py", self.location));
      if (!response.ok) throw new Error(`harness.py: HTTP ${response.status}`);
      py.runPython(await response.text()); // defines run_tests (qa/check/harness.py)
      return py;
    })();
  }
  return python;
}

self.onmessage = async (event) => {
  let py;
  try {
    py = await start();
  } catch (error) {
    self.postMessage({ type: "error", error: String((error && error.message) || error) });
    return;
  }
  self.postMessage({ type: "ready" });
  const { code, tests } = event.data;
  const run = py.globals.get("run_tests");
  const json = py.pyimport("json");
  try {
    const results = JSON.parse(json.dumps(run(code, tests)));
    self.postMessage({ type: "results", results });
  } catch (error) {
    self.postMessage({ type: "error", error: String((error && error.message) || error) });
  } finally {
    run.destroy();
    json.destroy();
  }
};
