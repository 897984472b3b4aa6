"""What each page the blog generates shows: one small object per page kind.

A view knows its template, the page title and meta it sets, and builds its template context from
the build's `SiteModel`. The blog plugin keeps one view per generated page (by source path) and asks
it in each hook; nothing here knows MkDocs.

| page kind | view | template |
|---|---|---|
| a post | `PostPage` | post.html |
| blog index, category, archive year | `ListingView` | listing.html |
| tag, author (listings of their posts) | `ListingView` | listing.html |
| the category index | `CategoryIndexPage` | categories.html |
| the tag index | `TagIndexPage` | tags.html |
| the home page (not generated) | `HomePage` | home.html (unless the page names another) |
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..core import html_tools
from ..core.i18n import plural
from ..core.site_model import SiteModel
from ..core.urls import site_path
from .extras import post_extras_view
from .listing import ListingPage
from .models import Post
from .taxonomy import author_page_view, author_view, tag_links


@dataclass
class RenderedPost:
    """What is learnt from a post's HTML once it is rendered."""

    html: str
    excerpt: str
    excerpt_text: str  # the excerpt as plain text: meta description, feed item description
    read_minutes: int
    made_from: tuple  # (html, summary, words per minute): equal inputs give an equal result

    @classmethod
    def learn(cls, html: str, summary: str | None, words_per_minute: int) -> RenderedPost:
        excerpt = html_tools.excerpt(html, summary)
        return cls(
            html=html,
            excerpt=excerpt,
            excerpt_text=html_tools.plain_text(excerpt),
            read_minutes=html_tools.read_minutes(html, words_per_minute),
            made_from=(html, summary, words_per_minute),
        )


# -- pieces shared by the views ----------------------------------------------------------------


def _category_links(post: Post, site: SiteModel) -> list[dict]:
    return [{"name": cat.name, "url": site.urls.category_url(cat.slug)} for cat in post.categories]


def _read_time(post: Post, site: SiteModel) -> str:
    rendered = site.rendered.get(post.slug)
    return site.labels["read_time"].format(minutes=rendered.read_minutes if rendered else 1)


def description(post: Post, site: SiteModel) -> str:
    """The post's summary, else the start of its excerpt's text."""
    rendered = site.rendered.get(post.slug)
    return post.summary or (rendered.excerpt_text[:300] if rendered else "")


def card(post: Post, page_url: str, site: SiteModel) -> dict:
    """A post as a card in a listing or on the home page; the excerpt's links fit `page_url`."""
    rendered = site.rendered.get(post.slug)
    return {
        "title": post.title,
        "url": post.url,
        "date": post.date.date().isoformat(),
        "date_text": post.date_text,
        "categories": _category_links(post, site),
        "tags": tag_links(post, site.urls),
        "excerpt": html_tools.rebase_links(rendered.excerpt, post.url, page_url) if rendered else "",
        "image": site_path(post.image),  # the media plugin adds the responsive picture
        "authors": [{"name": author.name} for author in post.authors],
        "read_time": _read_time(post, site),
        "draft": post.draft,
        "scheduled": post.scheduled,
    }


# -- the views ---------------------------------------------------------------------------------


class View:
    """A page kind: its template, head (title and meta) and template context."""

    template = ""
    has_markdown = False  # True: the page has Markdown of its own to convert (posts)

    def title(self, labels: dict[str, str]) -> str | None:
        """The page title to set, or None to keep MkDocs' own."""
        return None

    def meta(self, title: str | None, meta: dict[str, Any]) -> dict[str, Any]:
        """Meta to add to the page (`meta` is what the page has so far)."""
        return {"template": self.template}

    def rendered(self, html: str, site: SiteModel, before: dict[str, RenderedPost], words_per_minute: int) -> dict[str, Any]:
        """Learn from the page's HTML; returns meta to add."""
        return {}

    def context(self, site: SiteModel, page_url: str) -> dict[str, Any]:
        return {}


