"""Reading an authored file as a stranger may have written it.

Every source is read through read_text: it must be a regular file (not a symbolic
link, not a device), inside the project, at most MAX_BYTES long, UTF-8 without a
byte-order mark.  Whatever is wrong is reported as a finding, never raised.
"""

from __future__ import annotations

from pathlib import Path

from qa.model import Finding

MAX_BYTES = 256 * 1024  # a question source is a few KB; the largest example is under 10 KB


def read_text(path: Path, root: Path, limit: int = MAX_BYTES) -> tuple[str | None, list[Finding]]:
    """The file's text, or None and why it cannot be read."""
    if path.is_symlink():
        return None, [
            Finding(path, 1, "file is a symbolic link — sources must be regular files; put the file itself here")
        ]
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except OSError:
        inside = False
    if not inside:
        return None, [Finding(path, 1, "file is outside the project — move it into the project folder")]
    if not path.is_file():
        return None, [Finding(path, 1, "not a regular file — sources must be regular files")]
    size = path.stat().st_size
    if size > limit:
        return None, [
            Finding(path, 1, f"file is {size // 1024} KB, more than {limit // 1024} KB — split it or shorten it")
        ]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Finding(path, 1, "file starts with a byte-order mark — save it as UTF-8 without BOM")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Finding(path, line, "file is not valid UTF-8 — save it as UTF-8")]


def links_in(folder: Path) -> list[Finding]:
    """Every symbolic link under a source folder (a link could publish a file from anywhere)."""
    if not folder.is_dir():
        return []
    return [
        Finding(path, 1, "file is a symbolic link — sources must be regular files; put the file itself here")
        for path in sorted(folder.rglob("*"))
        if path.is_symlink()
    ]
