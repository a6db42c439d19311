"""Split a Markdown source into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qa.model import Finding

FENCE = "---"


@dataclass
class Source:
    path: Path
    meta: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key → line of the key
    body: str = ""
    body_line: int = 1  # line number of the first body line


def read_source(path: Path) -> tuple[Source | None, list[Finding]]:
    """Read one source file; return it, or None plus the problems that stop reading."""
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Finding(path, 1, "file starts with a byte-order mark — save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Finding(path, line, "file is not valid UTF-8 — save it as UTF-8")]
    return parse_source(path, text)


def parse_source(path: Path, text: str) -> tuple[Source | None, list[Finding]]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        return None, [Finding(path, 1, "missing front matter — start the file with a line `---`")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        return None, [Finding(path, 1, "front matter is not closed — add a line `---` after the last field")]
    yaml_text = "\n".join(lines[1:end])
    try:
        try:
            node, data = _compose_and_construct(yaml_text, FAST_LOADER)
        except yaml.YAMLError:  # PyYAML's own verdict, worded as before (libyaml words some errors differently)
            node, data = _compose_and_construct(yaml_text, yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        reason = getattr(err, "problem", None) or str(err)
        return None, [Finding(path, line, f"malformed front matter: {reason} — fix the YAML syntax")]
    if node is None:
        data, key_lines = {}, {}
    elif not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return None, [Finding(path, 2, "front matter must be a mapping — write one `key: value` per line")]
    else:
        key_lines = {str(k.value): k.start_mark.line + 2 for k, _ in node.value}
    body = "\n".join(lines[end + 1 :])
    return Source(path, {str(k): v for k, v in data.items()}, key_lines, body, end + 2), []


# libyaml parses about ten times faster than PyYAML's pure-Python parser (thousands of
# sources per build); the values are built by the same Python constructor either way.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose_and_construct(text: str, loader_class: type) -> tuple[yaml.Node | None, object]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def dump_front_matter(meta: dict[str, object]) -> str:
    """Serialise front matter the way authored sources are written (stable key order)."""
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
    return f"{FENCE}\n{dumped}{FENCE}\n"