@dataclass
class PostPage(View):
    post: Post
    template = "post.html"
    has_markdown = True

    def title(self, labels):
        return Markup(escape(self.post.title))

    def meta(self, title, meta):
        # meta.title is what the theme's <title> shows; `page.title|striptags` would unescape it.
        return {"template": self.template, "description": escape(self.post.summary or ""), "title": title}

    def rendered(self, html, site, before, words_per_minute):
        made_from = (html, self.post.summary, words_per_minute)
        known = before.get(self.post.slug)  # `mkdocs serve`: unchanged since the last build?
        site.rendered[self.post.slug] = known if known is not None and known.made_from == made_from else RenderedPost.learn(*made_from)
        return {} if self.post.summary else {"description": escape(site.rendered[self.post.slug].excerpt_text[:300])}

    def context(self, site, page_url):
        post = self.post
        return {"post": {
            "title": post.title,
            "url": post.url,
            "date": post.date.date().isoformat(),
            "date_text": post.date_text,
            "updated": post.updated.date().isoformat() if post.updated else None,
            "updated_text": post.updated_text,
            "authors": [author_view(author, site.taxonomy) for author in post.authors],
            "authors_heading": plural(site.labels, "about_authors", len(post.authors)),  # "Over de auteurs"
            "categories": _category_links(post, site),
            "tags": tag_links(post, site.urls),
            "read_time": _read_time(post, site),
            "image": site_path(post.image),
            "draft": post.draft,
            "scheduled": post.scheduled,
            "training": post.training,
            "source": post.source,
            **post_extras_view(
                post, site.extras, site_url=site.site_url, site_name=site.site_name,
                description=description(post, site), labels=site.labels, locale=site.locale,
                image=(site.share_images.get(post.url) or {}).get("url"),
                author_urls=site.taxonomy.author_urls if site.taxonomy else {},
            ),
        }}


@dataclass
class ListingView(View):
    listing: ListingPage
    template = "listing.html"

    def title(self, labels):
        return Markup(escape(self.listing.title))

    def meta(self, title, meta):
        return {"template": self.template, "search": {"exclude": True}, "title": title}

    def context(self, site, page_url):
        listing = self.listing
        return {
            # The listing's own fields; its posts reach the template as cards.
            "listing": {
                "kind": listing.kind, "page": listing.page, "pages": listing.pages, "newer_url": listing.newer_url,
                "older_url": listing.older_url, "category": listing.category, "feed_url": listing.feed_url,
                "tag": listing.tag, "author": author_page_view(listing, site.taxonomy, site.site_url),
            },
            "cards": [card(post, page_url, site) for post in listing.posts],
        }


class CategoryIndexPage(View):
    template = "categories.html"

    def title(self, labels):
        return labels["category_index_title"]

    def meta(self, title, meta):
        return {"template": self.template, "search": {"exclude": True}}

    def context(self, site, page_url):
        return {"categories": [
            {"name": s.category.name, "url": s.url, "count": plural(site.labels, "posts_count", s.count), "feed_url": s.feed_url}
            for s in site.blog.categories
        ]}


class TagIndexPage(View):
    template = "tags.html"

    def title(self, labels):
        return labels["tag_index_title"]

    def meta(self, title, meta):
        return {"template": self.template, "search": {"exclude": True}}

    def context(self, site, page_url):
        return {"tag_index": [
            {"name": s.tag.name, "url": s.url, "count": plural(site.labels, "posts_count", s.count), "feed_url": s.feed_url}
            for s in site.taxonomy.tags
        ]}


@dataclass
class HomePage(View):
    latest: int  # how many of the newest posts it shows
    template = "home.html"

    def meta(self, title, meta):
        return {} if "template" in meta else {"template": self.template}

    def context(self, site, page_url):
        if site.blog is None:
            return {}
        latest = getattr(site.home, "posts", None)  # the home page's own `posts:` (courses/home.py)
        count = self.latest if latest is None else latest
        return {"cards": [card(post, page_url, site) for post in site.blog.posts[:count]], "blog_url": site.urls.blog}
