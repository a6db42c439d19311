"""Run an untrusted example file: no network, no writes outside its own folder, hard limits.

Questions arrive as pull requests from strangers, and their runnable examples
(`content/examples/<slug>.py`, standard library + NumPy) are run at build time to show
their output.  `run(source, limits)` runs one such file under these rules:

* Folder.  The example runs in a fresh scratch folder (tempfile.mkdtemp) that holds a copy
  of the file.  That folder is its working directory, HOME and TMPDIR point inside it, and
  it is removed afterwards, always.  The example may create, change and delete files there
  and nowhere else (/dev/null excepted).
* Interpreter.  `sys.executable -s -P -B` with an environment built from nothing: PATH, HOME,
  TMPDIR, LC_ALL=C.UTF-8, PYTHONHASHSEED=0 and one thread for OpenBLAS/OpenMP/MKL.  That is
  `-I` without its `-E`, which would ignore PYTHONHASHSEED=0 too and let set order (and so
  the output) change from run to run; since the environment holds no other PYTHON* variable,
  nothing else differs.  No user site, the script's folder is not on sys.path, and no .pyc is
  written.
* Network.  When `unshare -rn` works on this machine (checked once per process), the
  interpreter starts in new user and network namespaces, whose only interface is a down
  loopback: no socket can reach anything.
* Audit hook.  A bootstrap passed with -c installs a sys.addaudithook hook, then runs the
  example with runpy.run_path.  The hook raises PermissionError for every socket.* event;
  for starting or signalling other processes (subprocess, os.system, os.exec*, os.posix_spawn,
  os.spawn*, os.fork, os.forkpty, os.kill, os.killpg, and _posixsubprocess.fork_exec, which
  raises no event of its own and is replaced); for ctypes and sqlite3, which reach the C
  library and files past the hook; and for opening a file for writing, or removing,
  renaming, linking, truncating, creating folders, changing mode, owner, times or extended
  attributes, or shutil.rmtree, on a path outside the scratch folder (resolved with
  os.path.realpath first; a symlink's target counts too; an os.open of a folder outside is
  refused as well, since it could serve as a dir_fd).  A blocked operation fails the example
  even if the example catches the PermissionError.
* Limits (`Limits`, set with setrlimit before the interpreter starts): 20 s of CPU time,
  2 GiB of address space, files of at most 1 MiB, 64 open files, no core dumps; 30 s of
  wall-clock time, after which the whole process group is killed.  Standard output is
  capped at 20 KiB: once the example prints more, reading stops and the process is killed.
  Standard error is kept (its last 64 KiB) to explain failures.

The result is an `Outcome`: whether the example ran cleanly, what it printed, and for a
failure one line "what happened — how to fix" plus the line of the example it points at: the
innermost frame in the example's own file of the traceback (or, for a timeout or a crash,
of faulthandler's dump of where it was).

The hook guards against accidents and casual abuse; it is not a wall.  Python code set on
getting around an in-process audit hook can (PEP 578 says as much): the kernel enforces the
namespaces and the limits, and the rest relies on the hook and on reading the pull request.
"""

from __future__ import annotations

import functools
import inspect
import json
import os
import re
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

STDERR_BYTES = 64 * 1024  # how much of stderr (its end) and of the bootstrap's report is kept
GRACE_SECONDS = 1  # after SIGUSR1 (faulthandler dumps where the example is), before SIGKILL


@dataclass(frozen=True)
class Limits:
    wall_seconds: float = 30
    cpu_seconds: int = 20
    memory_bytes: int = 2 * 1024**3
    file_bytes: int = 1024**2
    output_bytes: int = 20 * 1024
    open_files: int = 64


@dataclass(frozen=True)
class Outcome:
    ok: bool
    stdout: str  # decoded UTF-8 (errors="replace"), at most output_bytes
    message: str | None  # why it failed, one line, ends with " — <how to fix>"
    line: int | None  # the line of the example (its own file) the failure points at


