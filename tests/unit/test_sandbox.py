"""The example sandbox: each rule stops an example with its message and the line at fault,
and an ordinary NumPy example runs, prints and cleans up after itself."""

from __future__ import annotations

import os
import tempfile
import textwrap
from pathlib import Path

import pytest

from qa.check import sandbox
from qa.check.sandbox import Limits, Outcome, run

FAST = Limits(wall_seconds=2, cpu_seconds=1)


@pytest.fixture(autouse=True)
def scratch_parent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Scratch folders go to a folder of the test's own, which must be empty again afterwards."""
    parent = tmp_path / "scratch"
    parent.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(parent))
    yield parent
    assert list(parent.iterdir()) == [], "a scratch folder was left behind"


def run_code(tmp_path: Path, code: str, limits: Limits = Limits()) -> Outcome:  # noqa: B008
    """Write `code` (dedented; its first line is line 1) as an example and run it."""
    path = tmp_path / "examples" / "demo.py"
    path.parent.mkdir(exist_ok=True)
    path.write_text(textwrap.dedent(code).lstrip("\n"), encoding="utf-8")
    return run(path, limits)


def assert_fails(outcome: Outcome, message: str, line: int | None) -> None:
    assert (outcome.ok, outcome.message, outcome.line) == (False, message, line)


def test_numpy_example_runs_prints_and_uses_its_own_folder(tmp_path: Path, scratch_parent: Path) -> None:
    outcome = run_code(
        tmp_path,
        """
        import os, tempfile
        import numpy as np
        a = np.arange(12.0).reshape(3, 4)
        np.save("a.npy", a)
        with open("notes.txt", "w") as f:
            f.write("kept")
        with tempfile.TemporaryDirectory() as d:
            np.savetxt(os.path.join(d, "a.txt"), a)
        print(np.load("a.npy").sum(), open("notes.txt").read(), np.linalg.matrix_rank(a))
        print(os.getcwd(), os.environ["HOME"], os.environ["TMPDIR"], sep="\\n")
        """,
    )
    assert (outcome.ok, outcome.message, outcome.line) == (True, None, None)
    result, cwd, home, tmpdir = outcome.stdout.splitlines()
    assert result == "66.0 kept 2"
    assert Path(cwd).parent == scratch_parent.resolve()
    assert home.startswith(cwd + "/") and tmpdir.startswith(cwd + "/")
    assert not Path(cwd).exists()


def test_output_does_not_depend_on_the_run(tmp_path: Path) -> None:
    code = 'print({"alpha", "beta", "gamma", "delta"}, hash("abc"))'  # PYTHONHASHSEED=0 holds
    assert run_code(tmp_path, code).stdout == run_code(tmp_path, code).stdout


@pytest.mark.parametrize("caught", [False, True], ids=["plain", "caught"])
def test_writing_outside_its_folder(tmp_path: Path, caught: bool) -> None:
    target = tmp_path.parent / f"{tmp_path.name}-evil.txt"
    write = f'open({str(target)!r}, "w").write("x")'
    code = f"try:\n    {write}\nexcept OSError:\n    print('caught')\n" if caught else f"import os\n{write}\n"
    outcome = run_code(tmp_path, code)
    rule = "examples may write only files in their working directory"
    assert_fails(outcome, f"example writes outside its own folder ({os.path.realpath(target)}) — {rule}", 2)
    assert not target.exists()


def test_printing_a_megabyte(tmp_path: Path) -> None:
    outcome = run_code(tmp_path, 'import sys\nprint("x" * 1024 * 1024)\n')
    assert_fails(outcome, "example printed more than 20 KiB — print less (a summary, not data)", 2)
    assert 0 < len(outcome.stdout.encode()) <= 20 * 1024 and set(outcome.stdout) == {"x"}


@pytest.mark.parametrize(
    ("call", "event"),
    [
        ('socket.create_connection(("127.0.0.1", 9))', "socket.getaddrinfo"),
        ('socket.socket().connect(("127.0.0.1", 9))', "socket.__new__"),
    ],
)
def test_opening_a_socket(tmp_path: Path, call: str, event: str) -> None:
    outcome = run_code(tmp_path, f"import socket\n\n{call}\n")
    rule = "examples run without network; compute locally"
    assert_fails(outcome, f"example opened a network socket ({event}) — {rule}", 3)


