"""Everything a post page shows besides its text: video, share links, related posts,
previous/next, archived comments, meta tags, and the redirects from its old addresses.

`build_post_extras` runs once per build over all posts (and validates `video:` and `aliases:`,
so a bad post fails before any page is written); `post_extras_view` is the per-page lookup.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .aliases import Redirect, post_redirects
from .comments import comment_views, count_comments
from .models import Post
from .related import Neighbours, neighbours, related_posts
from .seo import post_seo
from .share import share_links
from ..core.i18n import plural
from ..core.urls import absolute_url
from .video import Video, parse_video


@dataclass(frozen=True)
class PostExtras:
    videos: Mapping[str, Video]  # by slug
    related: Mapping[str, tuple[Post, ...]]
    neighbours: Mapping[str, Neighbours]
    redirects: tuple[Redirect, ...]


def build_post_extras(posts: Sequence[Post], related_limit: int = 3) -> PostExtras:
    """`posts` newest first; raises ContentError for an unknown video link or a clashing alias."""
    videos = {post.slug: parse_video(post.video, post.source) for post in posts if post.video}
    return PostExtras(
        videos=videos,
        related=related_posts(posts, related_limit),
        neighbours=neighbours(posts),
        redirects=post_redirects(posts),
    )


def post_link(post: Post | None) -> dict | None:
    """A post as a link in a list (related posts, previous/next, a course's blog posts)."""
    if post is None:
        return None
    return {"title": post.title, "url": post.url, "date": post.date.date().isoformat(), "date_text": post.date_text}


def post_extras_view(
    post: Post,
    extras: PostExtras,
    *,
    site_url: str,
    site_name: str,
    description: str,
    labels: Mapping[str, str],
    locale: str,
    image: str | None = None,
    author_urls: Mapping[str, str] = {},
) -> dict:
    """The template context a post page needs for its extras."""
    video = extras.videos.get(post.slug)
    near = extras.neighbours.get(post.slug, Neighbours())
    count = count_comments(post.comments)
    return {
        "video": None if video is None else {
            "provider": video.provider,
            "embed_url": video.embed_url,
            "watch_url": video.watch_url,
            "notice": labels["video_notice"].format(provider=video.provider),
            "open_label": labels["video_open"].format(provider=video.provider),
        },
        "share": share_links(post.title, absolute_url(site_url, post.url), labels["share_email"]),
        "related": [post_link(other) for other in extras.related.get(post.slug, ())],
        "newer": post_link(near.newer),
        "older": post_link(near.older),
        "comments": comment_views(post.comments),
        "comments_count": plural(labels, "comments_count", count) if count else "",
        "seo": post_seo(post, site_url=site_url, site_name=site_name, description=description, locale=locale,
                        author_urls=author_urls, image=image),
    }