@functools.cache
def network_isolation() -> bool:
    """Whether `unshare -rn` (new user + network namespaces, no privileges needed) works here."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return False
    try:
        return subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def run(source: Path, limits: Limits = Limits()) -> Outcome:  # noqa: B008 — a frozen dataclass
    """Run the example `source` in a scratch folder under the rules above."""
    scratch = os.path.realpath(tempfile.mkdtemp(prefix="qa-example-"))
    report_r, report_w = os.pipe()
    proc = None
    try:
        copy = os.path.join(scratch, Path(source).name)
        shutil.copyfile(source, copy)
        for name in ("home", "tmp"):
            os.mkdir(os.path.join(scratch, name))
        env = {
            "PATH": os.environ.get("PATH", os.defpath),
            "HOME": os.path.join(scratch, "home"),
            "TMPDIR": os.path.join(scratch, "tmp"),
            "LC_ALL": "C.UTF-8",
            "PYTHONHASHSEED": "0",
            "OPENBLAS_NUM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        }
        command = [sys.executable, "-s", "-P", "-B", "-c", _bootstrap_code(), copy, scratch, str(report_w)]
        if network_isolation():
            command = ["unshare", "-rn", *command]  # unshare execs the interpreter: same pid
        proc = subprocess.Popen(
            command,
            cwd=scratch,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(report_w,),
            start_new_session=True,  # its own process group, killed as a whole
            preexec_fn=functools.partial(_set_limits, limits),
        )
        os.close(report_w)
        report_w = -1
        stdout, stderr, report, stopped = _collect(proc, report_r, limits)
        message, line = _judge(proc.returncode, stopped, stderr, report, copy, scratch, limits)
        text = stdout.decode("utf-8", errors="replace")
        return Outcome(ok=message is None, stdout=text, message=message, line=line)
    finally:
        if proc is not None:
            _signal(proc, signal.SIGKILL)
            proc.wait()
            proc.stdout.close()
            proc.stderr.close()
        for fd in (report_r, report_w):
            if fd >= 0:
                os.close(fd)
        _remove(scratch)


def _set_limits(limits: Limits) -> None:
    """preexec_fn: the kernel's limits, inherited by unshare and the interpreter it execs."""
    cpu = limits.cpu_seconds
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))  # SIGXCPU at the soft limit, SIGKILL 1 s later
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _signal(proc: subprocess.Popen[bytes], signum: int) -> None:
    """Signal the example's whole process group (it leads it: start_new_session), unless it has
    already been reaped: its number may then belong to someone else."""
    if proc.returncode is not None:
        return
    try:
        os.killpg(proc.pid, signum)
    except (ProcessLookupError, PermissionError):
        pass


