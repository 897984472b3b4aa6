"""Social cards: the 1200x630 picture LinkedIn, WhatsApp, Facebook and X show for a shared page.

Drawn with Pillow and a font shipped as a Python package (Source Sans Pro, SIL OFL), so nothing
depends on the system's Cairo or fonts and nothing is fetched at build time. A card is stored
under a hash of everything it shows (`card_key`), so a warm build draws none, and drawing is
cheap: the background (colours, site name, logo) is made once per process and each card only
adds its text. `layout` places the text without drawing, so tests can check every box lies
inside the margins.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import pyphen
from PIL import Image, ImageChops, ImageDraw, ImageFont

import font_source_sans_pro

from ..core.errors import ContentError

WIDTH, HEIGHT = 1200, 630
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 80, 64, 56
TITLE_SIZES = (76, 68, 60, 54, 48, 44, 40, 36)  # largest that fits wins
TITLE_MAX_LINES = 5
# Changing how cards look changes every card's key, so old cards are never served for new looks.
CARD_VERSION = "2"

_FONTS = Path(font_source_sans_pro.__file__).parent / "files"
BOLD = _FONTS / "SourceSansPro-Bold.ttf"
SEMIBOLD = _FONTS / "SourceSansPro-Semibold.ttf"
REGULAR = _FONTS / "SourceSansPro-Regular.ttf"


@dataclass(frozen=True)
class CardStyle:
    """What every card of a site shares: brand colours (#rrggbb), site name, optional raster logo."""

    background: str
    text: str
    accent: str
    site_name: str
    footer: str = ""  # e.g. the site's host name, bottom right
    logo: str | None = None  # path of a PNG/JPEG/WebP logo; an SVG cannot be drawn without Cairo
    language: str = "nl"


@dataclass(frozen=True)
class Card:
    title: str
    kicker: str = ""  # small line above the title: "Blog", "Training"
    meta: str = ""  # line under the title: author and date, format and next date


@dataclass(frozen=True)
class TextBox:
    text: str
    font: str
    size: int
    box: tuple[int, int, int, int]  # left, top, right, bottom of the drawn ink, in pixels
    origin: tuple[int, int] = (0, 0)  # where the text starts: left edge, top of the ascender


def card_key(card: Card, style: CardStyle) -> str:
    """A hash of everything the card shows (the logo by its content)."""
    logo = hashlib.sha256(Path(style.logo).read_bytes()).hexdigest() if style.logo else None
    data = {"v": CARD_VERSION, "card": asdict(card), "style": {**asdict(style), "logo": logo}}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:20]


@lru_cache(maxsize=64)
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    # BASIC layout: no HarfBuzz shaping, which Latin text does not need; several times quicker.
    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=8)
def _hyphenator(language: str) -> pyphen.Pyphen | None:
    lang = pyphen.language_fallback(language.replace("-", "_"))
    return pyphen.Pyphen(lang=lang) if lang else None


# Text is set from glyphs drawn once per process (FreeType draws each letter of each size once,
# not once per card): a card costs a few milliseconds, so 1,000 of them stay a small part of a build.


@lru_cache(maxsize=None)
def _advance(path: str, size: int, char: str) -> float:
    return _font(path, size).getlength(char)


@lru_cache(maxsize=None)
def _glyph(path: str, size: int, char: str) -> tuple[Image.Image | None, int, int, int, int]:
    """A letter's grey mask and its ink box relative to the pen (left edge, top of the ascender)."""
    font = _font(path, size)
    left, top, right, bottom = font.getbbox(char)
    if right <= left or bottom <= top:
        return None, 0, 0, 0, 0
    mask = Image.new("L", (right - left, bottom - top), 0)
    ImageDraw.Draw(mask).text((-left, -top), char, font=font, fill=255)
    return mask, left, top, right, bottom


def _width(text: str, font: ImageFont.FreeTypeFont) -> float:
    path, size = font.path, font.size
    return sum(_advance(path, size, char) for char in text)


def _extent(text: str, path: str, size: int) -> tuple[int, int, int, int]:
    """The ink box of `text` set from the cached glyphs, relative to its origin."""
    pen = 0.0
    lefts, tops, rights, bottoms = [], [], [], []
    for char in text:
        glyph, left, top, right, bottom = _glyph(path, size, char)
        if glyph is not None:
            x = round(pen)
            lefts.append(x + left)
            rights.append(x + right)
            tops.append(top)
            bottoms.append(bottom)
        pen += _advance(path, size, char)
    if not lefts:
        return 0, 0, 0, 0
    return min(lefts), min(tops), max(rights), max(bottoms)


