"""Posts -> tag pages and author pages: the ways to browse the blog besides categories and years.

Tags work as categories do: tags that differ only in case or accents (`Klacht`, `klacht`,
`Kláčht`) are one tag, shown with the spelling of the oldest post that used it. Every author
in the authors table gets a profile page with their posts. All functions are linear in the
number of posts; bad input is a `ContentError` naming the file and the key.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..core.errors import ContentError
from ..core.jsonld import json_ld_script
from ..core.urls import UrlScheme, absolute_url, slugify
from .listing import ListingPage, paginate
from .models import Author, Post, Tag


@dataclass(frozen=True)
class TagSummary:
    tag: Tag
    url: str
    count: int
    feed_url: str | None  # None: per-tag feeds are off (`tag_feeds: false`)


@dataclass(frozen=True)
class AuthorSummary:
    author: Author
    url: str
    count: int


@dataclass(frozen=True)
class Taxonomy:
    """Tags and authors of the published posts, computed once per build."""

    tags: tuple[TagSummary, ...]  # alphabetical
    tag_pages: tuple[ListingPage, ...]
    tag_index_url: str
    posts_by_tag: Mapping[str, tuple[Post, ...]]  # by tag slug, newest first
    authors: tuple[AuthorSummary, ...]  # in the order of the authors table
    author_pages: tuple[ListingPage, ...]
    author_urls: Mapping[str, str]  # author key -> URL

    def listing_pages(self) -> Iterable[ListingPage]:
        yield from self.tag_pages
        yield from self.author_pages


def post_tags(post: Post) -> tuple[Tag, ...]:
    """A post's tags, one per slug, in the post's own order and spelling; an empty slug is an error."""
    tags: dict[str, Tag] = {}
    for name in post.tags:
        slug = slugify(name)
        if not slug:
            raise ContentError(post.source, "tags", "tags with at least one letter or digit", name)
        tags.setdefault(slug, Tag(name, slug))
    return tuple(tags.values())


def canonical_tags(posts: Sequence[Post]) -> dict[str, Tag]:
    """One display name per tag slug: the spelling the oldest post used."""
    names: dict[str, Tag] = {}
    for post in sorted(posts, key=lambda post: (post.sort_key, post.source)):
        for tag in post_tags(post):
            names.setdefault(tag.slug, tag)
    return names


def author_slugs(authors: Mapping[str, Author], source: str = "mkdocs.yml") -> dict[str, str]:
    """Author key -> the part of its URL (`annelies`); two keys with one address are an error."""
    slugs: dict[str, str] = {}
    owners: dict[str, str] = {}
    for key in authors:
        slug = slugify(key)
        if not slug:
            raise ContentError(source, f"authors.{key}", "an author key with at least one letter or digit")
        if slug in owners:
            raise ContentError(source, f"authors.{key}", f"a key of its own, but its address is that of '{owners[slug]}'")
        owners[slug] = key
        slugs[key] = slug
    return slugs


def build_taxonomy(
    posts: Sequence[Post],
    authors: Mapping[str, Author],
    urls: UrlScheme,
    per_page: int,
    labels: Mapping[str, str],
    tag_feeds: bool = False,
) -> Taxonomy:
    """`posts` newest first (Blog.posts); `authors` the authors table of mkdocs.yml."""
    names = canonical_tags(posts)
    by_tag: dict[str, list[Post]] = defaultdict(list)
    by_author: dict[str, list[Post]] = defaultdict(list)
    for post in posts:
        for tag in post_tags(post):
            by_tag[tag.slug].append(post)
        for author in post.authors:
            by_author[author.key].append(post)

    page_title = labels["page_of"]
    summaries, tag_pages = [], []
    for slug in sorted(by_tag, key=lambda slug: (names[slug].name.casefold(), slug)):
        tag = names[slug]
        url = urls.tag_url(slug)
        feed = urls.tag_feed_url(slug) if tag_feeds else None
        summaries.append(TagSummary(tag, url, len(by_tag[slug]), feed))
        tag_pages.extend(
            paginate(by_tag[slug], url, labels["tag_title"].format(name=tag.name), per_page, urls, page_title,
                     kind="tag", tag=tag, feed_url=feed)
        )

    # Every author in the table gets a page, also one who has not written yet (e.g. linked from "Over").
    every = dict(authors)
    for post in posts:
        for author in post.authors:
            every.setdefault(author.key, author)
    slugs = author_slugs(every)
    author_summaries, author_pages = [], []
    for key, author in every.items():
        url = urls.author_url(slugs[key])
        author_summaries.append(AuthorSummary(author, url, len(by_author[key])))
        author_pages.extend(
            paginate(by_author[key], url, author.name, per_page, urls, page_title,
                     kind="author", author=author, feed_url=urls.feed_rss)
        )
    return Taxonomy(
        tags=tuple(summaries),
        tag_pages=tuple(tag_pages),
        tag_index_url=urls.tag_index,
        posts_by_tag={slug: tuple(items) for slug, items in by_tag.items()},
        authors=tuple(author_summaries),
        author_pages=tuple(author_pages),
        author_urls={summary.author.key: summary.url for summary in author_summaries},
    )


# -- what templates show -------------------------------------------------------------------------


def tag_links(post: Post, urls: UrlScheme) -> list[dict]:
    """A post's tags as links to their pages (the post's own spelling)."""
    return [{"name": tag.name, "url": urls.tag_url(tag.slug)} for tag in post_tags(post)]


def author_view(author: Author, taxonomy: Taxonomy | None) -> dict:
    """An author for a byline or author box, with the address of their page."""
    return {
        "key": author.key,
        "name": author.name,
        "bio": author.bio,
        "avatar": author.avatar,
        "email": author.email,
        "url": taxonomy.author_urls.get(author.key) if taxonomy else None,
    }


def author_json_ld(author: Author, page_url: str, site_url: str, posts: Sequence[Post] = ()) -> dict:
    """schema.org `ProfilePage` whose main entity is the author as a `Person`."""
    url = absolute_url(site_url, page_url)
    person: dict[str, object] = {"@type": "Person", "@id": url + "#person", "name": author.name, "url": url}
    if author.bio:
        person["description"] = author.bio
    if author.avatar:
        person["image"] = absolute_url(site_url, author.avatar)
    if author.email:
        person["email"] = f"mailto:{author.email}"
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": url,
        "mainEntity": person,
    }
    if posts:
        data["hasPart"] = [
            {"@type": "BlogPosting", "headline": post.title, "url": absolute_url(site_url, post.url),
             "datePublished": post.date.isoformat()}
            for post in posts
        ]
    return data


def author_page_view(listing: ListingPage, taxonomy: Taxonomy | None, site_url: str) -> dict | None:
    """The header of an author page: photo, bio, e-mail, and its JSON-LD script."""
    if listing.author is None:
        return None
    return {
        **author_view(listing.author, taxonomy),
        "json_ld": json_ld_script(author_json_ld(listing.author, listing.url, site_url, listing.posts)),
    }
