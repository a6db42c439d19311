"""The theme's icons, drawn from one sprite file instead of inlined in every page.

Material inlines each icon's SVG where it is used: the logo twice, the palette's three,
the search form's four, the language switch, the back-to-top button — about 2.6 KB of
every page, the same on all of them.  Each icon in a page is replaced by a reference to
a <symbol> in assets/icons.svg (`<svg><use href="…/assets/icons.svg#i…"></use></svg>`),
which the browser fetches once and caches; the symbol keeps the icon's viewBox and
shape, and the outer <svg> the size and colour the theme's CSS gives it.

Only the theme's own icon markup is replaced — an <svg> with exactly Material's two
attributes (xmlns and viewBox) and no script or nested <svg> — nothing else changes.
A symbol is named by a hash of what it draws, so a page refers to the same symbol in
every build, and a dirty build (which re-renders some pages) adds its icons to the
sprite already in the site rather than replacing it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

SPRITE = "assets/icons.svg"  # from the site root
ICON = re.compile(
    r'<svg xmlns="http://www\.w3\.org/2000/svg" viewBox="(?P<box>[0-9. -]+)">'
    r"(?P<shape>(?:(?!<svg|<script|</svg>).)*)</svg>",
    re.S,
)
SYMBOL = re.compile(r'<symbol id="(?P<id>i[0-9a-f]+)" viewBox="(?P<box>[0-9. -]+)">(?P<shape>.*?)</symbol>', re.S)
# where the theme's stylesheet is, relative to the page: the site root is the folder above assets/
ROOT = re.compile(r'<link[^>]*href="(?P<root>(?:\.\./)*|/[^"]*?/|\./)assets/stylesheets/main\.[0-9a-f]+\.min\.css"')

Icons = dict[str, tuple[str, str]]  # symbol id → (viewBox, the SVG inside it)


def symbol_id(box: str, shape: str) -> str:
    return "i" + hashlib.sha256(f"{box}\0{shape}".encode()).hexdigest()[:10]


def share(html: str) -> tuple[str, Icons]:
    """The page with its theme icons drawn from the sprite, and the icons it uses.
    A page that does not load the theme's stylesheet is left as it is."""
    root = ROOT.search(html)
    if root is None:
        return html, {}
    href = f"{root['root']}{SPRITE}"
    used: Icons = {}

    def reference(match: re.Match[str]) -> str:
        key = symbol_id(match["box"], match["shape"])
        used[key] = (match["box"], match["shape"])
        return f'<svg><use href="{href}#{key}"></use></svg>'

    return ICON.sub(reference, html), used


def read_sprite(path: Path) -> Icons:
    """The symbols of a sprite this module wrote (none if there is no file)."""
    if not path.is_file():
        return {}
    return {m["id"]: (m["box"], m["shape"]) for m in SYMBOL.finditer(path.read_text(encoding="utf-8"))}


def write_sprite(path: Path, icons: Icons) -> None:
    """The sprite with these symbols, in a stable order (written only when it changes)."""
    symbols = "".join(
        f'<symbol id="{key}" viewBox="{box}">{shape}</symbol>' for key, (box, shape) in sorted(icons.items())
    )
    text = f'<svg xmlns="http://www.w3.org/2000/svg">{symbols}</svg>\n'
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
