"""Post HTML as it must reach a mailbox: what RSS-to-email services paste into an e-mail.

Mail clients (Gmail, Outlook, Apple Mail) show HTML without the site's CSS or JavaScript, in a
column of about 600 px. So a feed item's HTML keeps only plain, meaningful markup:
- no script, iframe, form, button, input, style, svg or HTML comments (`<!-- more -->` included);
- no `class`, `id` or `data-` attributes: layout that depends on the theme's CSS means nothing there;
- admonitions and `<details>` become a simple quote block with a bold title;
- images get absolute addresses and a `width`/`height` of at most 600 px wide;
- a video becomes a linked picture plus a visible "▶ Bekijk de video" link (never an iframe);
- a closing link to the post on the site.
The allow-list is enforced last with nh3 (a well-kept HTML sanitizer), so nothing else slips through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

import nh3
from lxml import etree
from lxml import html as lxml_html

from ..core.html_tools import absolutize_links, strip_permalinks

MAX_WIDTH = 600

# Elements dropped with everything inside them.
_DROP = {"script", "iframe", "form", "button", "input", "select", "textarea", "style", "noscript",
         "object", "embed", "svg", "video", "audio", "template", "link", "meta"}
_TAGS = {"p", "a", "strong", "em", "b", "i", "u", "s", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
         "blockquote", "img", "br", "hr", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
         "code", "pre", "figure", "figcaption", "sup", "sub", "div", "span", "abbr", "cite", "q", "small",
         "dl", "dt", "dd", "mark", "del", "ins"}
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "style"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "abbr": {"title"},
    "ol": {"start"},
}
_IMG_STYLE = "display:block;max-width:100%;height:auto;border:0"

ImageSize = Callable[[str], "tuple[int, int] | None"]


@dataclass(frozen=True)
class VideoLink:
    """What replaces a click-to-load player in an e-mail: a picture and a link, both to the video."""

    watch_url: str
    label: str  # "▶ Bekijk de video"
    picture_url: str | None = None  # absolute: the post image or its social card
    picture_alt: str = ""


def email_safe_html(
    rendered: str,
    page_url: str,
    *,
    read_on_site: str,
    image_size: ImageSize = lambda url: None,
    video: VideoLink | None = None,
) -> str:
    """A post's rendered HTML -> HTML that reads well in a mail client (see the module docstring)."""
    closing = f'<p><a href="{escape(page_url, quote=True)}">{escape(read_on_site)}</a></p>'
    fragment = (_video_block(video) if video else "") + absolutize_links(strip_permalinks(rendered), page_url) + closing
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    _unwrap_boxes(root)
    for element in list(root.iter()):
        if element is root:
            continue
        if not isinstance(element.tag, str) or element.tag in _DROP:  # comments, processing instructions
            _remove(element)
            continue
        for name in [name for name in element.attrib if name in {"class", "id", "style"} or name.startswith("data-")]:
            del element.attrib[name]
        if element.tag == "img":
            _size_image(element, image_size)
            element.set("style", _IMG_STYLE)
    lead = f"<p>{escape(root.text.strip())}</p>" if root.text and root.text.strip() else ""
    return clean(lead + "".join(_serialize(child) for child in root))


def clean(markup: str) -> str:
    """Enforce the e-mail allow-list: tags, attributes and link schemes; comments removed."""
    return nh3.clean(
        markup,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        strip_comments=True,
        link_rel=None,
    )


def _serialize(element) -> str:
    return etree.tostring(element, encoding="unicode", method="html", with_tail=True)


def _remove(element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _unwrap_boxes(root) -> None:
    """Admonitions (`div.admonition`, `details`) -> a blockquote with a bold title paragraph."""
    boxes = [el for el in root.iter("div", "details", "aside")
             if el.tag == "details" or "admonition" in (el.get("class") or "").split()]
    for box in boxes:
        title_el = None
        for child in box:
            if child.tag == "summary" or "admonition-title" in (child.get("class") or "").split():
                title_el = child
                break
        title = " ".join(title_el.text_content().split()) if title_el is not None else ""
        if title_el is not None:
            box.remove(title_el)
        box.tag = "blockquote"
        for name in list(box.attrib):
            del box.attrib[name]
        if title:
            heading = lxml_html.fragment_fromstring(f"<p><strong>{escape(title)}</strong></p>")
            heading.tail = box.text
            box.text = None
            box.insert(0, heading)


def _size_image(img, image_size: ImageSize) -> None:
    """Give an image its real width/height, scaled down to the 600 px column."""
    width, height = _int(img.get("width")), _int(img.get("height"))
    if not (width and height):
        known = image_size(img.get("src") or "")
        if known:
            width, height = known
    if width and height:
        if width > MAX_WIDTH:
            height, width = round(height * MAX_WIDTH / width), MAX_WIDTH
        img.set("width", str(width))
        img.set("height", str(height))
    else:  # unknown size: fill the column, keep the ratio
        img.set("width", str(MAX_WIDTH))
        img.attrib.pop("height", None)


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value else None
    except ValueError:
        return None


def _video_block(video: VideoLink) -> str:
    href = escape(video.watch_url, quote=True)
    picture = ""
    if video.picture_url:
        picture = (f'<p><a href="{href}"><img src="{escape(video.picture_url, quote=True)}" '
                   f'alt="{escape(video.picture_alt, quote=True)}"></a></p>')
    return f'{picture}<p><strong><a href="{href}">{escape(video.label)}</a></strong></p>'


_SVG_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


def file_image_size(path: Path) -> tuple[int, int] | None:
    """Width and height of a local image file (raster via Pillow, SVG from its width/height or viewBox)."""
    try:
        if path.suffix.lower() == ".svg":
            svg = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
            width, height = (_SVG_LENGTH.match(svg.get(name) or "") for name in ("width", "height"))
            if width and height:
                return round(float(width.group(1))), round(float(height.group(1)))
            box = (svg.get("viewBox") or "").replace(",", " ").split()
            return (round(float(box[2])), round(float(box[3]))) if len(box) == 4 else None
        from PIL import Image  # only needed for raster images

        with Image.open(path) as image:
            return image.size
    except Exception:  # noqa: BLE001 - an unreadable picture just keeps the column width
        return None
