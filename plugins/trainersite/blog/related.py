"""Related posts and previous/next neighbours, computed once per build for all posts.

Relatedness is the number of shared categories and tags (tags compared as slugs). An inverted
index (category/tag -> posts) means each post only meets the posts it shares something with,
instead of every post meeting every other one.
"""

from __future__ import annotations

import heapq
from itertools import chain
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from .models import Post
from ..core.urls import slugify


@dataclass(frozen=True)
class Neighbours:
    newer: Post | None = None  # "next" when reading in date order
    older: Post | None = None  # "previous"


def _keys(post: Post) -> set[tuple[str, str]]:
    keys = {("category", category.slug) for category in post.categories}
    keys.update(("tag", slugify(tag)) for tag in post.tags if slugify(tag))
    return keys


def related_posts(posts: Sequence[Post], limit: int = 3) -> dict[str, tuple[Post, ...]]:
    """Slug -> the `limit` most related published posts, most shared first, ties newest first.

    `posts` must be newest first (Blog.posts); drafts and scheduled posts get related posts
    but are never suggested themselves.
    """
    keys = [_keys(post) for post in posts]
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, post in enumerate(posts):
        if post.is_published:
            for key in keys[position]:
                index[key].append(position)
    related: dict[str, tuple[Post, ...]] = {}
    for position, post in enumerate(posts):
        # Counter counts in C: one pass over the posting lists of this post's keys.
        shared = Counter(chain.from_iterable(index[key] for key in keys[position]))
        shared.pop(position, None)
        # Position in the newest-first list is recency: a lower position wins a tie.
        best = heapq.nsmallest(limit, shared.items(), key=lambda item: (-item[1], item[0]))
        related[post.slug] = tuple(posts[other] for other, _ in best)
    return related


def neighbours(posts: Sequence[Post]) -> dict[str, Neighbours]:
    """Slug -> the next newer and next older post; `posts` newest first."""
    return {
        post.slug: Neighbours(
            newer=posts[position - 1] if position > 0 else None,
            older=posts[position + 1] if position + 1 < len(posts) else None,
        )
        for position, post in enumerate(posts)
    }
