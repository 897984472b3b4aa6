"""Working on rendered post HTML: excerpts, read time and link rewriting.

All functions are string-in, string-out; they run once per post on the HTML that MkDocs
rendered, so listings and feeds never convert Markdown a second time.
"""

from __future__ import annotations

import html as html_lib
import math
import posixpath
import re
from urllib.parse import urljoin, urlsplit

MORE_MARKER = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>.*?</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+")
_SKIP_BLOCKS = re.compile(r"<(script|style|svg)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_LINK_ATTR = re.compile(r"""(\s(?:href|src|poster)=)(["'])(.*?)\2""", re.IGNORECASE)
_SRCSET_ATTR = re.compile(r"""(\ssrcset=)(["'])(.*?)\2""", re.IGNORECASE)
_MARKUP = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|(?P<tag><[a-zA-Z](?:\"[^\"]*\"|'[^']*'|[^'\">])*>)",
    re.DOTALL | re.IGNORECASE,
)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


# Characters XML 1.0 does not allow (C0 controls but tab and newlines, surrogates, U+FFFE/U+FFFF):
# lxml refuses a document holding one, so a vertical tab pasted from Word would stop the feeds.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML cannot hold (a vertical tab or form feed becomes a space)."""
    return _NOT_XML.sub(lambda m: " " if m.group(0) in "\x0b\x0c" else "", text)


def strip_permalinks(rendered: str) -> str:
    """Drop the '¶' anchors the toc extension puts in headings (noise in excerpts and feeds)."""
    return _HEADERLINK.sub("", rendered)


def excerpt(rendered: str, summary: str | None = None) -> str:
    """The card text: the summary, else what stands before `<!-- more -->`, else the first paragraph."""
    if summary:
        return f"<p>{html_lib.escape(summary)}</p>"
    parts = MORE_MARKER.split(rendered, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        return strip_permalinks(parts[0]).strip()
    match = _FIRST_PARAGRAPH.search(rendered)
    return match.group(0) if match else ""


def plain_text(rendered: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    text = _TAG.sub(" ", _SKIP_BLOCKS.sub(" ", rendered))
    return " ".join(html_lib.unescape(text).split())


def word_count(rendered: str) -> int:
    return len(_WORD.findall(plain_text(rendered)))


def read_minutes(rendered: str, words_per_minute: int = 200) -> int:
    """Minutes to read, rounded up, at least one."""
    return max(1, math.ceil(word_count(rendered) / words_per_minute))


def _is_relative(link: str) -> bool:
    if not link or link.startswith(("#", "/", "data:")):
        return False
    return not urlsplit(link).scheme


def rebase_links(fragment: str, from_url: str, to_url: str) -> str:
    """Rewrite relative links of HTML rendered for the page at `from_url` to work at `to_url`.

    Both URLs are site-relative page URLs (`blog/een-bericht/`); used to show a post's
    excerpt on a listing page that lives at another depth.
    """
    from_dir = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    to_dir = posixpath.dirname(to_url) if not to_url.endswith("/") else to_url.rstrip("/")
    if from_dir == to_dir:
        return fragment

    def fix(link: str) -> str:
        if not _is_relative(link):
            return link
        path, hash_mark, rest = link.partition("#")
        target = posixpath.normpath(posixpath.join(from_dir or ".", path))
        relative = posixpath.relpath(target, to_dir or ".")
        if path.endswith("/") and not relative.endswith("/"):
            relative += "/"
        return relative + hash_mark + rest

    return _rewrite(fragment, fix)


def absolutize_links(fragment: str, page_url: str) -> str:
    """Make every relative link and image absolute against the page's absolute URL (for feeds)."""

    def fix(link: str) -> str:
        if link.startswith("#") or not link:
            return urljoin(page_url, link)
        return urljoin(page_url, link) if not urlsplit(link).scheme else link

    return _rewrite(fragment, fix)


def _rewrite(fragment: str, fix) -> str:
    def attr(match: re.Match) -> str:
        link = html_lib.unescape(match.group(3))
        return f"{match.group(1)}{match.group(2)}{html_lib.escape(fix(link), quote=True)}{match.group(2)}"

    def srcset(match: re.Match) -> str:
        items = []
        for candidate in html_lib.unescape(match.group(3)).split(","):
            bits = candidate.strip().split(maxsplit=1)
            if bits:
                bits[0] = fix(bits[0])
                items.append(" ".join(bits))
        return f"{match.group(1)}{match.group(2)}{html_lib.escape(', '.join(items), quote=True)}{match.group(2)}"

    def tag(match: re.Match) -> str:
        if match.group("tag") is None:  # a comment, or script/style text: left exactly as it is
            return match.group(0)
        return _SRCSET_ATTR.sub(srcset, _LINK_ATTR.sub(attr, match.group(0)))

    if "=" not in fragment:
        return fragment
    # Attributes of real tags only: text that merely looks like `href="..."` (inside <code> or
    # <pre>, where Markdown escapes `<` but not quotes) is never touched.
    return _MARKUP.sub(tag, fragment)
