"""A new post file with its front matter filled in, ready to write (scripts/new_post.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

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


def new_post_text(title: str, day: date, author: str) -> str:
    meta = {"title": title, "date": day, "author": author, "categories": [], "tags": [], "draft": True}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
    return f"---\n{head}---\n\n{TEMPLATE_BODY}"


def new_post_path(posts_dir: Path, title: str, day: date) -> Path:
    slug = slugify(title)
    if not slug:
        raise ValueError("de titel moet minstens één letter of cijfer bevatten")
    return posts_dir / f"{day:%Y-%m-%d}-{slug}.md"


def create_post(posts_dir: Path, title: str, day: date, author: str) -> Path:
    """Write the new post; FileExistsError when that file is already there (never overwrites)."""
    path = new_post_path(posts_dir, title.strip(), day)
    posts_dir.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": fails if the file exists
        handle.write(new_post_text(title.strip(), day, author))
    return path