def _set_text(mask: Image.Image, origin: tuple[int, int], text: str, path: str, size: int, fill: int) -> None:
    pen = float(origin[0])
    for char in text:
        glyph, left, top, _right, _bottom = _glyph(path, size, char)
        if glyph is not None:
            x, y = round(pen) + left, origin[1] + top
            mask.paste(fill, (x, y, x + glyph.width, y + glyph.height), glyph)
        pen += _advance(path, size, char)


def _split_word(word: str, font, max_width: float, language: str) -> list[str]:
    """A word too wide for a line: at hyphenation points (Dutch rules), else between letters."""
    pieces: list[str] = []
    rest = word
    hyphenator = _hyphenator(language)
    while _width(rest, font) > max_width:
        cut = None
        if hyphenator is not None:
            for head, _tail in hyphenator.iterate(rest):  # longest head first
                if _width(head + "-", font) <= max_width:
                    cut = len(head)
                    break
        if cut is None:
            cut = 1
            while cut < len(rest) and _width(rest[: cut + 1] + "-", font) <= max_width:
                cut += 1
        pieces.append(rest[:cut] + "-")
        rest = rest[cut:]
    pieces.append(rest)
    return pieces


def wrap(text: str, font, max_width: float, language: str = "nl") -> list[str]:
    """Greedy line breaking by measured width; words wider than a line are hyphenated."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _width(candidate, font) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        if _width(word, font) <= max_width:
            line = word
        else:
            *full, line = _split_word(word, font, max_width, language)
            lines.extend(full)
    if line:
        lines.append(line)
    return lines


def _ellipsize(line: str, font, max_width: float) -> str:
    while line and _width(line + " …", font) > max_width:
        line = line[:-1]
    return line.rstrip() + " …"


@lru_cache(maxsize=8)
def _site_boxes(style: CardStyle) -> tuple[TextBox, TextBox | None, int]:
    """The header (site name) and footer (host name) every card of a site shows; drawn once."""
    width = WIDTH - 2 * MARGIN_X
    logo_space = 64 + 20 if style.logo else 0
    header = _fit_one_line(style.site_name, _font(str(SEMIBOLD), 34), width - logo_space)
    footer, footer_width = None, 0
    if style.footer:
        footer_width = round(_width(style.footer, _font(str(REGULAR), 28)))
        footer = _box(style.footer, REGULAR, 28, WIDTH - MARGIN_X - footer_width, HEIGHT - MARGIN_BOTTOM - 34)
    return _box(header, SEMIBOLD, 34, MARGIN_X + logo_space, MARGIN_TOP), footer, footer_width


def _card_boxes(card: Card, style: CardStyle) -> list[TextBox]:
    """The text only this card shows: kicker, title, meta line."""
    width = WIDTH - 2 * MARGIN_X
    boxes: list[TextBox] = []
    top = MARGIN_TOP + 64 + 36  # below the header row
    if card.kicker:
        kicker = _fit_one_line(card.kicker.upper(), _font(str(SEMIBOLD), 28), width)
        boxes.append(_box(kicker, SEMIBOLD, 28, MARGIN_X, top))
        top += 48
    bottom = HEIGHT - MARGIN_BOTTOM - 44 - 28  # above the footer row
    for size in TITLE_SIZES:
        font = _font(str(BOLD), size)
        lines = wrap(card.title, font, width, style.language)
        line_height = round(size * 1.18)
        if len(lines) * line_height <= bottom - top and len(lines) <= TITLE_MAX_LINES:
            break
    else:
        fitting = max(1, (bottom - top) // line_height)
        if len(lines) > fitting:  # only for titles far beyond any sensible length
            lines = lines[: fitting - 1] + [_ellipsize(lines[fitting - 1], font, width)]
    for number, line in enumerate(lines):
        boxes.append(_box(line, BOLD, size, MARGIN_X, top + number * line_height))
    if card.meta:
        footer_width = _site_boxes(style)[2]
        room = width - (footer_width + 40 if footer_width else 0)
        boxes.append(_box(_fit_one_line(card.meta, _font(str(SEMIBOLD), 30), room), SEMIBOLD, 30, MARGIN_X,
                          HEIGHT - MARGIN_BOTTOM - 34))
    return boxes


def layout(card: Card, style: CardStyle) -> list[TextBox]:
    """Where each piece of text goes. The title takes the largest size at which it fits its area."""
    header, footer, _ = _site_boxes(style)
    boxes = [header, *_card_boxes(card, style)]
    if footer is not None:
        boxes.insert(-1 if card.meta else len(boxes), footer)
    return boxes


def _fit_one_line(text: str, font, max_width: float) -> str:
    return text if _width(text, font) <= max_width else _ellipsize(text, font, max_width)


def _box(text: str, font: Path, size: int, x: int, y: int) -> TextBox:
    left, top, right, bottom = _extent(text, str(font), size)
    return TextBox(text, str(font), size, (x + left, y + top, x + right, y + bottom), (x, y))


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i:i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _mix(a: str, b: str, share: float) -> tuple[int, int, int]:
    return tuple(round(x * (1 - share) + y * share) for x, y in zip(_rgb(a), _rgb(b)))  # type: ignore[return-value]


# The card is drawn as a palette image: each area of the background (plain, the shape, the accent
# bar, the logo) gets 64 palette entries that blend its colour into the text colour. The background
# with the site's own text (name, host) is drawn once per process; a card copies it and lays its
# own letters onto it: a letter's grey mask blends the palette entry of the area below it toward
# that area's text entry, the same arithmetic as blending the colours. That is several times
# quicker than drawing in RGB and reducing the colours afterwards, and the PNG stays small.
_LEVELS = 64
_PLAIN, _SHAPE, _BAR, _LOGO = 0, 64, 128, 192  # first palette entry of each area
_STRONG, _SOFT = _LEVELS - 1, 49  # text levels: the title; the softer lines (about 80 %)
_SHAPE_BOX = (WIDTH - 260, -200, WIDTH + 240, 300)
_BAR_TOP = HEIGHT - 14
LOGO_SIZE = 64


def _logo_box(style: CardStyle, height: int = LOGO_SIZE) -> tuple[int, int, int, int]:
    top = MARGIN_TOP - 12 + (LOGO_SIZE - height) // 2
    return MARGIN_X, top, MARGIN_X + LOGO_SIZE, top + height


@lru_cache(maxsize=4)
def _areas(style: CardStyle) -> tuple[Image.Image, list[int]]:
    """The areas every card of a site shares (as palette offsets) and the palette; once per process."""
    areas = Image.new("L", (WIDTH, HEIGHT), _PLAIN)
    draw = ImageDraw.Draw(areas)
    draw.ellipse(_SHAPE_BOX, fill=_SHAPE)
    draw.rectangle((0, _BAR_TOP, WIDTH, HEIGHT), fill=_BAR)
    palette: list[int] = []
    for colour in (_rgb(style.background), _mix(style.background, style.text, 0.08), _rgb(style.accent)):
        for level in range(_LEVELS):
            share = level / (_LEVELS - 1)
            palette += [round(c * (1 - share) + t * share) for c, t in zip(colour, _rgb(style.text))]
    logo_palette: list[int] = []
    if style.logo:
        with Image.open(style.logo) as opened:
            logo = opened.convert("RGBA")
        logo.thumbnail((LOGO_SIZE, LOGO_SIZE))
        flat = Image.new("RGB", logo.size, _rgb(style.background))
        flat.paste(logo, (0, 0), logo)
        few = flat.quantize(_LEVELS)
        logo_palette = (few.getpalette() or [])[: 3 * _LEVELS]
        # The logo's palette indices as plain values (`point` on a palette image maps its colours).
        indices = Image.frombytes("L", few.size, few.tobytes())
        offset = indices.point([min(value, _LEVELS - 1) + _LOGO for value in range(256)])
        areas.paste(offset, _logo_box(style, logo.height)[:2])
    palette += logo_palette + [0, 0, 0] * (_LEVELS - len(logo_palette) // 3)
    return areas, palette


def _plain_only(box: tuple[int, int, int, int], style: CardStyle) -> bool:
    """True when `box` lies wholly on the plain background (no shape, bar or logo below it)."""
    left, top, right, bottom = box
    others = [_SHAPE_BOX, (0, _BAR_TOP, WIDTH, HEIGHT)] + ([_logo_box(style)] if style.logo else [])
    return all(right <= x0 or x1 <= left or bottom <= y0 or y1 <= top for x0, y0, x1, y1 in others)


def _lay(image: Image.Image, areas: Image.Image, box: TextBox, level: int, style: CardStyle) -> None:
    """Lay `box`'s letters onto `image` (palette entries) over `areas` (each entry's area offset)."""
    pen = float(box.origin[0])
    for char in box.text:
        glyph, left, top, _right, _bottom = _glyph(box.font, box.size, char)
        if glyph is not None:
            x, y = round(pen) + left, box.origin[1] + top
            where = (x, y, x + glyph.width, y + glyph.height)
            if _plain_only(where, style):
                image.paste(_PLAIN + level, where, glyph)
            else:  # over more than one area: blend the levels, then add each pixel's area offset
                offsets = areas.crop(where)
                levels = ImageChops.subtract(image.crop(where), offsets)
                levels.paste(level, (0, 0, glyph.width, glyph.height), glyph)
                image.paste(ImageChops.add(offsets, levels), where)
        pen += _advance(box.font, box.size, char)


def _level(box: TextBox) -> int:
    return _STRONG if box.font == str(BOLD) else _SOFT


@lru_cache(maxsize=4)
def _background(style: CardStyle) -> tuple[Image.Image, list[int]]:
    """The areas with the site's name and host on them: what every card starts from."""
    areas, palette = _areas(style)
    image = areas.copy()
    for box in _site_boxes(style)[:2]:
        if box is not None:
            _lay(image, areas, box, _level(box), style)
    return image, palette


