"""The live preview: `qa serve` rebuilds on every save and reloads the open pages.

It watches content/, docs/, overrides/, mkdocs.yml and the qa package (watchdog).  A
change starts `qa build --no-pdf` in a fresh interpreter (so a change to the build
code takes effect too); the build redoes only what the change needs (the generator
rewrites changed files, MkDocs re-renders changed pages, no PDF is printed, no card
is redrawn that did not change).  The server is the Pages-like one of
qa.publish.server, with two additions that exist only here, never in site/: every
page it sends loads /__qa__/reload.js, and /__qa__/events tells that script, as
server-sent events, to reload after a good build or to show the located problems
of a failed one — while the last good site stays served.
"""

from __future__ import annotations

import json
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from qa.layout import Layout
from qa.publish.server import SiteHandler, make_server, site_path

SCRIPT = "/__qa__/reload.js"
EVENTS = "/__qa__/events"
WATCHED = ("content", "docs", "overrides", "qa", "mkdocs.yml")
IGNORED = re.compile(r"(/__pycache__/|\.pyc$|~$|\.swp$|/\.#)")
RELOAD_JS = """// The live preview's reload script (served by `qa serve` only; never part of site/).
(function () {
  var box = null;
  function show(lines) {
    if (!box) {
      box = document.createElement("pre");
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10;margin:0;padding:1em;" +
        "max-height:50vh;overflow:auto;background:#b71c1c;color:#fff;font-size:14px;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "qa build failed; this is the last good site.\\n\\n" + lines.join("\\n");
  }
  var events = new EventSource("/__qa__/events");
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("failed", function (e) { show(JSON.parse(e.data)); });
})();
"""


class Broadcast:
    """The open pages' event streams."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.listeners: list[queue.Queue[tuple[str, str]]] = []
        self.last_failure: list[str] | None = None

    def listen(self) -> queue.Queue[tuple[str, str]]:
        q: queue.Queue[tuple[str, str]] = queue.Queue()
        with self.lock:
            self.listeners.append(q)
            if self.last_failure is not None:  # a page opened while the build is broken sees why
                q.put(("failed", json.dumps(self.last_failure)))
        return q

    def forget(self, q: queue.Queue[tuple[str, str]]) -> None:
        with self.lock:
            self.listeners.remove(q)

    def send(self, event: str, data: object = "") -> None:
        with self.lock:
            self.last_failure = data if event == "failed" else None  # type: ignore[assignment]
            for q in self.listeners:
                q.put((event, json.dumps(data)))


class PreviewHandler(SiteHandler):
    cache_control = "no-store"  # every reload shows the newest build

    def __init__(self, *args, broadcast: Broadcast, **kwargs):
        self.broadcast = broadcast
        super().__init__(*args, **kwargs)

    def served(self, file: Path, body: bytes) -> bytes:
        if file.suffix == ".html":
            return body.replace(b"</body>", f'<script src="{SCRIPT}"></script></body>'.encode(), 1)
        return body

    def do_GET(self) -> None:
        if self.path == SCRIPT:
            body = RELOAD_JS.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/javascript; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
        elif self.path == EVENTS:
            self._stream()
        else:
            super().do_GET()

    def _stream(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        q = self.broadcast.listen()
        try:
            self.wfile.write(b": connected\n\n")
            self.wfile.flush()
            while True:
                try:
                    event, data = q.get(timeout=15)
                    self.wfile.write(f"event: {event}\ndata: {data}\n\n".encode())
                except queue.Empty:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except OSError:
            pass  # the page went away
        finally:
            self.broadcast.forget(q)


class Rebuilder(FileSystemEventHandler):
    """Rebuilds after a burst of changes settles (an editor saves in several steps)."""

    SETTLE = 0.15  # seconds without a further change

    def __init__(self, layout: Layout, broadcast: Broadcast):
        self.layout, self.broadcast = layout, broadcast
        self.changed = threading.Event()
        threading.Thread(target=self._loop, daemon=True).start()

    def on_any_event(self, event: FileSystemEvent) -> None:
        path = str(event.src_path)
        if event.is_directory or IGNORED.search(path) or "/build/" in path or "/site/" in path:
            return
        self.changed.set()

    def _loop(self) -> None:
        while True:
            self.changed.wait()
            while self.changed.is_set():  # until a quiet moment
                self.changed.clear()
                time.sleep(self.SETTLE)
            self.rebuild()

    def rebuild(self) -> None:
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, "-m", "qa", "--root", str(self.layout.root), "build", "--no-pdf"],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
        if run.returncode == 0:
            print(f"rebuilt in {seconds:.2f} s; reloading the open pages", flush=True)
            self.broadcast.send("reload")
        else:
            problems = [line for line in run.stderr.splitlines() if line.strip() and "INFO" not in line]
            print("\n".join(problems), file=sys.stderr, flush=True)
            print(f"build failed after {seconds:.2f} s; still serving the last good site", file=sys.stderr)
            self.broadcast.send("failed", problems[-40:])


def serve_live(layout: Layout, port: int = 8000) -> None:
    base = site_path(layout)
    broadcast = Broadcast()
    server = make_server(layout.site, base, port, handler=PreviewHandler, broadcast=broadcast)
    observer = Observer()
    rebuilder = Rebuilder(layout, broadcast)
    for name in WATCHED:
        path = layout.root / name
        if path.is_dir():
            observer.schedule(rebuilder, str(path), recursive=True)
        elif path.exists():
            observer.schedule(rebuilder, str(path.parent), recursive=False)
    observer.start()
    host, bound = server.server_address[:2]
    print(f"Serving site/ at http://{host}:{bound}{base} — rebuilding on every save (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
