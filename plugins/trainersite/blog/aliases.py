"""Old addresses (`aliases:`) -> small static redirect pages that send readers to the post.

A static host cannot answer a query string, so `/?p=123` becomes the folder `p/123/` (each
`key=value` pair of the query is one `key/value/` level; `index.php` is dropped). Point the old
domain's redirects there, or let the web server rewrite `?p=123` to `/p/123/`.
"""

from __future__ import annotations

import html
import posixpath
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import parse_qsl, unquote, urlsplit

from ..core.errors import ContentError
from ..core.output_paths import Owner, clean_path
from .models import Post

ALIAS_EXPECTED = "old addresses like /2011/09/06/titel/ or /?p=123"


@dataclass(frozen=True)
class Redirect:
    url: str  # site-relative folder of the old address, e.g. `p/123/`
    target: str  # site-relative URL of the post
    title: str
    source: str  # the post file that asked for it

    @property
    def file_path(self) -> str:
        """The static file written for it (served as the folder's index)."""
        return f"{self.url}index.html"


def alias_url(alias: str, source: str) -> str:
    """`/2011/09/06/x/`, `https://old.example.nl/x`, `/?p=123` -> `2011/09/06/x/`, `x/`, `p/123/`.

    The path is percent-decoded as a whole (`%2F` is a slash) and checked by the one owner of
    output paths, so no old address can point outside the site folder.
    """
    parts = urlsplit(alias.strip())
    try:
        path = unquote(parts.path, errors="strict")
    except UnicodeDecodeError:
        raise ContentError(source, "aliases", ALIAS_EXPECTED, alias) from None
    segments = [segment for segment in path.split("/") if segment]
    if segments and segments[-1] in ("index.php", "index.html", "index.htm"):
        segments.pop()
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        segments += [key, value] if value else [key]
    segments = [piece for segment in segments for piece in segment.split("/") if piece]
    if not segments:
        raise ContentError(source, "aliases", ALIAS_EXPECTED, alias)
    try:
        return clean_path("/".join(segments) + "/", Owner(source, "aliases", ""), decode=False)
    except ContentError as err:
        if "bytes" in err.expected:
            raise
        raise ContentError(source, "aliases", ALIAS_EXPECTED + " inside the site (no '..', no control characters)", alias) from None


def post_redirects(posts: Iterable[Post]) -> tuple[Redirect, ...]:
    """Every post's aliases as redirects; an address asked for twice is a ContentError."""
    seen: dict[str, Redirect] = {}
    for post in posts:
        for alias in post.aliases:
            redirect = Redirect(alias_url(alias, post.source), post.url, post.title, post.source)
            other = seen.get(redirect.url)
            if other is not None:
                also = "this post" if other.source == post.source else other.source
                raise ContentError(
                    post.source, "aliases", f"an old address of its own, but /{redirect.url} is also an alias of {also}"
                )
            if redirect.url == post.url:
                raise ContentError(post.source, "aliases", f"an old address, but /{redirect.url} is the post itself")
            seen[redirect.url] = redirect
    return tuple(seen.values())


def redirect_html(redirect: Redirect, canonical: str, lang: str = "nl", moved: str = "Dit bericht staat nu op") -> str:
    """A tiny page: instant meta refresh, canonical link, a visible link, kept out of search results."""
    depth = redirect.url.rstrip("/").count("/") + 1
    relative = posixpath.join(*([".."] * depth), redirect.target) if redirect.target else "../" * depth
    href = html.escape(relative, quote=True)
    title = html.escape(redirect.title)
    return (
        "<!doctype html>\n"
        f'<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        "</head>\n<body>\n"
        f'<p>{html.escape(moved)} <a href="{href}">{title}</a>.</p>\n'
        "</body>\n</html>\n"
    )
