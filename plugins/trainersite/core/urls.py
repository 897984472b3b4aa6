"""Slugs and every URL pattern of the blog, in one place.

URLs are site-relative, without a leading slash and with a trailing slash for folders
(`blog/mijn-bericht/`), the form MkDocs uses for `page.url`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar
from urllib.parse import urljoin, urlsplit

from slugify import slugify as _slugify

from .errors import ContentError
from .output_paths import Owner, clean_path


@lru_cache(maxsize=4096)  # the same category and tag names are slugified for every post that has them
def slugify(text: str) -> str:
    """`Één vraag, twee antwoorden` -> `een-vraag-twee-antwoorden` (accents folded)."""
    # At most 100 characters, cut at a word: a very long title still gives a usable address and file name.
    return _slugify(text, lowercase=True, allow_unicode=False, max_length=100, word_boundary=True)


def absolute_url(site_url: str, link: str) -> str:
    """A site path (`blog/x/`, `/assets/a.png`) or URL as an absolute URL on the site."""
    if urlsplit(link).scheme:
        return link
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urljoin(base, link.lstrip("/"))


def site_path(link: str | None) -> str | None:
    """A root-relative path (`/assets/x.png`) as a site path that MkDocs' `url` filter relativizes."""
    if not link or urlsplit(link).scheme:
        return link
    return link.lstrip("/")


def src_uri_for(url: str) -> str:
    """The virtual Markdown file that MkDocs turns into the page at `url`."""
    if url.endswith("/"):
        return f"{url}index.md"
    return url


@dataclass(frozen=True)
class UrlScheme:
    """The blog's URL patterns; each is a format string from the plugin config."""

    blog: str = "blog/"
    post: str = "blog/{slug}/"
    page: str = "pagina/{page}/"
    category_index: str = "blog/categorie/"
    category: str = "blog/categorie/{slug}/"
    archive: str = "blog/archief/{year}/"
    tag_index: str = "blog/tag/"
    tag: str = "blog/tag/{slug}/"
    author: str = "blog/auteur/{key}/"
    feed_rss: str = "feed.xml"
    feed_atom: str = "atom.xml"
    category_feed: str = "feed.xml"

    # Each pattern's one field; the option in mkdocs.yml is `<name>_url` of trainersite-blog.
    FIELDS: ClassVar[dict[str, str]] = {
        "post": "slug", "page": "page", "category": "slug", "archive": "year", "tag": "slug", "author": "key",
    }

    def __post_init__(self) -> None:
        # A pattern with a typo ({titel}, a lone brace) would crash the build at the first post.
        for name, field in self.FIELDS.items():
            pattern = getattr(self, name)
            try:
                ok = f"{{{field}}}" in pattern and bool(pattern.format(**{field: 1}))
            except (KeyError, IndexError, ValueError):
                ok = False
            if not ok:
                raise ContentError(
                    "mkdocs.yml", f"trainersite-blog.{name}_url", f"a URL pattern with {{{field}}} and no other braces", pattern
                )
        # Every address a pattern makes stays inside the site folder (`../../{slug}/` would not).
        for name in ("blog", "post", "page", "category_index", "category", "archive", "tag_index", "tag", "author", "feed_rss", "feed_atom", "category_feed"):
            pattern = getattr(self, name)
            if pattern:
                clean_path(pattern.replace("{", "").replace("}", ""), Owner("mkdocs.yml", f"trainersite-blog.{name}_url", ""))

    @property
    def feed_paths(self) -> tuple[str, str]:
        """The site-wide feeds (RSS, Atom): written by the feeds plugin, linked from every page."""
        return (self.feed_rss, self.feed_atom)

    def post_url(self, slug: str) -> str:
        return self.post.format(slug=slug)

    def paged(self, base: str, page: int) -> str:
        """Page 1 is the listing's own URL; later pages hang below it."""
        return base if page == 1 else base + self.page.format(page=page)

    def category_url(self, slug: str) -> str:
        return self.category.format(slug=slug)

    def category_feed_url(self, slug: str) -> str:
        return self.category_url(slug) + self.category_feed

    def archive_url(self, year: int) -> str:
        return self.archive.format(year=year)

    def tag_url(self, slug: str) -> str:
        return self.tag.format(slug=slug)

    def tag_feed_url(self, slug: str) -> str:
        return self.tag_url(slug) + self.category_feed

    def author_url(self, key: str) -> str:
        return self.author.format(key=key)
