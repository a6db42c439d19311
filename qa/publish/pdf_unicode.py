"""Make the Chinese text of Chromium's PDFs copyable and searchable.

CJK fonts such as Noto Sans CJK draw a radical (U+2E80–U+2FDF, e.g. ⽤ U+2F64) and
its ideograph (用 U+7528) with one glyph.  Chromium's PDF writer names each glyph
by the lowest code point that uses it, so the text layer says ⽤ where the page
shows 用: copying, searching and screen readers get the radical.  This rewrites
each font's ToUnicode map so a glyph shared with an ideograph names the ideograph.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import pikepdf

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals
IDEOGRAPHS = (range(0x4E00, 0xA000), range(0x3400, 0x4DC0), range(0x20000, 0x2A6E0))
HEX_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
HEX_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


@cache
def radical_ideographs(postscript_name: str) -> dict[int, int]:
    """Radical → ideograph drawn with the same glyph, in the installed font of that name."""
    from fontTools.ttLib import TTFont

    found = subprocess.run(
        ["fc-match", "-f", "%{file}\n%{index}", f":postscriptname={postscript_name}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if found.returncode != 0 or "\n" not in found.stdout:
        return {}
    file, index = found.stdout.split("\n", 1)
    cmap = TTFont(file, fontNumber=int(index or 0), lazy=True).getBestCmap()
    ideograph_of_glyph: dict[str, int] = {}
    for code, glyph in sorted(cmap.items()):
        if any(code in block for block in IDEOGRAPHS):
            ideograph_of_glyph.setdefault(glyph, code)
    return {code: ideograph_of_glyph[cmap[code]] for code in RADICALS if cmap.get(code) in ideograph_of_glyph}


def read_cmap(data: bytes) -> dict[bytes, str]:
    """Source code (hex) → Unicode text, from a ToUnicode CMap's bfchar and bfrange entries."""
    entries: dict[bytes, str] = {}
    for kind, body in SECTION.findall(data):
        if kind == b"bfchar":
            for source, target in HEX_PAIR.findall(body):
                entries[source] = bytes.fromhex(target.decode()).decode("utf-16-be")
        else:
            for low, high, start in HEX_RANGE.findall(body):
                first = int.from_bytes(bytes.fromhex(start.decode()), "big")
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    entries[f"{code:0{len(low)}X}".encode()] = chr(first + offset)
    return entries


def write_cmap(data: bytes, entries: dict[bytes, str]) -> bytes:
    """The CMap with its mapping sections replaced by bfchar blocks (≤ 100 entries each)."""
    pairs = [
        b"<" + code + b"> <" + text.encode("utf-16-be").hex().upper().encode() + b">"
        for code, text in sorted(entries.items())
    ]
    blocks = b"".join(
        b"%d beginbfchar\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfchar\n"
        for chunk in (pairs[i : i + 100] for i in range(0, len(pairs), 100))
    )
    head = data[: SECTION.search(data).start()]
    head = head[: head.rstrip().rfind(b"\n") + 1]  # drop the section's "N begin…" count line
    tail = data[data.rfind(b"endbf") :].split(b"\n", 1)[1]
    return head + blocks + tail


def fix_font(font: pikepdf.Dictionary) -> bool:
    """Rewrite one font's ToUnicode map (in its own stream object); True if anything changed."""
    if "/ToUnicode" not in font or "/FontDescriptor" not in font:
        return False
    name = str(font.FontDescriptor.get("/FontName", "")).lstrip("/").split("+")[-1]
    mapping = radical_ideographs(name) if name else {}
    stream = font.ToUnicode
    if not mapping or not isinstance(stream, pikepdf.Stream):
        return False
    data = stream.read_bytes()
    if not SECTION.search(data):
        return False
    entries = read_cmap(data)
    fixed = {code: "".join(chr(mapping.get(ord(c), ord(c))) for c in text) for code, text in entries.items()}
    if fixed == entries:
        return False
    stream.write(write_cmap(data, fixed))
    return True


def fix_pdf(path: Path) -> int:
    """Fix every font of the PDF in place; return how many fonts changed."""
    changed = 0
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        seen: set[tuple[int, int]] = set()
        for page in pdf.pages:
            resources = page.obj.get("/Resources", pikepdf.Dictionary())
            for font in resources.get("/Font", pikepdf.Dictionary()).values():
                if font.is_indirect:
                    if font.objgen in seen:
                        continue
                    seen.add(font.objgen)
                changed += fix_font(font)
        if changed:
            pdf.save(path)
    return changed
