"""Pictures in pages: what the templates get for an image, and `<img>` in converted Markdown made
responsive (`<picture>` with WebP and the original format, real width/height, lazy loading).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

from .images import ImageSet

# The widths a picture takes on screen: full width of the text column on phones, about 760 px
# (the theme's content column) above that; cards show theirs smaller.
SIZES_CONTENT = "(max-width: 800px) 100vw, 760px"
SIZES_CARD = "(max-width: 600px) 100vw, 320px"

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SVG_SIZE = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_NUMBER = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


def picture_view(found: ImageSet | None, src: str, svg_size: tuple[int, int] | None = None) -> dict:
    """A picture for the templates (site paths; the template makes them relative with `|url`).

    `found` is None for an SVG/GIF or a remote URL: one plain `<img>` then.
    """
    if found is None:
        width, height = svg_size or (None, None)
        return {"src": src, "srcset": "", "webp": "", "width": width, "height": height, "sizes": ""}
    return {
        "src": found.fallback.path,
        "srcset": [(v.path, v.width) for v in found.of(found.mime)] if found.mime != "image/webp" else [],
        "webp": [(v.path, v.width) for v in found.of("image/webp")],
        "width": found.width,
        "height": found.height,
        "type": found.mime,
    }


def svg_size(path: Path) -> tuple[int, int] | None:
    """An SVG's intrinsic size from its width/height or viewBox, for width/height attributes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    match = _SVG_SIZE.search(head)
    if not match:
        return None
    attrs = _attrs(match.group(0).decode("utf-8", "replace"))
    width, height = _number(attrs.get("width")), _number(attrs.get("height"))
    if width and height:
        return round(width), round(height)
    box = (attrs.get("viewbox") or "").replace(",", " ").split()
    try:
        if len(box) == 4 and float(box[2]) > 0 and float(box[3]) > 0:
            return round(float(box[2])), round(float(box[3]))
    except ValueError:
        pass
    return None


def _number(value: str | None) -> float | None:
    match = _NUMBER.match(value or "")
    return float(match.group(1)) if match else None


def _attrs(tag: str) -> dict[str, str]:
    found = {}
    for name, dq, sq, bare in _ATTR.findall(tag):
        found[name.lower()] = html_lib.unescape(dq or sq or bare)
    return found


def local_site_path(src: str, page_url: str) -> str | None:
    """The site path an `<img src>` in a page at `page_url` points to; None for other hosts/data."""
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path or src.startswith("data:"):
        return None
    resolved = urlsplit(urljoin("/" + page_url.lstrip("/"), parts.path)).path
    return posixpath.normpath(resolved).lstrip("/")


def responsive_html(html: str, page_url: str, lookup: Callable[[str], ImageSet | None], eager_first: bool) -> str:
    """Every local raster `<img>` in converted Markdown as a `<picture>`.

    `lookup(site_path)` gives the picture's set (None: leave the tag as it is, e.g. an SVG).
    All images load lazily and decode asynchronously, except the first one when `eager_first`
    (a page without a header picture: its first picture may be above the fold).
    """
    base = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    seen = 0

    def rel(path: str) -> str:
        return html_lib.escape(posixpath.relpath(path, base or "."), quote=True)

    def replace(match: re.Match) -> str:
        nonlocal seen
        tag = match.group(0)
        attrs = _attrs(tag)
        path = local_site_path(attrs.get("src", ""), page_url)
        found = lookup(path) if path else None
        seen += 1
        lazy = not (eager_first and seen == 1)
        if found is None:
            if "loading" in attrs or not path:
                return tag
            extra = ' loading="lazy"' if lazy else ""
            return tag[:-1].rstrip("/").rstrip() + f'{extra} decoding="async">'
        keep = "".join(
            f' {name}="{html_lib.escape(value, quote=True)}"'
            for name, value in attrs.items()
            if name not in ("src", "srcset", "sizes", "width", "height", "loading", "decoding")
        )
        if "alt" not in attrs:
            keep += ' alt=""'
        webp = ", ".join(f"{rel(v.path)} {v.width}w" for v in found.of("image/webp"))
        own = ", ".join(f"{rel(v.path)} {v.width}w" for v in found.of(found.mime))
        source = f'<source type="image/webp" srcset="{webp}" sizes="{SIZES_CONTENT}">' if found.mime != "image/webp" else ""
        loading = ' loading="lazy"' if lazy else ""
        return (
            f"<picture>{source}<img src=\"{rel(found.fallback.path)}\" srcset=\"{own}\" sizes=\"{SIZES_CONTENT}\""
            f' width="{found.width}" height="{found.height}"{keep}{loading} decoding="async"></picture>'
        )

    return _IMG.sub(replace, html)


def image_paths(html: str, page_url: str) -> list[str]:
    """Site paths of the local images an HTML fragment shows."""
    found = []
    for tag in _IMG.findall(html):
        path = local_site_path(_attrs(tag).get("src", ""), page_url)
        if path:
            found.append(path)
    return found
