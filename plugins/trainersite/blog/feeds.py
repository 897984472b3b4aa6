"""Posts -> RSS 2.0 and Atom 1.0 feeds for feed readers and RSS-to-email services.

What those services rely on, and how it is met here:
- `pubDate` in RFC-822 with the site's time zone; a date-only post is midnight local time,
  so it never moves to the previous day.
- `content:encoded` holds the full post HTML with every link and image made absolute.
- `guid` (isPermaLink="false") is the post's GUID from posts.py: derived from the file name,
  or pinned with `guid:` in front matter. Editing the title, slug or date never changes it,
  so a service never resends an old post.
- Every post gets an `enclosure` (with length and type) and `media:content`: a copy of its `image`
  at most 1200 px wide, else its social card (both from the media plugin).
- `lastBuildDate` is the newest post's date, so an unchanged blog gives an unchanged feed.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Sequence
from urllib.parse import urlsplit

from feedgen.feed import FeedGenerator

from .. import __version__
from .email_html import ImageSize, VideoLink, email_safe_html
from .models import Post
from ..core.urls import absolute_url

@dataclass(frozen=True)
class FeedChannel:
    """Channel-level facts of one feed."""

    title: str
    description: str
    site_url: str  # absolute, ends with '/'
    self_url: str  # absolute URL of this feed file
    language: str
    read_on_site: str = "Lees dit bericht op de site"  # the closing link of every item
    logo_url: str | None = None
    alternate_url: str | None = None  # the HTML page this feed mirrors (default: the site)


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    mime: str


@dataclass(frozen=True)
class FeedItem:
    """A post ready for a feed: its rendered HTML and summary text already worked out."""

    post: Post
    html: str
    summary: str
    video: VideoLink | None = None  # shown in mail clients as a linked picture, never a player
    # The picture RSS-to-email services show: a resized copy of the post's image, else its social
    # card (media plugin); None: the post's `image` as it is.
    image: Enclosure | None = None


def feed_html(item: FeedItem, page_url: str, read_on_site: str, image_size: ImageSize = lambda url: None) -> str:
    """Post HTML for a feed: safe for RSS-to-email (email_html.py), absolute links, no '¶' anchors."""
    return email_safe_html(item.html, page_url, read_on_site=read_on_site, image_size=image_size, video=item.video)


def image_enclosure(image: str, site_url: str, size_of: Callable[[str], int | None]) -> Enclosure:
    """The enclosure for a featured image; `size_of` gives a local file's size (None: unknown)."""
    mime = mimetypes.guess_type(urlsplit(image).path)[0] or "image/jpeg"
    if urlsplit(image).scheme:
        return Enclosure(image, 0, mime)
    path = image.lstrip("/")
    return Enclosure(absolute_url(site_url, path), size_of(path) or 0, mime)


def newest(items: Iterable[FeedItem], size: int) -> list[FeedItem]:
    """The newest published posts; drafts and scheduled posts never reach a feed."""
    published = [item for item in items if item.post.is_published]
    published.sort(key=lambda item: item.post.sort_key, reverse=True)
    return published[:size]


def build_feed(
    channel: FeedChannel,
    items: Sequence[FeedItem],
    size_of: Callable[[str], int | None] = lambda path: None,
    category_url: Callable[[str], str] = lambda slug: "",
    image_size: ImageSize = lambda url: None,
) -> FeedGenerator:
    """A feedgen FeedGenerator holding `items` (already newest first and cut to size)."""
    fg = FeedGenerator()
    fg.load_extension("media")
    fg.load_extension("dc")
    fg.id(channel.alternate_url or channel.site_url)
    fg.title(channel.title)
    fg.description(channel.description or channel.title)
    fg.subtitle(channel.description or channel.title)
    # feedgen takes the RSS <link> from the last link given: the page, not the feed itself.
    fg.link(href=channel.self_url, rel="self")
    fg.link(href=channel.alternate_url or channel.site_url, rel="alternate")
    fg.language(channel.language)
    fg.generator("trainersite", version=__version__)
    if channel.logo_url:
        fg.logo(channel.logo_url)
        fg.image(url=channel.logo_url, title=channel.title, link=channel.alternate_url or channel.site_url)
    fg.lastBuildDate(_last_change(items))
    fg.updated(_last_change(items))

    for item in items:
        post = item.post
        url = absolute_url(channel.site_url, post.url)
        entry = fg.add_entry(order="append")
        entry.id(post.guid)
        entry.guid(post.guid, permalink=False)
        entry.title(post.title)
        entry.link(href=url, rel="alternate")
        entry.description(item.summary)
        entry.summary(item.summary)
        html = feed_html(item, url, channel.read_on_site, image_size)
        entry.content(html, type="CDATA" if "]]>" not in html else "html")
        for author in post.authors:
            entry.author({"name": author.name, "email": author.email} if author.email else {"name": author.name})
            entry.dc.dc_creator(author.name)
        for category in post.categories:
            entry.category(term=category.name, scheme=absolute_url(channel.site_url, category_url(category.slug)) or None)
        entry.published(post.date)
        entry.pubDate(post.date)
        entry.updated(post.updated or post.date)
        if item.image or post.image:
            enclosure = item.image or image_enclosure(post.image, channel.site_url, size_of)
            entry.enclosure(enclosure.url, str(enclosure.length), enclosure.mime)
            # group=None: media:content straight under <item>, where RSS-to-email services look.
            entry.media.content({"url": enclosure.url, "type": enclosure.mime, "medium": "image"}, group=None)
    return fg


def _last_change(items: Sequence[FeedItem]) -> datetime:
    moments = [item.post.updated or item.post.date for item in items]
    moments += [item.post.date for item in items]
    return max(moments) if moments else datetime(2000, 1, 1, tzinfo=timezone.utc)

