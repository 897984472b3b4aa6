"""The one model of a build that the three plugins share.

The blog plugin fills its part (URL scheme, labels, posts and listings, each post's rendered HTML),
the courses plugin its part (courses, contact data); the feeds plugin and the templates read both.
No plugin reads another plugin's attributes: each reads this model, which the adapters keep once
per build (see `adapters/shared.py`). Plain data, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .urls import UrlScheme

if TYPE_CHECKING:  # types only: the model is filled by the blog and courses layers
    from ..blog.extras import PostExtras
    from ..blog.listing import Blog
    from ..blog.taxonomy import Taxonomy
    from ..blog.views import RenderedPost
    from ..courses.contact import Contact
    from ..courses.courses import Course


@dataclass
class SiteModel:
    site_url: str = ""
    site_name: str = ""
    locale: str = "en"
    # blog (trainersite-blog); None without the blog plugin
    urls: UrlScheme | None = None
    labels: dict[str, str] = field(default_factory=dict)
    tz: ZoneInfo | None = None  # the blog's time zone
    blog: Blog | None = None
    extras: PostExtras | None = None
    taxonomy: Taxonomy | None = None  # tag and author pages
    rendered: dict[str, RenderedPost] = field(default_factory=dict)  # by post slug, filled while pages render
    # courses (trainersite-courses); empty without the courses plugin
    courses: dict[str, Course] = field(default_factory=dict)  # by slug, in catalogue order
    contact: Contact | None = None
    contact_url: str | None = None
    now: datetime | None = None  # the courses' "now": which sessions are upcoming
    home: object = None  # the home page's settings from docs/index.md (courses/home.py Home)
    # pictures (trainersite-media); empty without the media plugin
    share_images: dict[str, dict] = field(default_factory=dict)  # by page URL: og:image (own picture or social card)
    feed_images: dict[str, dict] = field(default_factory=dict)  # by post slug: {path, size, mime} for enclosures

    @property
    def posts(self) -> tuple:
        """Every post of this build, newest first (none without the blog plugin)."""
        return self.blog.posts if self.blog is not None else ()
