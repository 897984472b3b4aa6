"""Pictures of posts and authors: a local one must exist in docs/; one on another host is a warning.

A picture on another host (an old WordPress site, hot-linked by an import) disappears when that
site closes, and every page view asks that host for it; copy it into docs/ instead.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Mapping
from urllib.parse import urlsplit

from ..core.errors import ContentError
from ..core.safe_urls import checked_url
from .models import Author, Post

_IMG_SRC = re.compile(r"""<img\b[^>]*?\ssrc=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def _foreign(url: str, site_host: str | None) -> str | None:
    host = urlsplit(url).hostname
    return host if host and host != site_host else None


def check_images(
    posts: Iterable[Post], authors: Mapping[str, Author], exists: Callable[[str], bool], site_host: str | None
) -> list[ContentError]:
    """ContentError for a missing local picture; the warnings for pictures on another host."""
    warnings = []
    for key, author in authors.items():
        checked_url(author.avatar or None, "mkdocs.yml", f"authors.{key}.avatar", exists)
    for post in posts:
        checked_url(post.image, post.source, "image", exists)
        host = _foreign(post.image, site_host) if post.image else None
        if host:
            warnings.append(hotlink_warning(post.source, "image", post.image, host))
    return warnings


def body_image_warnings(post: Post, html: str, site_host: str | None) -> list[ContentError]:
    """Warnings for pictures in a post's text that still live on another host."""
    warnings = []
    for match in _IMG_SRC.finditer(html):
        src = match.group(2)
        host = _foreign(src, site_host) if src.lower().startswith(("http:", "https:", "//")) else None
        if host:
            warnings.append(hotlink_warning(post.source, "text", src, host))
    return warnings


def hotlink_warning(source: str, key: str, url: str, host: str) -> ContentError:
    return ContentError(
        source, key, f"pictures in docs/ (copy it there, e.g. with scripts/import_wordpress.py --uploads), "
        f"but this one is still on {host}", url,
    )