def test_an_infinite_loop_hits_the_cpu_limit(tmp_path: Path) -> None:
    outcome = run_code(tmp_path, "n = 0\nwhile True: n += 1\n", FAST)
    assert_fails(outcome, "example used more than 1 s of CPU time — make it smaller", 2)


def test_waiting_forever_hits_the_wall_clock_limit(tmp_path: Path) -> None:
    outcome = run_code(tmp_path, "import time\nprint('started', flush=True)\ntime.sleep(60)\n", FAST)
    assert_fails(outcome, "example ran longer than 2 s — make it smaller", 3)
    assert outcome.stdout == "started\n"


def test_allocating_too_much_memory(tmp_path: Path) -> None:
    code = "import numpy as np\n\nbig = np.ones(10**9)  # 8 GB\n"
    outcome = run_code(tmp_path, code, Limits(memory_bytes=256 * 1024**2))
    assert_fails(outcome, "example needed more than 256 MiB of memory — use smaller arrays", 3)


def test_writing_too_large_a_file(tmp_path: Path) -> None:
    code = 'with open("big.bin", "wb") as f:\n    f.write(b"x" * 128 * 1024)\n'
    outcome = run_code(tmp_path, code, Limits(file_bytes=64 * 1024))
    assert_fails(outcome, "example wrote a file larger than 64 KiB — write less, or nothing", 2)


@pytest.mark.parametrize(
    ("code", "raised", "line"),
    [
        ("x = 1\ny = 0\nprint(x / y)\n", "ZeroDivisionError: division by zero", 3),
        # the innermost frame in the example's own file: the raise, not the call
        ("def half(n):\n    raise ValueError(f'odd: {n}')\n\n\nhalf(3)\n", "ValueError: odd: 3", 2),
        # raised inside NumPy: the example's line that called it
        ("import numpy as np\n\nnp.linalg.inv(np.zeros((2, 2)))\n", "LinAlgError: Singular matrix", 3),
        ("x = 1\ny = (\n", "SyntaxError: '(' was never closed", 2),
    ],
    ids=["division", "in-a-function", "in-numpy", "syntax"],
)
def test_raising_an_exception(tmp_path: Path, code: str, raised: str, line: int) -> None:
    outcome = run_code(tmp_path, code)
    assert_fails(outcome, f"example raised {raised} — fix the example so it runs to the end", line)


@pytest.mark.parametrize(
    ("call", "event"),
    [
        ('subprocess.run(["echo", "hi"])', "subprocess.Popen"),
        ('os.system("echo hi")', "os.system"),
    ],
)
def test_spawning_a_subprocess(tmp_path: Path, call: str, event: str) -> None:
    outcome = run_code(tmp_path, f"import os, subprocess\n{call}\n")
    message = f"example runs or signals another process ({event}) — do the work in the example's own Python code"
    assert_fails(outcome, message, 2)
    assert outcome.stdout == ""


def test_without_unshare_the_hook_still_blocks_sockets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "network_isolation", lambda: False)
    outcome = run_code(tmp_path, 'import socket\nsocket.create_connection(("127.0.0.1", 9))\n')
    assert outcome.message is not None and outcome.message.startswith("example opened a network socket")
    assert outcome.line == 2


def test_the_output_cache_runs_an_example_once_and_keeps_only_current_outputs(tmp_path: Path) -> None:
    from qa.check.examples import load_examples

    folder, cache = tmp_path / "content" / "examples", tmp_path / "cache"
    folder.mkdir(parents=True)
    example = folder / "demo.py"
    example.write_text('print("one")\n', encoding="utf-8")
    examples, problems = load_examples(folder, {"demo"}, cache, tmp_path)
    assert problems == [] and examples["demo"].output == "one\n"
    (output,) = cache.glob("*.out")
    stamp = output.stat().st_mtime_ns
    load_examples(folder, {"demo"}, cache, tmp_path)
    assert output.stat().st_mtime_ns == stamp  # not run again
    example.write_text('print("two")\n', encoding="utf-8")
    examples, _ = load_examples(folder, {"demo"}, cache, tmp_path)
    assert examples["demo"].output == "two\n"
    assert [p.read_text(encoding="utf-8") for p in cache.iterdir()] == ["two\n"]  # the old output is gone
