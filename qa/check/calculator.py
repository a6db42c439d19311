"""Links to the calculator: `../tools/calculator.md?name=value&…` in a question source.

qa.urls.parse_source_link recognizes the link by its path; qa.check.markup hands its
query to the hook made here (LinkRules.calculator_query), which checks that every
name is an input of the calculator, every value valid for it, each input given once,
and every preset id one of content/calculator/presets.yml.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qsl

from qa.model import quoted
from qa.sources.presets import Presets, parse_input

EXAMPLE = "?model=llama-3.1-8b&gpus=2"


def query_problems(query: str, presets: Presets | None) -> list[str]:
    """What is wrong with the query of a link to the calculator (each message ends with its fix).

    presets None: preset ids are not checked (the presets file could not be read)."""
    if not query:
        return []
    try:
        pairs = parse_qsl(query, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return [f"query `{quoted(query)}` is not name=value pairs joined by & — write e.g. `{EXAMPLE}`"]
    problems: list[str] = []
    seen: set[str] = set()
    for name, text in pairs:
        if name in seen:
            problems.append(f"input `{quoted(name)}` is given twice — give each input once")
            continue
        seen.add(name)
        _, error = parse_input(name, text, presets)
        if error:
            problems.append(error)
    return problems


def calculator_query(presets: Presets | None) -> Callable[[str], list[str]]:
    """The link rules' hook for calculator links, against these presets."""
    return lambda query: query_problems(query, presets)
