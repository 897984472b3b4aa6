"""WordPress export (WXR) -> post files for posts/.

`read_export` parses the XML into `WpPost`s, `convert` turns one into a post file's text, and
`import_export` writes the files and reports what happened. The command line lives in
scripts/import_wordpress.py.

An export is input from elsewhere, so: the post HTML goes through an allow-list sanitizer (nh3)
before it becomes Markdown, and every text of it is written so that Markdown shows it as text
(WordPress's escaped `&lt;script&gt;` stays visible text, never a live tag); old addresses are
kept as aliases only when they are plain paths; every file goes into the posts folder (or, with
`uploads`, the blog's image folder) under a name that is free in this run.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
import uuid
import warnings
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from typing import Mapping
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import nh3
import yaml
from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning
from markdownify import MarkdownConverter

from ..core.urls import slugify, src_uri_for
from ..blog.video import find_video

NS_CONTENT = "http://purl.org/rss/1.0/modules/content/"
NS_DC = "http://purl.org/dc/elements/1.1/"
_WP_PREFIX = "http://wordpress.org/export/"  # WordPress.com writes https://: read as http:// (see _normalise)
_BLOCKS = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|iframe|dl|dt|dd)"
_BLOCK_EDGE = re.compile(rf"</?{_BLOCKS}\b[^>]*>", re.IGNORECASE)
_BLOCK_START = re.compile(rf"</?{_BLOCKS}\b", re.IGNORECASE)
_SHORTCODE_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
_SHORTCODE = re.compile(r"\[/?(caption|gallery|audio|video|embed)[^\]]*\]", re.IGNORECASE)
_BARE_LINK_LINE = re.compile(r"^[ \t]*(https?://\S+)[ \t]*$", re.MULTILINE)
_GUTENBERG = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_MISSING_DATE = "0000-00-00 00:00:00"
_PRE = re.compile(r"<pre\b.*?</pre\s*>", re.IGNORECASE | re.DOTALL)
_MORE = re.compile(r"<!--\s*more\b.*?-->", re.IGNORECASE | re.DOTALL)
_CAPTION = re.compile(r"\[caption\b[^\]]*\](.*?)\[/caption\]", re.IGNORECASE | re.DOTALL)
# Characters that never belong in a post file: C0/C1 controls (but tab and newline), U+FFFE/U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# A comment that is only a URL is still a comment, not a file name to open.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
DRAFT_STATES = {"draft", "pending"}  # "future" is scheduled: it keeps its date and publishes itself
MAX_SLUG = 80  # characters: a file name stays far below the 255 bytes file systems allow
MAX_ALIAS = 400
FIRST_YEAR, LAST_YEAR = 1900, 2999  # the dates a post may carry (as the build checks)
# What imported HTML may keep: text structure, links, pictures. Everything else goes, scripts and
# styles with their content, and links keep only these schemes (no javascript:, no data:).
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "u", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto", "tel"}
IMAGES_URL = "assets/images/blog"  # inside docs/: where --uploads puts the pictures


class NotAnExport(Exception):
    """The file is not a WordPress export; the message says why, in one line."""


@dataclass(frozen=True)
class WpComment:
    comment_id: str
    parent_id: str
    author: str
    date: str  # "2014-03-02 10:15:00", the blog's local time
    text: str  # plain text
    date_gmt: str = ""


@dataclass(frozen=True)
class WpPost:
    post_id: str
    title: str
    link: str
    guid: str
    date: str
    status: str
    post_type: str
    slug: str
    creator: str
    content: str
    excerpt: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    comments: tuple[WpComment, ...] = ()
    date_gmt: str = ""
    pub_date: str = ""  # RFC 822, from <pubDate>
    password: bool = False  # protected by a password in WordPress: never published as it is


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    drafts: int = 0
    comments: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    notes: list[str] = field(default_factory=list)
    images: int | None = None  # pictures copied (None: no --uploads)
    missing_images: list[tuple[str, str]] = field(default_factory=list)  # (post, URL)

    def summary(self) -> str:
        """What was written, counted from the files actually written."""
        lines = [
            f"{len(self.written)} posts written ({self.drafts} as draft), {self.comments} comments.",
            f"{len(self.skipped)} skipped" + (":" if self.skipped else "."),
        ]
        lines += [f"  - {what}: {why}" for what, why in self.skipped]
        if self.images is not None:
            lines.append(f"{self.images} pictures copied, {len(self.missing_images)} not found in the uploads folder"
                         + (":" if self.missing_images else "."))
            lines += [f"  - {post}: {url}" for post, url in self.missing_images]
        lines += [f"note: {note}" for note in self.notes]
        return "\n".join(lines)


# -- reading -----------------------------------------------------------------------------------


def _normalise(root: ET.Element) -> None:
    """Read `https://` namespaces (WordPress.com exports) as the `http://` ones of wordpress.org."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.startswith("{https://"):
            element.tag = "{http://" + element.tag[len("{https://"):]


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def _wp_namespace(channel: ET.Element) -> str:
    for element in channel:
        if element.tag.startswith("{" + _WP_PREFIX) and element.tag.endswith("}wxr_version"):
            return element.tag[1 : element.tag.index("}")]
    raise NotAnExport("no <wp:wxr_version> in the channel (export it with Tools > Export in WordPress)")


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return _clean(found.text or "").strip() if found is not None else ""


def _comment_text(html: str) -> str:
    """WordPress comment HTML -> plain text with its paragraphs and line breaks."""
    soup = BeautifulSoup(html.replace("\r\n", "\n"), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for paragraph in soup.find_all("p"):
        paragraph.insert_after("\n\n")
    text = re.sub(r"[ \t]{2,}", " ", soup.get_text())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def read_export(path: Path) -> list[WpPost]:
    """All items of a WXR file; NotAnExport for anything else."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise NotAnExport(f"not readable as XML ({err})") from None
    except (OSError, RecursionError) as err:
        raise NotAnExport(f"not readable ({type(err).__name__})") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise NotAnExport(f"expected an <rss> file with a <channel>, found <{root.tag}>")
    _normalise(root)
    wp = "{" + _wp_namespace(channel) + "}"
    posts = []
    for item in channel.findall("item"):
        comments = tuple(
            WpComment(
                comment_id=_text(c, f"{wp}comment_id"),
                parent_id=_text(c, f"{wp}comment_parent"),
                author=_text(c, f"{wp}comment_author") or "Anoniem",
                date=_text(c, f"{wp}comment_date"),
                text=_comment_text(_text(c, f"{wp}comment_content")),
                date_gmt=_text(c, f"{wp}comment_date_gmt"),
            )
            for c in item.findall(f"{wp}comment")
            if _text(c, f"{wp}comment_approved") == "1"
            and _text(c, f"{wp}comment_type") in ("", "comment")
        )
        posts.append(
            WpPost(
                post_id=_text(item, f"{wp}post_id"),
                title=_text(item, "title"),
                link=_text(item, "link"),
                guid=_text(item, "guid"),
                date=_text(item, f"{wp}post_date"),
                status=_text(item, f"{wp}status"),
                post_type=_text(item, f"{wp}post_type"),
                slug=unquote(_text(item, f"{wp}post_name")),
                creator=_text(item, f"{{{NS_DC}}}creator"),
                content=_text(item, f"{{{NS_CONTENT}}}encoded"),
                excerpt=_text(item, "{" + wp[1:-1] + "excerpt/}encoded"),
                categories=_terms(item, "category"),
                tags=_terms(item, "post_tag"),
                comments=comments,
                date_gmt=_text(item, f"{wp}post_date_gmt"),
                pub_date=_text(item, "pubDate"),
                password=bool(_text(item, f"{wp}post_password")),
            )
        )
    return posts


def _terms(item: ET.Element, domain: str) -> tuple[str, ...]:
    names = []
    for element in item.findall("category"):
        if element.get("domain") == domain and element.get("nicename") != "uncategorized":
            name = " ".join(_clean(element.text or "").split())
            if slugify(name) and name not in names:  # a name without letters or digits has no address
                names.append(name)
    return tuple(names)


# -- converting --------------------------------------------------------------------------------


def _autop(html: str) -> str:
    """Classic WordPress posts are stored without <p>: blank lines separate paragraphs and single
    newlines are line breaks, as WordPress' own wpautop shows them. Block-editor content is kept."""
    if "<!-- wp:" in html:
        return html
    # Code keeps its own line breaks: set <pre> blocks aside while paragraphs are made.
    kept: list[str] = []
    token = f"tspre{uuid.uuid4().hex}x"

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"\n\n{token}{len(kept) - 1}\n\n"

    html = _PRE.sub(keep, html.replace("\r\n", "\n"))
    spaced = _BLOCK_EDGE.sub(lambda m: f"\n\n{m.group(0)}\n\n", html)
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", spaced) if chunk.strip()]
    html = "\n".join(
        chunk if _BLOCK_START.match(chunk) else "<p>" + chunk.replace("\n", "<br>\n") + "</p>" for chunk in chunks
    )
    return re.sub(rf"(?:<p>)?{token}(\d+)(?:</p>)?", lambda m: kept[int(m.group(1))], html)


def extract_video(html: str) -> tuple[str | None, str]:
    """The first YouTube/Vimeo video (iframe, [embed] or a link alone on its line) and the HTML without it."""
    html = _SHORTCODE_EMBED.sub(lambda m: "\n" + m.group(1).strip() + "\n", html)
    soup = BeautifulSoup(html, "html.parser")
    for frame in soup.find_all(["iframe", "embed"]):
        video = find_video(frame.get("src", ""))
        if video:
            wrapper = frame.find_parent("figure") or frame.find_parent("p") or frame
            if wrapper is not frame and wrapper.get_text(strip=True):
                wrapper = frame
            wrapper.decompose()
            return video.watch_url, str(soup)
    for match in _BARE_LINK_LINE.finditer(html):
        video = find_video(match.group(1))
        if video:
            return video.watch_url, html[: match.start()] + html[match.end() :]
    for link in soup.find_all("a"):
        video = find_video(link.get("href", ""))
        if video and link.get_text(strip=True) in (link.get("href", ""), ""):
            parent = link.find_parent("p")
            (parent if parent is not None and parent.get_text(strip=True) == link.get_text(strip=True) else link).decompose()
            return video.watch_url, str(soup)
    return None, html


def sanitize(html: str) -> str:
    """The allow-list: no script, style, form, iframe or event attribute; links only http(s), mailto, tel."""
    return nh3.clean(
        html, tags=ALLOWED_TAGS, clean_content_tags={"script", "style", "template", "noscript", "textarea"},
        attributes=ALLOWED_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES, link_rel=None, strip_comments=True,
    )


def _markdown_url(url: str) -> str:
    """A URL that cannot end the Markdown link it stands in: no spaces, quotes, brackets or controls."""
    url = _CONTROL.sub("", url).strip()
    return re.sub(r"""[\s"'()<>\[\]\\`]""", lambda m: quote(m.group(0), safe=""), url)


class _TextMarkdown(MarkdownConverter):
    """markdownify, but text stays text: `<`, `&` and `>` as entities, and the characters that would
    start a link, an attribute list or code (square and curly brackets, backslash, backtick)
    escaped, so no text of a post can turn into markup (a tag, a `javascript:` link, a snippet
    include) when the site is built. Link and picture addresses cannot end their Markdown early."""

    def escape(self, text, parent_tags):
        text = super().escape(text.replace("\\", "\\\\"), parent_tags)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return re.sub(r"([\[\]{}`])", r"\\\1", text)

    def convert_a(self, el, text, parent_tags):
        href = el.get("href")
        if href:
            el["href"] = _markdown_url(href)
        if el.get("title"):
            el["title"] = _plain_attribute(el["title"])
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        alt = " ".join(el.get("alt", "").split())
        el["alt"] = re.sub(r"([\[\]\\])", r"\\\1", alt).replace("&", "&amp;").replace("<", "&lt;")
        el["src"] = _markdown_url(el.get("src", ""))
        if el.get("title"):
            el["title"] = _plain_attribute(el["title"])
        if not el["src"]:
            return el["alt"]
        return super().convert_img(el, text, parent_tags)

    def convert_pre(self, el, text, parent_tags):
        # A fence longer than any run of backticks inside: the code can never close it early.
        longest = max((len(run) for run in re.findall(r"`+", text or "")), default=0)
        fence = "`" * max(3, longest + 1)
        block = super().convert_pre(el, text, parent_tags)
        if not block.strip():
            return block
        start, end = block.index("```"), block.rindex("```")
        return f"{block[:start]}{fence}{block[start + 3:end]}{fence}{block[end + 3:]}"

    def convert_figure(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n" if text.strip() else ""

    def convert_figcaption(self, el, text, parent_tags):
        # The caption as an italic line right under its picture.
        caption = " ".join(text.split())
        return f"\n\n*{caption}*\n\n" if caption else ""


def _plain_attribute(value: str) -> str:
    return " ".join(re.sub(r"""["()\\<>\[\]&]""", "", _CONTROL.sub("", value)).split())


def _captions_to_figures(html: str) -> str:
    """`[caption]<img ...> Onderschrift[/caption]` -> a <figure> with a <figcaption>."""
    def figure(match: re.Match) -> str:
        inner = match.group(1)
        last = max(inner.rfind(">"), -1)
        picture, caption = inner[: last + 1], inner[last + 1:].strip()
        return f"<figure>{picture}<figcaption>{caption}</figcaption></figure>" if caption else f"<figure>{inner}</figure>"

    return _CAPTION.sub(figure, html)


def html_to_markdown(html: str, images: "Uploads | None" = None, label: str = "") -> str:
    """WordPress post HTML -> Markdown: sanitized first, then converted with text kept as text.
    With `images`, pictures from the old uploads folder are copied into the site and linked there."""
    marker = f"tsmore{uuid.uuid4().hex}"
    html = _MORE.sub(f"\n\n{marker}\n\n", html, count=1)  # WordPress's excerpt mark -> ours
    html = _captions_to_figures(html)
    html = _SHORTCODE.sub("", _GUTENBERG.sub("", html))
    soup = BeautifulSoup(sanitize(_autop(html)), "html.parser")
    if images is not None:
        images.rewrite(soup, label)
    text = _TextMarkdown(heading_style="ATX", bullets="-", escape_underscores=False).convert_soup(soup)
    text = re.sub(rf"^[ \t]*{marker}[ \t]*$", "<!-- more -->", text, count=1, flags=re.MULTILINE)
    text = text.replace(marker, "")
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _plain(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _comment_tree(comments: tuple[WpComment, ...], fallback: datetime) -> list[dict]:
    """Approved comments, threaded by parent id; a reply whose parent is gone moves to the top.
    A comment without a usable date (`0000-00-00 00:00:00`) takes its UTC date, else the post's."""
    by_id: dict[str, dict] = {}
    order = []
    for comment in comments:
        if not comment.text or comment.comment_id in by_id:
            continue
        when = _date(comment.date) or _date(comment.date_gmt) or fallback
        by_id[comment.comment_id] = {"author": comment.author, "date": when, "text": comment.text}
        order.append(comment)
    top = []
    for comment in order:
        node = by_id[comment.comment_id]
        parent = by_id.get(comment.parent_id) if comment.parent_id not in ("", "0", comment.comment_id) else None
        if parent is None or _descends(parent, node):
            top.append(node)
        else:
            parent.setdefault("replies", []).append(node)
    return top


def _descends(node: dict, ancestor: dict) -> bool:
    """True when `node` already hangs below `ancestor` (a parent loop in the export)."""
    stack = list(ancestor.get("replies", []))
    while stack:
        item = stack.pop()
        if item is node:
            return True
        stack.extend(item.get("replies", []))
    return False


def _count(tree: list[dict]) -> int:
    return sum(1 + _count(node.get("replies", [])) for node in tree)


_SEGMENT = re.compile(r"[^\x00-\x20\x7f/\\?#%]+")


def old_path(link: str) -> str | None:
    """The permalink's path on the old site, query included (`/?p=123`), or None when there is
    none or it is not a plain path: every segment and query part, decoded, must be a name that
    cannot climb out of a folder (no `..`, no slash or backslash, no control character)."""
    try:
        parts = urlsplit(_CONTROL.sub("\x00", link.strip()))
    except ValueError:
        return None
    if not link or (parts.path in ("", "/") and not parts.query):
        return None
    segments = [unquote(segment) for segment in parts.path.split("/") if segment]
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if parts.query and not pairs:
        return None
    names = segments + [text for pair in pairs for text in pair if text]
    if not all(_SEGMENT.fullmatch(name) and name not in (".", "..") for name in names):
        return None
    path = "/" + "/".join(quote(segment, safe="") for segment in segments)
    if segments and parts.path.endswith("/"):
        path += "/"
    alias = path + (f"?{urlencode(pairs)}" if pairs else "")
    return alias if len(alias) <= MAX_ALIAS else None


def unusable_link(link: str) -> bool:
    """A permalink with a path or query that old_path refuses."""
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return True
    return bool(parts.path not in ("", "/") or parts.query) and old_path(link) is None


def _date(value: str) -> datetime | None:
    if not value or value == _MISSING_DATE:
        return None
    try:
        when = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return when if FIRST_YEAR <= when.year <= LAST_YEAR else None


def post_date(post: WpPost) -> datetime | None:
    """The local date, else the UTC one, else <pubDate> (drafts often have only some of them)."""
    found = _date(post.date) or _date(post.date_gmt)
    if found is None and post.pub_date:
        try:
            moment = parsedate_to_datetime(post.pub_date)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if moment is not None and FIRST_YEAR <= moment.year <= LAST_YEAR:
            found = moment.replace(tzinfo=None, microsecond=0)
    return found


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


@dataclass(frozen=True)
class Converted:
    filename: str
    text: str
    comments: int
    draft: bool
    slug: str = ""


def post_slug(post: WpPost) -> str:
    """The WordPress slug, else one from the title, else `bericht-<id>`; at most MAX_SLUG characters."""
    slug = slugify(post.slug) or slugify(post.title) or slugify(f"bericht-{post.post_id}")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] or slug[:MAX_SLUG]
    return slug.strip("-") or "bericht"


def convert(
    post: WpPost, author: str, post_url: str = "blog/{slug}/", *, slug: str | None = None,
    images: "Uploads | None" = None, taken_aliases: set[str] | None = None,
) -> Converted:
    """One WordPress post -> the file name and text of a post file (front matter + Markdown)."""
    when = post_date(post)
    if when is None:
        raise ValueError(f"post {post.post_id!r} has no usable date")
    title = " ".join(post.title.split()) or "Zonder titel"
    slug = slug or post_slug(post)
    draft = post.status in DRAFT_STATES or post.password
    video, body_html = extract_video(post.content)
    meta: dict[str, object] = {"title": title, "date": when}
    meta["author"] = author
    if slug != slugify(title):
        meta["slug"] = slug
    if post.categories:
        meta["categories"] = list(post.categories)
    if post.tags:
        meta["tags"] = list(post.tags)
    summary = _plain(post.excerpt)
    if summary:
        meta["summary"] = summary
    if video:
        meta["video"] = video
    alias = old_path(post.link) if not draft else None
    if alias and taken_aliases is not None:  # one old address, one post: the first keeps it
        alias = None if alias in taken_aliases else alias
        taken_aliases.add(alias or "")
    if alias and alias.strip("/") + "/" != post_url.format(slug=slug):
        meta["aliases"] = [alias]
    if post.guid:
        meta["guid"] = post.guid
    if draft:
        meta["draft"] = True
    tree = _comment_tree(post.comments, when)
    if tree:
        meta["comments"] = tree
    head = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    if images is not None:  # pictures are linked relative to the post's page, as MkDocs checks them
        images.page_dir = posixpath.dirname(src_uri_for(post_url.format(slug=slug))) or "."
    body = html_to_markdown(body_html, images, f"'{title}'")
    text = f"---\n{head}---\n\n{body}"
    return Converted(f"{when:%Y-%m-%d}-{slug}.md", text, _count(tree), draft, slug)


# -- pictures ----------------------------------------------------------------------------------


@dataclass
class Uploads:
    """Pictures from a copy of `wp-content/uploads`, copied into `docs/assets/images/blog/` and linked there."""

    source: Path  # the copy of wp-content/uploads
    docs_dir: Path
    page_dir: str = "blog/x"  # folder of the page being converted (inside docs), for relative links
    copied: dict[str, str] = field(default_factory=dict)  # upload path -> path inside docs
    missing: list[tuple[str, str]] = field(default_factory=list)  # (post, URL)

    @property
    def target(self) -> Path:
        return self.docs_dir / IMAGES_URL

    def rewrite(self, soup: BeautifulSoup, label: str) -> None:
        for image in soup.find_all("img"):
            self._rewrite(image, "src", label, report=True)
        for link in soup.find_all("a"):
            self._rewrite(link, "href", label, report=False)  # a link to the full-size picture

    def _rewrite(self, element, attribute: str, label: str, report: bool) -> None:
        url = element.get(attribute) or ""
        upload = upload_path(url)
        if upload is None:
            return
        inside = self.copy(upload)
        if inside is None:
            if report and (label, url) not in self.missing:
                self.missing.append((label, url))
            return
        element[attribute] = posixpath.relpath(inside, self.page_dir)

    def copy(self, upload: str) -> str | None:
        """Copy one upload (once per run) and return its path inside docs/, or None if not found."""
        if upload in self.copied:
            return self.copied[upload]
        base = self.source.resolve()
        found = (base / upload).resolve()
        if not (found.is_relative_to(base) and found.is_file()):
            return None
        destination = self.target / upload
        number = 1
        while destination.exists() and not _same_file(destination, found):
            number += 1
            destination = destination.with_name(f"{Path(upload).stem}-{number}{Path(upload).suffix}")
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            if not destination.exists():
                shutil.copyfile(found, destination)
        except OSError:
            return None
        inside = destination.relative_to(self.docs_dir).as_posix()
        self.copied[upload] = inside
        return inside


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size and _digest(a) == _digest(b)
    except OSError:
        return False


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_UPLOAD_EXTENSIONS = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff"}


def upload_path(url: str) -> str | None:
    """`https://old.example.nl/wp-content/uploads/2012/03/foto.jpg` -> `2012/03/foto.jpg` (also on
    `*.files.wordpress.com`); None for anything else, and for paths that are not plain names."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = unquote(parts.path)
    if "/wp-content/uploads/" in path or path.startswith("wp-content/uploads/"):
        path = path.split("wp-content/uploads/", 1)[1]
    elif (parts.hostname or "").endswith(".files.wordpress.com"):
        path = path.lstrip("/")
    else:
        return None
    segments = path.split("/")
    if not all(_SEGMENT.fullmatch(segment) and segment not in (".", "..") for segment in segments):
        return None
    if PurePosixPath(path).suffix.lower() not in _UPLOAD_EXTENSIONS or len(path) > MAX_ALIAS:
        return None
    return path


def author_key(login: str, authors: Mapping[str, str], mapping: Mapping[str, str]) -> str | None:
    """The authors-table key for a WordPress login: explicit mapping, same key, or same name."""
    if login in mapping:
        return mapping[login]
    if login in authors:
        return login
    if slugify(login) in authors:
        return slugify(login)
    for key, name in authors.items():
        if slugify(name) == slugify(login):
            return key
    return None


def import_export(
    export: Path,
    posts_dir: Path,
    *,
    authors: Mapping[str, str],  # key -> display name, from mkdocs.yml
    default_author: str,
    author_map: Mapping[str, str] | None = None,
    post_url: str = "blog/{slug}/",
    force: bool = False,
    uploads: Path | None = None,
    docs_dir: Path | None = None,
) -> ImportReport:
    """Write every post of the export into posts_dir; existing files are kept unless `force`.

    File names and slugs are unique within the run: two posts that would share one get `-2`,
    `-3`... A file that already existed before the run is kept (and its post reported) unless
    `force`. With `uploads` (a copy of wp-content/uploads) and `docs_dir`, pictures are copied
    into the site; the report lists those it could not find."""
    report = ImportReport()
    unknown: dict[str, int] = {}
    posts = read_export(export)
    images = Uploads(uploads, docs_dir) if uploads is not None and docs_dir is not None else None
    posts_dir.mkdir(parents=True, exist_ok=True)
    claimed_slugs: set[str] = set()
    claimed_names: set[str] = set()
    claimed_aliases: set[str] = set()
    for post in posts:
        label = f"'{' '.join(post.title.split()) or post.post_id}'"
        if post.post_type != "post":
            report.skipped.append((label, f"type '{post.post_type or '?'}', not a post"))
            continue
        if post.status in ("trash", "auto-draft", "private", "inherit"):
            report.skipped.append((label, f"status {post.status}"))
            continue
        when = post_date(post)
        if when is None:
            report.skipped.append((label, f"no valid date (a date between {FIRST_YEAR} and {LAST_YEAR})"))
            continue
        key = author_key(post.creator, authors, author_map or {})
        if key is None:
            unknown[post.creator] = unknown.get(post.creator, 0) + 1
            key = default_author
        slug = _free(post_slug(post), lambda s: s not in claimed_slugs and f"{when:%Y-%m-%d}-{s}.md" not in claimed_names)
        claimed_slugs.add(slug)
        converted = convert(post, key, post_url, slug=slug, images=images, taken_aliases=claimed_aliases)
        claimed_names.add(converted.filename)
        target = posts_dir / converted.filename
        if (target.exists() or target.is_symlink()) and not force:
            report.skipped.append((label, f"{target} exists (use --force to overwrite)"))
            continue
        try:
            if target.is_symlink():
                target.unlink()  # --force replaces the link itself, never the file it points to
            target.write_text(converted.text, encoding="utf-8")
        except OSError as err:
            report.skipped.append((label, f"{target} could not be written ({err.strerror or err})"))
            continue
        report.written.append(target)
        report.comments += converted.comments
        report.drafts += converted.draft
        if post.password:
            report.notes.append(f"{label}: had a password in WordPress, so it is a draft here (check it first)")
        if not converted.draft and unusable_link(post.link):
            report.notes.append(f"{label}: old address {post.link!r} is not a plain path, so no alias was made")
    for login, count in sorted(unknown.items()):
        report.notes.append(
            f"WordPress author '{login}' is not in mkdocs.yml: {count} post(s) now by '{default_author}'"
            f" (add the author, or use --author {login}=KEY)"
        )
    if images is not None:
        report.images = len(images.copied)
        report.missing_images = list(images.missing)
    return report


def _free(slug: str, is_free) -> str:
    """`slug`, or `slug-2`, `slug-3`... whichever is free first."""
    number, candidate = 1, slug
    while not is_free(candidate):
        number += 1
        candidate = f"{slug}-{number}"
    return candidate
