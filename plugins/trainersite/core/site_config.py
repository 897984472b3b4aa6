"""The blog plugin's settings read straight from mkdocs.yml, for the command-line scripts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads mkdocs.yml's `!!python/name:` and `!ENV` tags as plain null."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class BlogSettings:
    root: Path  # the folder holding mkdocs.yml
    posts_dir: Path
    authors: dict[str, str]  # key -> display name
    default_author: str
    post_url: str
    docs_dir: Path | None = None  # mkdocs.yml's docs_dir (default docs/)
    language: str = "en"  # theme.language: the language of messages and command output


def read_blog_settings(config_file: Path, plugin: str = "trainersite-blog") -> BlogSettings:
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
    options: dict = {}
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and plugin in entry:
            options = entry[plugin] or {}
    table = options.get("authors") or {}
    authors = {str(key): (value.get("name", key) if isinstance(value, dict) else str(value)) for key, value in table.items()}
    root = config_file.resolve().parent
    return BlogSettings(
        root=root,
        posts_dir=root / options.get("posts_dir", "posts"),
        authors=authors,
        default_author=options.get("default_author") or next(iter(authors), ""),
        post_url=options.get("post_url", "blog/{slug}/"),
        docs_dir=root / str(config.get("docs_dir") or "docs"),
        language=str((config.get("theme") or {}).get("language") or "en") if isinstance(config.get("theme"), dict) else "en",
    )
