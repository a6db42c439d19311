"""Preview cards: one 1200×630 PNG per question and language (plus one per site home).

Drawn with Pillow in Noto Sans CJK (Debian's fonts-noto-cjk), so Chinese titles
render with correct glyphs.  Each card is cached under build/cache/cards by a hash
of everything drawn on it, so an unchanged question is never redrawn.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import re
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import oxipng
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FEW_CARDS = 8  # up to this many missing cards are drawn without a process pool
DESIGN = "card-v6"  # bump to redraw every card after changing the drawing code
FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/opentype", "/usr/share/fonts")
FONT_FILES = {"bold": "NotoSansCJK-Bold.ttc", "regular": "NotoSansCJK-Regular.ttc"}
FACE = "Noto Sans CJK SC"
BACKGROUND = (40, 53, 147)  # indigo, as the site header
# Cards are drawn in grey levels (0 = background, 255 = white text), then kept in four
# levels — background, one edge shade, the soft text and white — and coloured by a
# palette blending the background into white.  Four levels still draw smooth glyph
# edges and make a 2-bit PNG of about 40 % the size of 256 levels (2,000 cards are
# a large part of a 1,000-question site).
WHITE, SOFT = 255, 190
LEVELS = (0, SOFT // 2, SOFT, WHITE)
NEAREST_LEVEL = [min(range(len(LEVELS)), key=lambda i: abs(LEVELS[i] - grey)) for grey in range(256)]
PALETTE = [round(c + (255 - c) * level / 255) for level in LEVELS for c in BACKGROUND]


class FontMissing(RuntimeError):
    pass


@dataclass(frozen=True)
class Card:
    """What one card shows."""

    kicker: str  # small line at the top: the site's name
    badge: str  # large, e.g. "9" (question number) or "30" (question count)
    title: str
    footer: str  # topic, or the site address

    def key(self) -> str:
        text = "\x1f".join((DESIGN, self.kicker, self.badge, self.title, self.footer))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


@cache
def font_file(weight: str) -> Path:
    override = os.environ.get(f"QA_CARD_FONT_{weight.upper()}")
    if override:
        return Path(override)
    for folder in FONT_DIRS:
        for path in Path(folder).rglob(FONT_FILES[weight]) if Path(folder).is_dir() else ():
            return path
    raise FontMissing(
        f"{FONT_FILES[weight]} not found — install Debian's fonts-noto-cjk "
        f"(apt-get install fonts-noto-cjk) or set QA_CARD_FONT_{weight.upper()}"
    )


@cache
def font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    path = font_file(weight)
    for index in range(10):  # a .ttc holds one face per region; pick Simplified Chinese
        face = ImageFont.truetype(str(path), size, index=index)
        if face.getname()[0] == FACE:
            return face
    return ImageFont.truetype(str(path), size)


# Line-breaking rules: Latin words stay whole; closing punctuation never starts a
# line and opening punctuation never ends one (so a title's "？" is not left alone).
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-/]*|\s+|.")
NO_LINE_START = set("，。、？！：；）》」』”’,.?!:;)%")
NO_LINE_END = set("（《「『“‘(")


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy line breaks between words (Latin) or characters (Chinese)."""
    tokens: list[str] = []
    for token in TOKEN.findall(text):
        if tokens and (token in NO_LINE_START or tokens[-1] in NO_LINE_END or tokens[-1][-1] in NO_LINE_END):
            tokens[-1] += token
        else:
            tokens.append(token)
    lines: list[str] = []
    line = ""
    for token in tokens:
        candidate = line + token
        if not line or face.getlength(candidate.rstrip()) <= width:
            line = candidate
        else:
            lines.append(line.rstrip())
            line = token.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    return lines


def draw(card: Card) -> Image.Image:
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(image)
    margin = 72
    pen.text((margin, 56), card.kicker, font=font("regular", 30), fill=SOFT)
    badge = font("bold", 96)
    pen.text((margin, 120), card.badge, font=badge, fill=WHITE)
    left = margin + int(badge.getlength(card.badge)) + 36
    size = 60
    while size > 36:  # shrink long titles until they fit in four lines
        lines = wrap(card.title, font("bold", size), WIDTH - left - margin)
        if len(lines) <= 4:
            break
        size -= 4
    y = 138
    for line in lines[:4]:
        pen.text((left, y), line, font=font("bold", size), fill=WHITE)
        y += int(size * 1.35)
    pen.line([(margin, HEIGHT - 112), (WIDTH - margin, HEIGHT - 112)], fill=SOFT, width=2)
    pen.text((margin, HEIGHT - 90), card.footer, font=font("regular", 32), fill=SOFT)
    coloured = Image.frombytes("P", image.size, image.point(NEAREST_LEVEL).tobytes())
    coloured.putpalette(PALETTE)
    return coloured


def png(image: Image.Image) -> bytes:
    """A 2-bit PNG, recompressed by oxipng without row filters (which do not pay on
    a palette image): 17 % smaller than Pillow's alone, for about 20 ms per card."""
    out = io.BytesIO()
    image.save(out, format="PNG", bits=2)
    return oxipng.optimize_from_memory(
        out.getvalue(), level=1, filter=[oxipng.RowFilter.NoOp], strip=oxipng.StripChunks.safe()
    )


def render_cached(cards: dict[str, Card], cache_dir: Path) -> dict[str, bytes]:
    """Each card's PNG bytes (same keys), drawing only those without a cached copy,
    on every core when there are many (a cold build of 1,000 questions draws 2,000).
    `cards` is every card of the site: the cache keeps those and no other."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    missing = list({card for card in cards.values() if not (cache_dir / f"{card.key()}.png").exists()})
    if len(missing) > FEW_CARDS:
        # spawn, not fork: oxipng's thread pool does not survive a fork (the child hangs)
        with ProcessPoolExecutor(mp_context=multiprocessing.get_context("spawn")) as pool:
            save_all(missing, pool.map(png_of, missing, chunksize=16), cache_dir)
    else:  # a question or two edited: starting worker processes would cost more than drawing
        save_all(missing, map(png_of, missing), cache_dir)
    drawn = {rel: (cache_dir / f"{card.key()}.png").read_bytes() for rel, card in cards.items()}
    # the cache holds the site's current cards only: a retitled question's old card goes
    current = {f"{card.key()}.png" for card in cards.values()}
    for old in [*cache_dir.glob("*.png"), *cache_dir.glob("*.tmp")]:
        if old.name not in current:
            old.unlink()
    return drawn


def save_all(cards: list[Card], pngs: Iterable[bytes], cache_dir: Path) -> None:
    for card, data in zip(cards, pngs, strict=True):
        partial = cache_dir / f"{card.key()}.tmp"
        partial.write_bytes(data)
        partial.replace(cache_dir / f"{card.key()}.png")


def png_of(card: Card) -> bytes:
    return png(draw(card))
