"""The newsletter digest: one e-mail with the newest posts and the next course dates.

For a trainer whose mail provider has no RSS campaigns, or who sends a monthly mail by hand:
`trainersite nieuwsbrief --sinds 2026-11-01` writes `nieuwsbrief-2026-11-01.html` (600 px table
layout, CSS inlined for mail clients, a preheader) and a plain-text alternative next to it.
The templates are `overrides/email/digest.html` and `digest-text.html` (an `.html` name, so MkDocs
does not copy it into the site as a static file); the HTML template is autoescaped, the text one not. The unsubscribe placeholder is the provider's merge tag, e.g. `*|UNSUB|*`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import css_inline
import jinja2
from markupsafe import Markup

from ..core.errors import ContentError
from .email_html import MAX_WIDTH

TEMPLATE_DIR = "email"  # inside the theme's custom_dir (overrides/)


@dataclass(frozen=True)
class DigestPost:
    title: str
    url: str  # absolute
    date: datetime
    date_text: str
    excerpt: str  # plain text
    image_url: str | None = None  # absolute
    image_height: int | None = None  # at 600 px wide, when known


@dataclass(frozen=True)
class DigestSession:
    course: str
    url: str  # absolute
    when: str
    location: str
    places: str  # "Nog 4 plaatsen" / "Vol" / ""


@dataclass(frozen=True)
class Digest:
    site_name: str
    site_url: str
    since_text: str
    posts: tuple[DigestPost, ...]
    sessions: tuple[DigestSession, ...]
    contact_line: str
    unsubscribe: str
    language: str
    labels: dict

    @property
    def preheader(self) -> str:
        titles = ", ".join(post.title for post in self.posts[:3])
        return self.labels["digest_preheader"].format(count=len(self.posts), titles=titles)


def posts_since(posts: list[DigestPost], since: datetime, source: str = "--sinds") -> tuple[DigestPost, ...]:
    """The posts published at or after `since`, newest first; none at all is an error the trainer sees."""
    chosen = tuple(sorted((post for post in posts if post.date >= since), key=lambda post: post.date, reverse=True))
    if not chosen:
        raise ContentError(source, "sinds", "a date with at least one published post on or after it", since.date().isoformat())
    return chosen


def _environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates / TEMPLATE_DIR)),
        autoescape=lambda name: name is not None and not name.endswith("-text.html"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def render_digest(digest: Digest, templates: Path) -> tuple[str, str]:
    """(HTML with inlined CSS, plain text) of the digest e-mail."""
    env = _environment(templates)
    context = {"digest": digest, "labels": digest.labels, "width": MAX_WIDTH}
    html = env.get_template("digest.html").render(context)
    text = env.get_template("digest-text.html").render(context)
    return css_inline.inline(html), text


def write_digest(digest: Digest, templates: Path, target: Path) -> tuple[Path, Path]:
    """Write `target` (.html) and its plain-text sibling (.txt); returns both paths."""
    html, text = render_digest(digest, templates)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")
    plain = target.with_suffix(".txt")
    plain.write_text(text, encoding="utf-8")
    return target, plain


def session_places(seats_left: int | None, labels: dict) -> str:
    if seats_left is None:
        return ""
    if seats_left == 0:
        return labels["digest_full"]
    return labels["digest_places_one" if seats_left == 1 else "digest_places_many"].format(count=seats_left)


def contact_line(contact, site_name: str, site_url: str) -> str:
    """Who sends this: the business, its e-mail and phone, the site (a `Contact` or None)."""
    if contact is None:
        return f"{site_name} · {site_url}"
    parts = [contact.name, contact.email, contact.phone, site_url]
    return " · ".join(part for part in parts if part)


def write_preview(items: list[tuple[str, str]], digest: Digest | None, labels: dict, language: str,
                  templates: Path, target: Path) -> None:
    """The preview page (`mkdocs serve` only): (title, e-mail-safe HTML) of feed items, and the digest."""
    page = _environment(templates).get_template("preview.html").render(
        items=[(title, Markup(html)) for title, html in items], digest=digest, labels=labels, language=language,
        width=MAX_WIDTH)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
