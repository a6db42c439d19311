"""Split a Markdown source into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qa.model import Finding, quoted
from qa.sources.files import read_text

FENCE = "---"


@dataclass
class Source:
    path: Path
    meta: dict[str, object] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # key → line of the key
    body: str = ""
    body_line: int = 1  # line number of the first body line


def read_source(path: Path, root: Path) -> tuple[Source | None, list[Finding]]:
    """Read one source file; return it, or None plus the problems that stop reading."""
    text, problems = read_text(path, root)
    if text is None:
        return None, problems
    return parse_source(path, text)


def parse_source(path: Path, text: str) -> tuple[Source | None, list[Finding]]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != FENCE:
        return None, [Finding(path, 1, "missing front matter — start the file with a line `---`")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    except StopIteration:
        return None, [Finding(path, 1, "front matter is not closed — add a line `---` after the last field")]
    node, data, problems = parse_yaml(path, "\n".join(lines[1:end]), first_line=2, what="front matter")
    if problems:
        return None, problems
    if node is None:
        data, key_lines = {}, {}
    elif not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return None, [Finding(path, 2, "front matter must be a mapping — write one `key: value` per line")]
    else:
        key_lines = {str(key.value): key.start_mark.line + 2 for key, _ in node.value}
    body = "\n".join(lines[end + 1 :])
    return Source(path, {str(k): v for k, v in data.items()}, key_lines, body, end + 2), []


def parse_yaml(
    path: Path, text: str, first_line: int = 1, what: str = "YAML"
) -> tuple[yaml.Node | None, object, list[Finding]]:
    """YAML as sources may write it: the node tree (for line numbers), the data, and
    what is wrong, each problem on one line.  Anchors, aliases, tags and repeated keys
    are refused."""
    refused = refused_yaml(path, text, first_line)
    if refused:
        return None, None, refused
    try:
        try:
            node, data = _compose_and_construct(text, FAST_LOADER)
        except yaml.YAMLError:  # PyYAML's own verdict, worded as before (libyaml words some errors differently)
            node, data = _compose_and_construct(text, yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = (mark.line + first_line) if mark is not None else first_line
        reason = str(getattr(err, "problem", None) or err).splitlines()[0]
        return None, None, [Finding(path, line, f"malformed {what}: {reason} — fix the YAML syntax")]
    repeated = _repeated_key(node)
    if repeated is not None:
        line = repeated.start_mark.line + first_line
        message = f"key `{quoted(repeated.value)}` appears twice — keep one (YAML would silently use the last)"
        return None, None, [Finding(path, line, message)]
    return node, data, []


def _repeated_key(node: yaml.Node | None) -> yaml.Node | None:
    """The first key that repeats an earlier key of the same mapping, anywhere in the tree."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if str(key.value) in seen:
                return key
            seen.add(str(key.value))
            found = _repeated_key(value)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _repeated_key(item)
            if found is not None:
                return found
    return None


def refused_yaml(path: Path, text: str, first_line: int = 1) -> list[Finding]:
    """YAML features no source needs and a stranger can abuse: anchors and aliases (an
    alias chain multiplies a few lines into megabytes) and tags (`!!python/…`)."""
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER):
            line = event.start_mark.line + first_line
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return [
                    Finding(path, line, "YAML anchors and aliases (`&`, `*`) are not allowed — write the value out")
                ]
            tag = getattr(event, "tag", None)  # set only when the source writes one (`!!str`, `!foo`)
            if tag:
                return [Finding(path, line, f"YAML tag `{quoted(tag)}` is not allowed — write a plain value")]
    except yaml.YAMLError:
        return []  # malformed YAML: reported by the parser, with its own message
    return []


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


def set_field(path: Path, key: str, value: str) -> None:
    """Write `key: value` into a source's front matter, in place of the key's line or
    as its last field; the rest of the file is left byte for byte."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == FENCE)
    entry = f"{key}: {value}"
    for i in range(1, end):
        if lines[i].startswith(f"{key}:"):
            lines[i] = entry
            break
    else:
        lines.insert(end, entry)
    path.write_text("\n".join(lines), encoding="utf-8")
