"""A local static server that behaves like GitHub Pages for our purposes.

- serves site/ under the site_url path (e.g. /llm-inference-qa/), as Pages does
  for a project site;
- `dir` → 301 to `dir/`, `dir/` → dir/index.html;
- anything missing → the root 404.html with status 404;
- gzip for text when the client accepts it (Pages does, and page-weight
  measurements must see what readers download).
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from qa.layout import Layout
from qa.site import load_site

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def site_path(layout: Layout) -> str:
    """The path part of site_url, e.g. `/llm-inference-qa/`."""
    return load_site(layout.mkdocs_yml).path


class SiteHandler(BaseHTTPRequestHandler):
    server_version = "qa-preview"
    cache_control = "max-age=600"  # what Pages sends

    def __init__(self, *args, root: Path, base: str, **kwargs):
        self.root = root
        self.base = base
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args) -> None:  # quiet: tests start many servers
        pass

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path + "/" == self.base:
            return self._redirect(self.base)
        if not path.startswith(self.base):
            return self._send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, head)
        relative = path[len(self.base) :]
        target = (self.root / relative).resolve()
        if self.root.resolve() not in target.parents and target != self.root.resolve():
            return self._send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, head)
        if target.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/")
            target = target / "index.html"
        if not target.is_file():
            return self._send_file(self.root / "404.html", HTTPStatus.NOT_FOUND, head)
        self._send_file(target, HTTPStatus.OK, head)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def served(self, file: Path, body: bytes) -> bytes:
        """What is sent for a file (the live preview adds its reload script to pages)."""
        return body

    def _send_file(self, file: Path, status: HTTPStatus, head: bool) -> None:
        body = self.served(file, file.read_bytes()) if file.is_file() else b"not found"
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
            kind += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, mtime=0)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", self.cache_control)
        self.end_headers()
        if not head:
            self.wfile.write(body)


def make_server(
    root: Path, base: str, port: int = 0, handler: type[SiteHandler] = SiteHandler, **extra
) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(handler, root=root, base=base, **extra))
    server.daemon_threads = True  # a reader's open event stream must not keep the server alive
    return server


def serve_in_thread(root: Path, base: str) -> tuple[ThreadingHTTPServer, str]:
    """Start a server on a free port; return it and the site's URL (for tests)."""
    server = make_server(root, base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}{base}"


def serve_forever(layout: Layout, port: int = 8000) -> None:
    base = site_path(layout)
    server = make_server(layout.site, base, port)
    print(f"Serving site/ at http://127.0.0.1:{port}{base} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
