"""The blog's data: frozen dataclasses, built by the readers in posts.py and listing.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Author:
    key: str
    name: str
    bio: str = ""
    avatar: str = ""
    email: str = ""


@dataclass(frozen=True)
class Category:
    """A category as readers see it; `slug` is its identity (case and accents folded)."""

    name: str
    slug: str


@dataclass(frozen=True)
class Tag:
    """A tag as readers see it; `slug` is its identity (case and accents folded), as for categories."""

    name: str
    slug: str


@dataclass(frozen=True)
class Comment:
    """An archived (read-only) comment; `text` is untrusted plain text."""

    author: str
    date: datetime
    date_text: str
    text: str
    replies: tuple[Comment, ...] = ()


@dataclass(frozen=True)
class Post:
    source: str  # path as the trainer knows it, e.g. posts/2011-09-06-doe-niet-zo-moeilijk.md
    title: str
    date: datetime  # aware, in the site's time zone
    date_has_time: bool
    date_text: str  # formatted once, in the site's language
    slug: str
    url: str
    body: str  # Markdown without front matter
    guid: str
    authors: tuple[Author, ...]
    categories: tuple[Category, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str | None = None
    updated: datetime | None = None
    updated_text: str | None = None
    image: str | None = None
    video: str | None = None
    draft: bool = False
    scheduled: bool = False  # dated in the future; only ever shown by `mkdocs serve`
    aliases: tuple[str, ...] = ()
    training: str | None = None
    comments: tuple[Comment, ...] = ()

    @property
    def is_published(self) -> bool:
        """Neither a draft nor dated in the future: what a published build and the feeds show."""
        return not (self.draft or self.scheduled)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def sort_key(self) -> tuple:
        """Newest first when sorted in reverse; the slug breaks ties deterministically."""
        return (self.date, self.slug)