def text_mask(card: Card, style: CardStyle) -> Image.Image:
    """All the card's text as a grey mask (255: text colour, 200: the softer lines)."""
    mask = Image.new("L", (WIDTH, HEIGHT), 0)
    for box in layout(card, style):
        _set_text(mask, box.origin, box.text, box.font, box.size, 255 if box.font == str(BOLD) else 200)
    return mask


def render(card: Card, style: CardStyle) -> Image.Image:
    background, palette = _background(style)
    areas = _areas(style)[0]
    image = background.copy()
    for box in _card_boxes(card, style):
        _lay(image, areas, box, _level(box), style)
    image.putpalette(palette)
    return image


def encode(image: Image.Image) -> bytes:
    """PNG, as every network accepts it (a JPEG of a card is larger, a WebP ten times slower to make).

    Runs of one colour make most of a card: zlib's run-length strategy packs them about as
    small as its default and quicker.
    """
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=1, compress_type=zlib.Z_RLE)
    return buffer.getvalue()


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour(background: str) -> str:
    """White or near-black, whichever reads better on the background."""
    return "#ffffff" if _contrast("#ffffff", background) >= _contrast("#1a1a1a", background) else "#1a1a1a"


@dataclass(frozen=True)
class CardJob:
    """One card to draw: what it shows, the file to write, and the page it is for (for a message)."""

    card: Card
    style: CardStyle
    path: str
    source: str


