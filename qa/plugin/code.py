"""Lighter highlighted code: fewer of the <span>s Pygments wraps every token in.

Code keeps the colours that help reading it — keywords, strings, comments, the names
being defined — and the other tokens (names, whitespace, punctuation, operators,
numbers, builtins) take the text colour.  A string written in pieces is one string:
consecutive pieces (prefix, quotes, text, escapes) and a whole f-string, the
expressions between its braces included.  An example's code is half a long question
page; this roughly halves its markup (the page-weight budget).
"""

from __future__ import annotations

import re
from html import unescape

PLAIN = frozenset("n w p o mi mf mh il nb bp vm fm nn".split())
STRING = frozenset("s1 s2 sa si se sb sh".split())  # the pieces of a string (not a docstring, sd)
QUOTES = ('"""', "'''", '"', "'")  # longest first
TOKEN = re.compile(r'<span class="(?P<cls>[\w-]+)">(?P<text>[^<]*)</span>|(?P<other><[^>]*>|[^<]+)')

Token = tuple[str | None, str]  # (Pygments class, or None for text and tags; HTML)


def lean_code(content: str) -> str:
    """A page's content HTML with lighter highlighted code (before the theme wraps it)."""
    if 'class="highlight"' not in content:
        return content
    tokens: list[Token] = [
        (None, m["other"]) if m["other"] is not None else (None if m["cls"] in PLAIN else m["cls"], m["text"])
        for m in TOKEN.finditer(content)
    ]
    return "".join(text if cls is None else f'<span class="{cls}">{text}</span>' for cls, text in _merged(tokens))


def _fstring_end(tokens: list[Token], start: int) -> int | None:
    """Where the f-string whose prefix is tokens[start] ends (the index after its closing
    quote), or None if it is not one.  Pygments' formatter joins a quote with the text
    beside it, so the token after the prefix starts with the quote and the closing token,
    outside any {…}, ends with it."""
    if start + 1 >= len(tokens) or tokens[start + 1][0] not in STRING:
        return None
    opening = unescape(tokens[start + 1][1])
    quote = next((q for q in QUOTES if opening.startswith(q)), None)
    if quote is None:
        return None
    if len(opening) > len(quote) and opening.endswith(quote):
        return start + 2  # no {…}: one token
    depth = 0
    for index in range(start + 2, len(tokens)):
        cls, text = tokens[index]
        if cls == "si":
            depth += text.count("{") - text.count("}")
        elif depth == 0 and cls in STRING and cls != "se" and unescape(text).endswith(quote):
            return index + 1
        elif cls is None and text.startswith("<"):
            return None  # a tag (the code block's end): not a string Pygments closed
    return None


def _merged(tokens: list[Token]) -> list[Token]:
    """Each f-string and each run of string pieces one "s2" token; adjacent text joined."""
    out: list[Token] = []
    index = 0
    while index < len(tokens):
        cls, text = tokens[index]
        end = _fstring_end(tokens, index) if cls == "sa" and "f" in text.lower() else None
        if end is not None:
            cls, text, index = "s2", "".join(t for _, t in tokens[index:end]), end
        else:
            index += 1
        if out and cls in STRING and out[-1][0] in STRING:
            cls, text = "s2", out.pop()[1] + text
        elif out and cls is None and out[-1][0] is None:
            text = out.pop()[1] + text
        out.append((cls, text))
    return out
