"""Reading posts: a Markdown file with YAML front matter -> a validated `Post`.

Pure functions; every problem is a `ContentError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping
from zoneinfo import ZoneInfo

import frontmatter
import yaml

from ..core.dates import When, format_day, parse_when
from ..core.errors import ContentError
from ..core.hints import yaml_hint
from ..core.schema import AUTHOR, COMMENT, POST, flag, items, text, text_list
from ..core.schema import table as table_of
from .models import Author, Category, Comment, Post
from ..core.urls import UrlScheme, slugify



@dataclass(frozen=True)
class ReadSettings:
    """What reading a post needs to know about the site."""

    authors: Mapping[str, Author]
    default_author: str
    tz: ZoneInfo
    locale: str = "nl"
    urls: UrlScheme = field(default_factory=UrlScheme)
    site_id: str = "example.nl"  # the site's host, part of each post's stable GUID
    now: datetime | None = None  # None: the real clock


def decode_source(raw: bytes, source: str) -> str:
    """UTF-8 text (a BOM is dropped, Windows line endings are normalised)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ContentError(source, None, f"UTF-8 text (undecodable byte at position {err.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML that refuses a key given twice (YAML would silently keep the last one)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (str, int, float, bool)) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    # `2020-13-45` looks like a date to YAML; keep it as text so the date check can name the key.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_SPLITTER = frontmatter.YAMLHandler()


def load_yaml(text: str, source: str, key: str = "front matter", line_offset: int = 1) -> Any:
    """YAML text -> data; a syntax error or a duplicate key is a ContentError with its line."""
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = f" (line {mark.line + line_offset})" if mark is not None else ""
        problem = getattr(err, "problem", None) or "syntax error"
        hint = yaml_hint(problem, text, mark.line if mark is not None else None)
        raise ContentError(source, key, f"valid YAML{line}: {problem}", hint=hint,
                           line=mark.line + line_offset if mark is not None else None) from None
    except (ValueError, TypeError, AttributeError, RecursionError) as err:
        # PyYAML's value constructors fail with plain errors (`!!int abc`, a list as a key, deep nesting).
        raise ContentError(source, key, f"valid YAML values ({type(err).__name__}: {err})") from None


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """The front matter as a dict and the Markdown body; invalid YAML is a ContentError."""
    if not _SPLITTER.detect(text):
        raise ContentError(source, "front matter", "a YAML block between '---' lines at the top of the file")
    try:
        raw, body = _SPLITTER.split(text)
    except ValueError:
        raise ContentError(source, "front matter", "a closing '---' line after the front matter") from None
    metadata = load_yaml(raw, source, line_offset=1 if raw.startswith("\n") else 2) if raw.strip() else {}
    if not isinstance(metadata, dict):
        raise ContentError(source, "front matter", "keys with values (key: value)", metadata)
    return metadata, body


def _authors(meta: Mapping[str, Any], source: str, settings: ReadSettings) -> tuple[Author, ...]:
    if "author" in meta and "authors" in meta:
        raise ContentError(source, "authors", "either 'author' or 'authors', not both")
    key = "authors" if "authors" in meta else "author"
    keys = text_list(meta, key, source) or (settings.default_author,)
    known = ", ".join(sorted(settings.authors)) or "(none configured)"
    authors = []
    for name in keys:
        if name not in settings.authors:
            raise ContentError(source, key, f"an author key from mkdocs.yml ({known})", name)
        authors.append(settings.authors[name])
    return tuple(authors)


def _comments(
    value: object, source: str, settings: ReadSettings, key: str = "comments", depth: int = 0
) -> tuple[Comment, ...]:
    if value is None:
        return ()
    if depth > 20:  # also stops a YAML alias that makes a comment its own reply
        raise ContentError(source, key, "replies nested at most 20 levels deep")
    comments = []
    for where, item in items(value, COMMENT, source, key, "comments with author, date and text"):
        author = text(item, "author", source, where, required=True)
        body = text(item, "text", source, where, required=True)
        if item.get("date") is None:
            raise ContentError(source, f"{where}.date", "a date like 2024-03-05")
        when = parse_when(item["date"], source, f"{where}.date", settings.tz, settings.locale)
        replies = _comments(item.get("replies"), source, settings, f"{where}.replies", depth + 1)
        comments.append(Comment(author, when.moment, format_day(when.day, settings.locale), body, replies))
    return tuple(comments)


def post_guid(source_stem: str, settings: ReadSettings) -> str:
    """A GUID fixed by the file name: editing the title, slug or date keeps it."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://{settings.site_id}/posts/{source_stem}").urn


def parse_post(content: str, source: str, settings: ReadSettings) -> Post:
    """A post's text (front matter + Markdown) -> a validated Post."""
    meta, body = split_front_matter(content, source)
    POST.check_keys(meta, source)
    title = text(meta, "title", source, required=True)
    if "date" not in meta or meta["date"] is None:
        raise ContentError(source, "date", "a publication date like 2024-03-05")
    when: When = parse_when(meta["date"], source, "date", settings.tz, settings.locale)
    updated = None
    if meta.get("updated") is not None:
        updated = parse_when(meta["updated"], source, "updated", settings.tz, settings.locale)
    slug = slugify(text(meta, "slug", source) or title)
    if not slug:
        raise ContentError(source, "slug", "a title or slug with at least one letter or digit", title)
    categories = tuple(
        {slugify(name): Category(name, slugify(name)) for name in text_list(meta, "categories", source)}.values()
    )
    for category in categories:
        if not category.slug:
            raise ContentError(source, "categories", "names with at least one letter or digit", category.name)
    now = settings.now or datetime.now(settings.tz)
    stem = Path(source).stem
    return Post(
        source=source,
        title=title,
        date=when.moment,
        date_has_time=when.has_time,
        date_text=format_day(when.day, settings.locale),
        slug=slug,
        url=settings.urls.post_url(slug),
        body=body,
        guid=text(meta, "guid", source) or post_guid(stem, settings),
        authors=_authors(meta, source, settings),
        categories=categories,
        tags=text_list(meta, "tags", source),
        summary=text(meta, "summary", source) or text(meta, "description", source),
        updated=updated.moment if updated else None,
        updated_text=format_day(updated.day, settings.locale) if updated else None,
        image=text(meta, "image", source),
        video=text(meta, "video", source),
        draft=flag(meta, "draft", source),
        scheduled=when.moment > now,
        aliases=text_list(meta, "aliases", source),
        training=text(meta, "training", source),
        comments=_comments(meta.get("comments"), source, settings),
    )


def read_post(path: Path, source: str, settings: ReadSettings) -> Post:
    return parse_post(decode_source(path.read_bytes(), source), source, settings)


def check_unique_slugs(posts: list[Post]) -> None:
    """Two posts with one slug would overwrite each other: name both files."""
    seen: dict[str, Post] = {}
    for post in posts:
        other = seen.setdefault(post.slug, post)
        if other is not post:
            raise ContentError(
                post.source, "slug", f"a slug of its own, but '{post.slug}' is also the slug of {other.source}"
            )


def parse_authors(table: object, default_author: str, source: str = "mkdocs.yml") -> dict[str, Author]:
    """The authors table of the plugin config -> Author objects; the default must be in it."""
    if not isinstance(table, dict) or not table:
        raise ContentError(source, "authors", "a table of authors (key: {name, bio, avatar, email})", table)
    authors = {}
    for key, entry in table.items():
        where = f"authors.{key}"
        if isinstance(entry, str):
            entry = {"name": entry}
        entry = table_of(entry, AUTHOR, source, where, "name, bio, avatar and email")
        authors[str(key)] = Author(
            key=str(key),
            name=text(entry, "name", source, where, required=True),
            bio=text(entry, "bio", source, where) or "",
            avatar=text(entry, "avatar", source, where) or "",
            email=text(entry, "email", source, where) or "",
        )
    if default_author not in authors:
        raise ContentError(source, "default_author", f"one of the authors ({', '.join(authors)})", default_author)
    return authors
