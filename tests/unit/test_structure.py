"""The package's shape: stages that import only earlier stages, no import cycles, a plugin
without module-level mutable state, and other packages' internals touched only in adapters."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "qa"
# Which parts of the package each part may import (besides itself).  The shared base —
# records, the URL scheme, Markdown scanning, the generator↔plugin contract, the layout
# and the site config — may be imported by everything and imports nothing else.
BASE = {"qa.model", "qa.urls", "qa.markdown", "qa.contract", "qa.layout", "qa.site", "qa.sanitize"}
MAY_IMPORT = {
    "sources": BASE,
    "check": BASE | {"sources"},
    "generate": BASE | {"sources", "check"},
    "plugin": BASE,  # the render side knows nothing of how the content was read or staged
    "publish": BASE | {"sources", "check", "generate"},
    "tools": BASE | {"sources", "check", "generate", "publish"},
}
# Where another package's behaviour beyond its documented options is relied on.
ADAPTERS = {"qa/plugin/i18n.py", "qa/plugin/material.py", "qa/plugin/redirects.py", "qa/plugin/dirty.py"}
# Underscore names the standard library documents as its interface.
DOCUMENTED = {("sys", "_getframe"), ("os", "_exit")}


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in names if name == "qa" or name.startswith("qa.")}


def test_no_import_cycles():
    known = modules()
    graph = {name: {i for i in imports(path) if i in known and i != name} for name, path in known.items()}
    for name in graph:  # a package's __init__ is not an edge back to its own modules
        graph[name] = {i for i in graph[name] if not name.startswith(i + ".")}
    state: dict[str, str] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                pytest.fail("import cycle: " + " → ".join([*trail[trail.index(nxt) :], nxt]))
            if nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


@pytest.mark.parametrize("stage", sorted(MAY_IMPORT))
def test_each_stage_imports_only_earlier_stages(stage):
    allowed = MAY_IMPORT[stage]
    for name, path in modules().items():
        if not name.startswith(f"qa.{stage}"):
            continue
        for target in imports(path):
            if target.startswith(f"qa.{stage}") or target == "qa":
                continue
            top = target.split(".")[1]
            ok = target in allowed or top in allowed or any(target.startswith(base + ".") for base in BASE)
            assert ok, f"{path.relative_to(PACKAGE.parent)} imports {target}, a later stage"


def test_the_base_modules_import_nothing_but_each_other():
    for name, path in modules().items():
        if name in BASE:
            for target in imports(path) - {"qa"}:
                assert any(target == b or target.startswith(b + ".") for b in BASE), f"{name} imports {target}"


MUTABLE = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)


def test_plugin_has_no_module_level_mutable_state():
    for path in (PACKAGE / "plugin").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            value = getattr(node, "value", None)
            for target in targets:
                name = getattr(target, "id", "?")
                assert not isinstance(value, MUTABLE), f"{path.name}: module-level mutable `{name}`"
                if isinstance(value, ast.Call) and getattr(value.func, "id", "") in {
                    "dict",
                    "list",
                    "set",
                    "defaultdict",
                }:
                    pytest.fail(f"{path.name}: module-level mutable `{name}`")
            if isinstance(node, ast.Global):
                pytest.fail(f"{path.name}: `global` statement")
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                pytest.fail(f"{path.name}: `global {', '.join(node.names)}`")


def test_private_attributes_of_other_packages_only_in_adapters():
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if relative in ADAPTERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
                owner = node.value
                if isinstance(owner, ast.Name) and (owner.id, node.attr) in DOCUMENTED:
                    continue
                assert isinstance(owner, ast.Name) and owner.id in {"self", "cls"}, (
                    f"{relative}:{node.lineno}: reads `.{node.attr}` of another object — move it into an adapter"
                )