def make_card(job: CardJob) -> str:
    """Draw one card into `job.path` (written under a temporary name, then moved: never half a file)."""
    data = encode(render(job.card, job.style))
    partial = f"{job.path}.{os.getpid()}.part"
    with open(partial, "wb") as handle:
        handle.write(data)
    os.replace(partial, job.path)
    return job.path


# mkdocs-material's named palette colours (its palette.css), so `theme.palette` gives the brand.
MATERIAL_COLOURS = {
    "red": "#ef5552", "pink": "#e92063", "purple": "#ab47bd", "deep-purple": "#7e56c2", "indigo": "#4051b5",
    "blue": "#2094f3", "light-blue": "#02a6f2", "cyan": "#00bdd6", "teal": "#009485", "green": "#4cae4f",
    "light-green": "#8bc34b", "lime": "#cbdc38", "yellow": "#ffec3d", "amber": "#ffc105", "orange": "#ffa724",
    "deep-orange": "#ff6e42", "brown": "#795649", "grey": "#757575", "blue-grey": "#546d78", "black": "#161719",
    "white": "#ffffff",
}
MATERIAL_ACCENTS = {
    "red": "#ff1a47", "pink": "#f50056", "purple": "#df41fb", "deep-purple": "#7c4dff", "indigo": "#526cfe",
    "blue": "#4287ff", "light-blue": "#0091eb", "cyan": "#00bad6", "teal": "#00bda4", "green": "#00c753",
    "light-green": "#63de17", "lime": "#b0eb00", "yellow": "#ffd500", "amber": "#ffaa00", "orange": "#ff9100",
    "deep-orange": "#ff6e42",
}
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def brand_colours(palette, given: dict, source: str = "mkdocs.yml") -> tuple[str, str, str]:
    """(background, text, accent) of the cards: `given` (#rrggbb values) over the theme's palette."""
    first = palette[0] if isinstance(palette, list) and palette else palette if isinstance(palette, dict) else {}
    primary = str((first or {}).get("primary", "indigo")).lower().replace(" ", "-")
    accent = str((first or {}).get("accent", "deep-orange")).lower().replace(" ", "-")
    colours = {
        "background": MATERIAL_COLOURS.get(primary, MATERIAL_COLOURS["indigo"]),
        "accent": MATERIAL_ACCENTS.get(accent, MATERIAL_ACCENTS["deep-orange"]),
    }
    for name, value in given.items():
        if name not in ("background", "text", "accent") or not _HEX.match(str(value)):
            raise ContentError(source, f"trainersite-media.colors.{name}", "a colour like '#4051b5' for background, text or accent", value)
        colours[name] = str(value)
    colours.setdefault("text", text_colour(colours["background"]))
    return colours["background"], colours["text"], colours["accent"]


KICKERS = {
    "nl": {"post": "Blog", "course": "Training", "listing": "Blog"},
    "en": {"post": "Blog", "course": "Course", "listing": "Blog"},
}


def kicker(kind: str, language: str) -> str:
    return KICKERS.get(language.split("_")[0], KICKERS["en"]).get(kind, "")
