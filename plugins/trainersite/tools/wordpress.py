"""WordPress export (WXR) -> post files for posts/.

`read_export` parses the XML into `WpPost`s, `convert` turns one into a post file's text, and
`import_export` writes the files and reports what happened. The command line lives in
scripts/import_wordpress.py.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

import yaml
from bs4 import BeautifulSoup
from markdownify import markdownify

from ..core.urls import slugify
from ..blog.video import find_video

NS_CONTENT = "http://purl.org/rss/1.0/modules/content/"
NS_DC = "http://purl.org/dc/elements/1.1/"
_WP_PREFIX = "http://wordpress.org/export/"
_BLOCKS = r"(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tr|td|th|figure|figcaption|hr|iframe|dl|dt|dd)"
_BLOCK_EDGE = re.compile(rf"</?{_BLOCKS}\b[^>]*>", re.IGNORECASE)
_BLOCK_START = re.compile(rf"</?{_BLOCKS}\b", re.IGNORECASE)
_SHORTCODE_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.IGNORECASE | re.DOTALL)
_SHORTCODE = re.compile(r"\[/?(caption|gallery|audio|video|embed)[^\]]*\]", re.IGNORECASE)
_BARE_LINK_LINE = re.compile(r"^[ \t]*(https?://\S+)[ \t]*$", re.MULTILINE)
_GUTENBERG = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_MISSING_DATE = "0000-00-00 00:00:00"
DRAFT_STATES = {"draft", "pending"}  # "future" is scheduled: it keeps its date and publishes itself


class NotAnExport(Exception):
    """The file is not a WordPress export; the message says why, in one line."""


@dataclass(frozen=True)
class WpComment:
    comment_id: str
    parent_id: str
    author: str
    date: str  # "2014-03-02 10:15:00", the blog's local time
    text: str  # plain text


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


@dataclass
class ImportReport:
    written: list[Path] = field(default_factory=list)
    drafts: int = 0
    comments: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{len(self.written)} posts written ({self.drafts} as draft), {self.comments} comments.",
            f"{len(self.skipped)} skipped" + (":" if self.skipped else "."),
        ]
        lines += [f"  - {what}: {why}" for what, why in self.skipped]
        lines += [f"note: {note}" for note in self.notes]
        return "\n".join(lines)


# -- reading -----------------------------------------------------------------------------------


def _wp_namespace(channel: ET.Element) -> str:
    for element in channel:
        if element.tag.startswith("{" + _WP_PREFIX) and element.tag.endswith("}wxr_version"):
            return element.tag[1 : element.tag.index("}")]
    raise NotAnExport("no <wp:wxr_version> in the channel (export it with Tools > Export in WordPress)")


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


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
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise NotAnExport(f"expected an <rss> file with a <channel>, found <{root.tag}>")
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
            )
        )
    return posts


def _terms(item: ET.Element, domain: str) -> tuple[str, ...]:
    names = []
    for element in item.findall("category"):
        if element.get("domain") == domain and element.get("nicename") != "uncategorized":
            name = (element.text or "").strip()
            if name and name not in names:
                names.append(name)
    return tuple(names)


# -- converting --------------------------------------------------------------------------------


def _autop(html: str) -> str:
    """Classic WordPress posts are stored without <p>: blank lines separate paragraphs and single
    newlines are line breaks, as WordPress' own wpautop shows them. Block-editor content is kept."""
    if "<!-- wp:" in html:
        return html
    spaced = _BLOCK_EDGE.sub(lambda m: f"\n\n{m.group(0)}\n\n", html.replace("\r\n", "\n"))
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", spaced) if chunk.strip()]
    return "\n".join(
        chunk if _BLOCK_START.match(chunk) else "<p>" + chunk.replace("\n", "<br>\n") + "</p>" for chunk in chunks
    )


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


def html_to_markdown(html: str) -> str:
    html = _SHORTCODE.sub("", _GUTENBERG.sub("", html))
    soup = BeautifulSoup(_autop(html), "html.parser")
    for element in soup.find_all(["script", "style", "iframe"]):
        element.decompose()
    text = markdownify(str(soup), heading_style="ATX", bullets="-", escape_underscores=False)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _plain(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def _comment_tree(comments: tuple[WpComment, ...]) -> list[dict]:
    """Approved comments, threaded by parent id; a reply whose parent is gone moves to the top."""
    by_id = {c.comment_id: {"author": c.author, "date": c.date, "text": c.text} for c in comments if c.text}
    top = []
    for comment in comments:
        node = by_id.get(comment.comment_id)
        if node is None:
            continue
        parent = by_id.get(comment.parent_id) if comment.parent_id not in ("", "0") else None
        if parent is None:
            top.append(node)
        else:
            parent.setdefault("replies", []).append(node)
    return top


def old_path(link: str) -> str | None:
    """The permalink's path on the old site, query included (`/?p=123`)."""
    parts = urlsplit(link)
    if not link or (parts.path in ("", "/") and not parts.query):
        return None
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _date(value: str) -> datetime | None:
    if not value or value == _MISSING_DATE:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


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


def convert(
    post: WpPost, author: str, post_url: str = "blog/{slug}/"
) -> Converted:
    """One WordPress post -> the file name and text of a post file (front matter + Markdown)."""
    when = _date(post.date)
    assert when is not None
    title = post.title or "Zonder titel"
    slug = slugify(post.slug) or slugify(title)
    draft = post.status in DRAFT_STATES
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
    if alias and alias.strip("/") + "/" != post_url.format(slug=slug):
        meta["aliases"] = [alias]
    if post.guid:
        meta["guid"] = post.guid
    if draft:
        meta["draft"] = True
    tree = _comment_tree(post.comments)
    if tree:
        meta["comments"] = tree
    head = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    text = f"---\n{head}---\n\n{html_to_markdown(body_html)}"
    count = sum(1 for c in post.comments if c.text)
    return Converted(f"{when:%Y-%m-%d}-{slug}.md", text, count, draft)


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
) -> ImportReport:
    """Write every post of the export into posts_dir; existing files are kept unless `force`."""
    report = ImportReport()
    unknown: dict[str, int] = {}
    posts_dir.mkdir(parents=True, exist_ok=True)
    for post in read_export(export):
        label = f"'{post.title or post.post_id}'"
        if post.post_type != "post":
            report.skipped.append((label, f"type '{post.post_type or '?'}', not a post"))
            continue
        if post.status in ("trash", "auto-draft", "private", "inherit"):
            report.skipped.append((label, f"status {post.status}"))
            continue
        if _date(post.date) is None:
            report.skipped.append((label, "no valid date"))
            continue
        key = author_key(post.creator, authors, author_map or {})
        if key is None:
            unknown[post.creator] = unknown.get(post.creator, 0) + 1
            key = default_author
        converted = convert(post, key, post_url)
        target = posts_dir / converted.filename
        if target.exists() and not force:
            report.skipped.append((label, f"{target} exists (use --force to overwrite)"))
            continue
        target.write_text(converted.text, encoding="utf-8")
        report.written.append(target)
        report.comments += converted.comments
        report.drafts += converted.draft
    for login, count in sorted(unknown.items()):
        report.notes.append(
            f"WordPress author '{login}' is not in mkdocs.yml: {count} post(s) now by '{default_author}'"
            f" (add the author, or use --author {login}=KEY)"
        )
    return report
