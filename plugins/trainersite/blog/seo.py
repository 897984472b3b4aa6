"""What search engines and social networks read in a post's <head>: Open Graph, Twitter card, JSON-LD.

Values are plain text here; the template escapes them. The JSON-LD goes into a <script> element,
so it is written with `jsonld.json_ld_text`, which escapes what could close it or start markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from markupsafe import Markup

from ..core.jsonld import json_ld_text
from .models import Post
from ..core.urls import absolute_url


@dataclass(frozen=True)
class MetaTag:
    attr: str  # "property" (Open Graph) or "name" (Twitter)
    key: str
    content: str


@dataclass(frozen=True)
class PostSeo:
    canonical: str
    meta: tuple[MetaTag, ...]
    json_ld: Markup


def post_seo(
    post: Post, *, site_url: str, site_name: str, description: str, locale: str = "nl",
    author_urls: Mapping[str, str] = {}, image: str | None = None,
) -> PostSeo:
    """`author_urls`: author key -> the site path of their author page (taxonomy.py).
    `image`: the absolute URL of the post's share picture (its own image or its social card);
    og:image and the Twitter card tags for it are written by partials/social-meta.html."""
    url = absolute_url(site_url, post.url)
    image = image or (absolute_url(site_url, post.image) if post.image else None)
    modified = post.updated or post.date
    meta = [
        MetaTag("property", "og:type", "article"),
        MetaTag("property", "og:site_name", site_name),
        MetaTag("property", "og:locale", locale.replace("-", "_")),
        MetaTag("property", "og:title", post.title),
        MetaTag("property", "og:description", description),
        MetaTag("property", "og:url", url),
        MetaTag("property", "article:published_time", post.date.isoformat()),
        MetaTag("property", "article:modified_time", modified.isoformat()),
    ]
    meta += [
        MetaTag("name", "twitter:title", post.title),
        MetaTag("name", "twitter:description", description),
    ]
    authors = [
        {"@type": "Person", "name": author.name, **({"url": absolute_url(site_url, author_urls[author.key])} if author.key in author_urls else {})}
        for author in post.authors
    ]
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": post.title,
        "description": description,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": post.date.isoformat(),
        "dateModified": modified.isoformat(),
        "author": authors[0] if len(authors) == 1 else authors,
        "publisher": {"@type": "Organization", "name": site_name, "url": absolute_url(site_url, "")},
        "inLanguage": locale.replace("_", "-"),
    }
    if image:
        data["image"] = image
    if post.categories:
        data["articleSection"] = [category.name for category in post.categories]
    if post.tags:
        data["keywords"] = ", ".join(post.tags)
    return PostSeo(canonical=url, meta=tuple(meta), json_ld=Markup(json_ld_text(data, indent=None)))
