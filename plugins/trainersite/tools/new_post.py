"""A new post file with its front matter filled in, ready to write (scripts/new_post.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from PIL import Image, UnidentifiedImageError

from ..core.urls import slugify

TEMPLATE_BODY = """\
Schrijf hier de inleiding: een paar zinnen die de lezer meteen laten zien waar het over gaat.
Deze tekst verschijnt ook op de overzichtspagina van de blog.

<!-- more -->

## Eerste tussenkop

Vertel hier je verhaal. Een voorbeeld uit de praktijk werkt bijna altijd beter dan een algemene uitleg.

## Wat je morgen kunt doen

- Een eerste concrete tip.
- Een tweede concrete tip.
"""


def new_post_text(title: str, day: date, author: str, image: str | None = None) -> str:
    meta = {"title": title, "date": day, "author": author, "categories": [], "tags": [], "draft": True}
    if image:
        meta["image"] = image
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
    return f"---\n{head}---\n\n{TEMPLATE_BODY}"


def new_post_path(posts_dir: Path, title: str, day: date) -> Path:
    slug = slugify(title)
    if not slug:
        raise ValueError("de titel moet minstens één letter of cijfer bevatten")
    return posts_dir / f"{day:%Y-%m-%d}-{slug}.md"


def create_post(posts_dir: Path, title: str, day: date, author: str, image: str | None = None) -> Path:
    """Write the new post; FileExistsError when that file is already there (never overwrites)."""
    path = new_post_path(posts_dir, title.strip(), day)
    posts_dir.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": fails if the file exists
        handle.write(new_post_text(title.strip(), day, author, image))
    return path


IMAGE_KINDS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
IMAGE_FOLDER = "assets/images/posts"  # inside docs/: where post images live, shown as /assets/images/posts/x.jpg


def check_image(source: Path) -> None:
    """ValueError unless `source` is an image file (opened by Pillow, or an SVG's <svg> element)."""
    if source.suffix.lower() not in IMAGE_KINDS:
        raise ValueError("kind")
    if source.suffix.lower() == ".svg":
        if "<svg" not in source.read_text(encoding="utf-8", errors="replace")[:4096]:
            raise ValueError("kind")
        return
    try:
        with Image.open(source) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise ValueError("kind") from None


def copy_image(source: Path, docs_dir: Path, name: str) -> str:
    """Copy the image into docs/assets/images/posts/ under `name` (a free variant of it, never
    overwriting) and return its site path for `image:`."""
    folder = docs_dir / IMAGE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    suffix = source.suffix.lower().replace(".jpeg", ".jpg")
    number = 1
    while True:
        target = folder / (f"{name}{suffix}" if number == 1 else f"{name}-{number}{suffix}")
        try:
            with open(target, "xb") as out:  # "x": an existing image is never overwritten
                out.write(source.read_bytes())
            return f"/{IMAGE_FOLDER}/{target.name}"
        except FileExistsError:
            number += 1
