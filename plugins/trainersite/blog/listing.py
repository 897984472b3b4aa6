"""Posts -> the blog's listing pages: paginated index, categories, yearly archive.

Each listing page is a small frozen object that knows its URL, title, posts and neighbours.
Every function is linear in the number of posts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from .models import Author, Category, Post, Tag
from ..core.urls import UrlScheme


@dataclass(frozen=True)
class ListingPage:
    """One page of cards: the blog index, a category, an archive year, a tag or an author."""

    kind: str  # "index", "category", "archive", "tag" or "author"
    url: str
    title: str
    posts: tuple[Post, ...]
    page: int = 1
    pages: int = 1
    newer_url: str | None = None  # the previous page, with newer posts
    older_url: str | None = None
    category: Category | None = None
    year: int | None = None
    feed_url: str | None = None
    tag: Tag | None = None
    author: Author | None = None

    @property
    def is_first(self) -> bool:
        return self.page == 1


@dataclass(frozen=True)
class CategorySummary:
    category: Category
    url: str
    count: int
    feed_url: str


@dataclass(frozen=True)
class Blog:
    """Everything the blog publishes, computed once per build."""

    posts: tuple[Post, ...]  # newest first
    index: tuple[ListingPage, ...]
    categories: tuple[CategorySummary, ...]  # alphabetical
    category_pages: tuple[ListingPage, ...]
    archive: tuple[ListingPage, ...]  # newest year first
    category_index_url: str
    posts_by_category: dict[str, tuple[Post, ...]]

    def listing_pages(self) -> Iterable[ListingPage]:
        yield from self.index
        yield from self.category_pages
        yield from self.archive


def newest_first(posts: Iterable[Post]) -> tuple[Post, ...]:
    return tuple(sorted(posts, key=lambda post: post.sort_key, reverse=True))


def paginate(
    posts: Sequence[Post], base_url: str, title: str, per_page: int, urls: UrlScheme, page_title: str, **extra
) -> tuple[ListingPage, ...]:
    """Split posts into pages of `per_page`; an empty listing still has its first page."""
    count = max(1, -(-len(posts) // per_page))
    pages = []
    for number in range(1, count + 1):
        pages.append(
            ListingPage(
                url=urls.paged(base_url, number),
                title=title if number == 1 else f"{title} ({page_title.format(page=number, pages=count)})",
                posts=tuple(posts[(number - 1) * per_page : number * per_page]),
                page=number,
                pages=count,
                newer_url=urls.paged(base_url, number - 1) if number > 1 else None,
                older_url=urls.paged(base_url, number + 1) if number < count else None,
                **extra,
            )
        )
    return tuple(pages)


def canonical_categories(posts: Sequence[Post]) -> dict[str, Category]:
    """One display name per category slug: the spelling the oldest post used."""
    names: dict[str, Category] = {}
    for post in sorted(posts, key=lambda post: (post.sort_key, post.source)):
        for category in post.categories:
            names.setdefault(category.slug, category)
    return names


def build_blog(posts: Iterable[Post], urls: UrlScheme, per_page: int, labels: dict[str, str]) -> Blog:
    ordered = newest_first(posts)
    names = canonical_categories(ordered)
    by_category: dict[str, list[Post]] = defaultdict(list)
    by_year: dict[int, list[Post]] = defaultdict(list)
    for post in ordered:
        for category in post.categories:
            by_category[category.slug].append(post)
        by_year[post.year].append(post)

    page_title = labels["page_of"]
    index = paginate(ordered, urls.blog, labels["blog"], per_page, urls, page_title, kind="index", feed_url=urls.feed_rss)
    summaries = []
    category_pages: list[ListingPage] = []
    for slug in sorted(by_category, key=lambda slug: (names[slug].name.casefold(), slug)):
        category = names[slug]
        url = urls.category_url(slug)
        feed = urls.category_feed_url(slug)
        summaries.append(CategorySummary(category, url, len(by_category[slug]), feed))
        category_pages.extend(
            paginate(
                by_category[slug], url, labels["category_title"].format(name=category.name), per_page, urls,
                page_title, kind="category", category=category, feed_url=feed,
            )
        )
    archive = tuple(
        ListingPage(
            kind="archive",
            url=urls.archive_url(year),
            title=labels["archive_title"].format(year=year),
            posts=tuple(by_year[year]),
            year=year,
            feed_url=urls.feed_rss,
        )
        for year in sorted(by_year, reverse=True)
    )
    return Blog(
        posts=ordered,
        index=index,
        categories=tuple(summaries),
        category_pages=tuple(category_pages),
        archive=archive,
        category_index_url=urls.category_index,
        posts_by_category={slug: tuple(items) for slug, items in by_category.items()},
    )