def _collect(proc: subprocess.Popen[bytes], report: int, limits: Limits) -> tuple[bytes, bytes, bytes, str | None]:
    """Read stdout, stderr and the bootstrap's report together until the example ends.

    Returns them and why the example was stopped: "output" (it printed more than allowed),
    "wall" (it ran out of time) or None (it ended by itself)."""
    out_fd, err_fd = proc.stdout.fileno(), proc.stderr.fileno()
    data = {out_fd: bytearray(), err_fd: bytearray(), report: bytearray()}
    selector = selectors.DefaultSelector()
    for fd in data:
        selector.register(fd, selectors.EVENT_READ)

    def read(until: float, stop_on_output: bool) -> str | None:
        while selector.get_map():
            remaining = until - time.monotonic()
            if remaining <= 0:
                return "wall"
            for key, _ in selector.select(remaining):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                buffer = data[key.fd]
                if key.fd == err_fd:
                    buffer += chunk
                    del buffer[:-STDERR_BYTES]  # keep the end, where the traceback is
                elif len(buffer) <= (limits.output_bytes if key.fd == out_fd else STDERR_BYTES):
                    buffer += chunk
                if stop_on_output and key.fd == out_fd and len(buffer) > limits.output_bytes:
                    return "output"
        return None

    deadline = time.monotonic() + limits.wall_seconds
    stopped = read(deadline, stop_on_output=True)
    if stopped is None:  # every pipe closed; the process may still be running
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            stopped = "wall"
    if stopped is not None:
        if out_fd in selector.get_map():
            selector.unregister(out_fd)  # stop reading what it prints
        _signal(proc, signal.SIGUSR1)  # faulthandler (set up by the bootstrap) dumps where it is, then it exits
        try:
            proc.wait(timeout=GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            pass
        _signal(proc, signal.SIGKILL)
    proc.wait()
    read(time.monotonic() + GRACE_SECONDS, stop_on_output=False)  # what is left in the pipes
    selector.close()
    return bytes(data[out_fd][: limits.output_bytes]), bytes(data[err_fd]), bytes(data[report]), stopped


_FRAME = re.compile(r'File "(?P<file>[^"\n]*)", line (?P<line>\d+)')


def _judge(
    returncode: int, stopped: str | None, stderr: bytes, report: bytes, copy: str, scratch: str, limits: Limits
) -> tuple[str | None, int | None]:
    """The failure message and the line it points at, or (None, None) if the example ran cleanly."""
    records: list[dict] = []
    dump: list[str] = []  # faulthandler's text: the most recent call first
    for text in report.decode("utf-8", errors="replace").splitlines():
        try:
            record = json.loads(text)
        except ValueError:
            record = None
        if isinstance(record, dict) and isinstance(record.get("kind"), str):
            records.append(record)
        else:
            dump.append(text)
    dump_lines = [int(m["line"]) for m in _FRAME.finditer("\n".join(dump)) if m["file"] == copy]
    where = dump_lines[0] if dump_lines else None
    err = stderr.decode("utf-8", errors="replace")
    cpu, memory, file = f"{limits.cpu_seconds:g} s", _size(limits.memory_bytes), _size(limits.file_bytes)

    def tidy(text: object) -> str:
        text = str(text).replace(scratch + os.sep, "")
        return (text.strip().splitlines() or [""])[0][:300]

    violation = next((r for r in records if r["kind"] in _VIOLATIONS), None)
    error = next((r for r in records if r["kind"] == "error"), None)
    if violation is not None:
        line = violation.get("line")
        return _VIOLATIONS[violation["kind"]].format(tidy(violation.get("detail", ""))), line
    if stopped == "output":
        return f"example printed more than {_size(limits.output_bytes)} — print less (a summary, not data)", where
    if stopped == "wall":
        return f"example ran longer than {limits.wall_seconds:g} s — make it smaller", where
    if returncode == -signal.SIGXCPU:
        return f"example used more than {cpu} of CPU time — make it smaller", where
    if returncode == -signal.SIGXFSZ:
        return f"example wrote a file larger than {file} — write less, or nothing", where
    if error is not None:
        line = error.get("line")
        if error.get("memory"):
            return f"example needed more than {memory} of memory — use smaller arrays", line
        if error.get("too_big"):
            return f"example wrote a file larger than {file} — write less, or nothing", line
        raised = f"{tidy(error.get('type'))}: {tidy(error.get('text'))}".rstrip(": ")
        return f"example raised {raised} — fix the example so it runs to the end", line
    if returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else str(-returncode)
        if "MemoryError" in err or "Cannot allocate memory" in err or "failed to allocate" in err.lower():
            return f"example needed more than {memory} of memory — use smaller arrays", where
        if returncode == -signal.SIGKILL:  # the hard CPU limit, or the kernel out of memory
            return f"example was killed (SIGKILL: over {cpu} of CPU or {memory} of memory?) — make it smaller", where
        return f"example crashed ({name}) — fix the example so it runs to the end", where
    if returncode > 0:
        frames = [int(m["line"]) for m in _FRAME.finditer(err) if m["file"] == copy]  # most recent call last
        last = tidy(err.strip().splitlines()[-1]) if err.strip() else ""
        said = f" ({last})" if last else ""
        line = frames[-1] if frames else None
        return f"example exited with status {returncode}{said} — make it run to the end (status 0)", line
    return None, None


_VIOLATIONS = {
    "network": "example opened a network socket ({}) — examples run without network; compute locally",
    "process": "example runs or signals another process ({}) — do the work in the example's own Python code",
    "write": "example writes outside its own folder ({}) — examples may write only files in their working directory",
    "native": "example uses {}, which reaches past the sandbox — use plain Python or NumPy instead",
}


def _size(n: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if n >= factor:
            return f"{n / factor:g} {unit}"
    return f"{n} bytes"


def _remove(folder: str) -> None:
    """Delete the scratch folder, even if the example made parts of it unreadable."""
    try:
        os.chmod(folder, 0o700)
    except OSError:
        pass
    for root, dirs, _files in os.walk(folder):  # top-down: each folder is opened up before it is entered
        for name in dirs:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                try:
                    os.chmod(path, 0o700)
                except OSError:
                    pass
    shutil.rmtree(folder, ignore_errors=True)


@functools.cache
def _bootstrap_code() -> str:
    """The source passed with -c: `_bootstrap` below, called with the command line's arguments."""
    return inspect.getsource(_bootstrap) + "\n_bootstrap(*__import__('sys').argv[1:])\n"


def _bootstrap(example, scratch, report):
    """Runs first in the example's interpreter (never in this one): install the audit hook and
    faulthandler, then run the example.  Everything it needs is imported or bound before the
    hook is installed, so an example that reassigns, say, os.path.realpath does not change it."""
    import _posixsubprocess
    import ctypes  # noqa: F401 — imported before the hook: importing it dlopens the C library, then forbidden
    import errno
    import faulthandler
    import json
    import os
    import runpy
    import signal
    import sys
    import traceback

    report_fd = int(report)
    dump_file = open(report_fd, "w", closefd=False)  # faulthandler writes to the descriptor itself
    faulthandler.enable(dump_file)  # crashes (SIGSEGV, SIGABRT, ...) dump the stack to the report
    for signum in (signal.SIGUSR1, signal.SIGXCPU):  # the parent's "time is up" and the CPU limit
        faulthandler.register(signum, dump_file, chain=True)  # dump, then die of the signal

    realpath, isdir, isabs = os.path.realpath, os.path.isdir, os.path.isabs
    join, dirname, readlink, fsdecode = os.path.join, os.path.dirname, os.readlink, os.fsdecode
    write, dumps, getframe = os.write, json.dumps, sys._getframe
    scratch, devnull = realpath(scratch), realpath(os.devnull)
    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    processes = {
        *("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty"),
        *("os.kill", "os.killpg"),
    }
    paths = {  # event: (index of a path argument, index of its dir_fd or None), ...
        "os.remove": ((0, 1),),  # also os.unlink
        "os.rmdir": ((0, 1),),
        "os.mkdir": ((0, 2),),
        "os.rename": ((0, 2), (1, 3)),  # also os.replace
        "os.link": ((0, 2), (1, 3)),
        "os.symlink": ((1, 2),),  # its target is checked below
        "os.truncate": ((0, None),),
        "os.chmod": ((0, 2),),
        "os.chown": ((0, 3),),
        "os.utime": ((0, 3),),
        "os.setxattr": ((0, None),),
        "os.removexattr": ((0, None),),
        "shutil.rmtree": ((0, 1),),
    }
    reported = []

    def record(kind, **fields):
        write(report_fd, (dumps({"kind": kind, **fields}) + "\n").encode())

    def deny(kind, detail):
        frame = getframe(1)
        while frame is not None and frame.f_code.co_filename != example:
            frame = frame.f_back
        if not reported:  # the first one is the one the build reports
            reported.append(kind)
            record(kind, detail=detail, line=frame.f_lineno if frame is not None else None)
        raise PermissionError(f"blocked by the example sandbox: {detail}")

    def resolve(path, dir_fd=None):
        """The real path `path` names, or None if it names no file (a pipe's descriptor, say)."""
        if isinstance(path, int):
            try:
                path = readlink(f"/proc/self/fd/{path}")
            except OSError:
                return None
            if not path.startswith("/"):
                return None
        path = fsdecode(path)
        if dir_fd not in (None, -1) and not isabs(path):
            base = resolve(dir_fd)
            path = join(base, path) if base else path
        return realpath(path)

    def outside(where):
        return where is not None and where != devnull and where != scratch and not where.startswith(scratch + "/")

    def hook(event, args):
        if event.startswith("socket."):
            deny("network", event)
        elif event in processes:
            deny("process", event)
        elif event == "import" and args[0] == "_posixsubprocess":  # a fresh copy, with the real fork_exec
            deny("process", "_posixsubprocess.fork_exec")
        elif event.startswith("ctypes.") or event.startswith("sqlite3."):
            deny("native", f"{event.partition('.')[0]} ({event})")
        elif event == "open":
            path, mode, flags = args
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & write_flags)
            if writing or mode is None:
                where = resolve(path)
                if outside(where) and (writing or isdir(where)):
                    deny("write", where)
        elif event in paths:
            for i, j in paths[event]:
                where = resolve(args[i], args[j] if j is not None else None)
                if outside(where):
                    deny("write", where)
            if event == "os.symlink":
                target = fsdecode(args[0])
                if not isabs(target):
                    target = join(dirname(resolve(args[1], args[2]) or ""), target)
                if outside(realpath(target)):
                    deny("write", realpath(target))

    def no_fork_exec(*args, **kwargs):  # subprocess's own fork + exec, which raises no audit event
        deny("process", "_posixsubprocess.fork_exec")

    _posixsubprocess.fork_exec = no_fork_exec  # (and loading a fresh copy of the module is refused)
    sys.argv = [example]
    sys.addaudithook(hook)
    try:
        runpy.run_path(example, run_name="__main__")
    except Exception as error:  # SystemExit passes: the example chose its exit status
        line = error.lineno if isinstance(error, SyntaxError) and error.filename == example else None
        for frame, lineno in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename == example:
                line = lineno  # the last one: the innermost frame in the example's own file
        text = error.msg if isinstance(error, SyntaxError) else str(error)
        memory = isinstance(error, MemoryError)
        too_big = isinstance(error, OSError) and error.errno == errno.EFBIG
        record("error", type=type(error).__name__, text=text, line=line, memory=memory, too_big=too_big)
        traceback.print_exc()
        sys.exit(1)
