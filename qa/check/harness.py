"""Run a coding problem's tests against a piece of code: the same file in CPython and in the browser.

A problem's tests (`content/problems/<slug>/tests.py`) define two lists of
`(call, expected)` pairs: `EXAMPLES`, shown on the page, and `TESTS`, run only when
the reader presses Run.  `call` is a Python expression over the names the code under
test defines (and the test file's own helpers); `expected` is the value it must give.

`run_tests(code, tests)` runs every pair afresh, so one test cannot leave state for the
next: the code in a namespace of its own, then the test file in a copy of that namespace.
The test file sees every name the code defines, and its own helpers cannot replace the
code's (a reader's `_renorm` stays the reader's, whatever the test file calls its helpers).
It returns one result per pair: the call, whether it is an example, "pass" or "fail",
and the expected and actual values as `repr` shows them (or the error raised).

Where it runs:
- at build time (qa.check.problems) inside the example sandbox (qa.check.sandbox): the
  reference solution must pass every test, the starter code and the wrong variant must
  each fail at least one;
- in the reader's browser, in a Web Worker running Pyodide (overrides/assets/javascripts/
  runner-worker.js fetches this file from the site, copied there by the plugin).

Standard library only, and nothing here may depend on where it runs.
"""

from __future__ import annotations

import contextlib
import io
import math
import traceback

MAX_REPR = 300  # characters of a value a result shows
MAX_OUTPUT = 2000  # characters of what a test's code printed that its result keeps
FLOAT_TOLERANCE = 1e-9  # relative and absolute: results of floating-point sums may differ in the last bits


def same(actual: object, expected: object) -> bool:
    """Equal, with floats compared to FLOAT_TOLERANCE, lists and tuples alike, recursively."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(actual) is type(expected) and actual == expected
    if isinstance(expected, float) or isinstance(actual, float):
        if not isinstance(actual, (int, float)) or not isinstance(expected, (int, float)):
            return False
        if math.isnan(expected):
            return math.isnan(actual)
        return math.isclose(actual, expected, rel_tol=FLOAT_TOLERANCE, abs_tol=FLOAT_TOLERANCE)
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(actual, (list, tuple))
            and len(actual) == len(expected)
            and all(same(a, e) for a, e in zip(actual, expected, strict=True))
        )
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and actual.keys() == expected.keys()
            and all(same(actual[k], expected[k]) for k in expected)
        )
    try:
        return bool(actual == expected)
    except Exception:
        return False


def shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= MAX_REPR else text[: MAX_REPR - 1] + "…"


def error_text(error: BaseException, filename: str) -> str:
    """The error as the reader needs it: its type and message, and the line of their code."""
    line = ""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename == filename:
            line = f" (line {frame.lineno})"
            break
    if isinstance(error, SyntaxError) and error.filename == filename:
        line = f" (line {error.lineno})"
    message = str(error)
    return f"{type(error).__name__}{': ' + message if message else ''}{line}"[: MAX_REPR * 2]


def pairs(tests: str) -> list[tuple[bool, str, object]]:
    """(is an example, call, expected) for every test, in order: EXAMPLES, then TESTS."""
    namespace: dict[str, object] = {"__name__": "problem_tests"}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(tests, "tests.py", "exec"), namespace)
    out = []
    for visible, name in ((True, "EXAMPLES"), (False, "TESTS")):
        for call, expected in namespace.get(name, []):  # type: ignore[attr-defined]
            out.append((visible, call, expected))
    return out


def run_tests(code: str, tests: str) -> list[dict[str, object]]:
    """Every test of `tests` run against `code` (see the module's docstring)."""
    results = []
    compiled_tests = compile(tests, "tests.py", "exec")
    for index, (visible, call, expected) in enumerate(pairs(tests)):
        result: dict[str, object] = {"index": index, "example": visible, "call": call, "expected": shown(expected)}
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            result |= _one(code, compiled_tests, call, expected)
        result["output"] = printed.getvalue()[:MAX_OUTPUT]
        results.append(result)
    return results


def _one(code: str, compiled_tests: object, call: str, expected: object) -> dict[str, object]:
    """One test in a namespace of its own: status and actual value."""
    namespace: dict[str, object] = {"__name__": "solution"}
    try:
        exec(compile(code, "solution.py", "exec"), namespace)
    except (Exception, SystemExit) as error:  # the reader's code did not even load
        return {"status": "fail", "actual": error_text(error, "solution.py")}
    tests = dict(namespace)  # the code's functions keep `namespace` as their globals
    exec(compiled_tests, tests)  # type: ignore[arg-type]
    try:
        actual = eval(call, tests)
    except (Exception, SystemExit) as error:
        return {"status": "fail", "actual": error_text(error, "solution.py")}
    return {"status": "pass" if same(actual, expected) else "fail", "actual": shown(actual)}
