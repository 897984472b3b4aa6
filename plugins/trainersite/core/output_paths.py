"""The one owner of output paths: every file the site writes is claimed here first.

A path comes from many places the trainer types into (an old address in `aliases:`, a URL pattern
such as `post_url`, a slug, a course file name, a feed name). Each is percent-decoded, checked and
resolved against the output folder before anything is written:

- no NUL or other control character, no backslash, no absolute path, no `.` or `..` segment,
  no segment longer than a file system allows (255 bytes);
- the resolved path lies inside the output folder (also through a symlink);
- one writer per path: a second claim of the same file, or of a file where another claim needs a
  folder (`feed.xml` and `feed.xml/index.html`), is refused, naming both owners.

Every refusal is a `ContentError` naming the file and the key that asked for the path.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .errors import ContentError

MAX_SEGMENT_BYTES = 255  # ext4, APFS and NTFS all stop here


@dataclass(frozen=True)
class Owner:
    """Who asks for a path: the file and key to name in a message, and what the path is to a reader."""

    source: str  # e.g. posts/2024-03-05-x.md, mkdocs.yml, docs/trainingen/x.md
    key: str | None  # e.g. aliases, post_url; None for a file that is simply there
    what: str  # e.g. "an alias of posts/x.md", "the RSS feed", "the file docs/x.ics"


def _refuse(owner: Owner, expected: str, got: str) -> ContentError:
    return ContentError(owner.source, owner.key, expected, got)


def clean_path(path: str, owner: Owner, *, decode: bool = True) -> str:
    """A site-relative output path (`blog/x/index.html`), checked; a ContentError otherwise.

    `decode`: percent-decode first (`%2F` is a slash, `%00` a NUL), as a web server would.
    A trailing slash is kept (a folder whose index the caller writes).
    """
    expected = "an address inside the site, like blog/mijn-bericht/ (no '..', no leading '/', no control characters)"
    try:
        text = unquote(path, errors="strict") if decode and "%" in path else path
        if decode and "%" in text:  # double encoding (`%252F`) decoded once more: a server may do so too
            text = unquote(text, errors="strict")
    except UnicodeDecodeError:  # `%ff`: bytes that are no text, so no file name either
        raise _refuse(owner, expected, path) from None
    if not text or any(ord(char) < 32 or ord(char) == 127 for char in text) or "\\" in text:
        raise _refuse(owner, expected, path)
    if text.startswith("/") or posixpath.isabs(text) or (len(text) > 1 and text[1] == ":"):
        raise _refuse(owner, expected, path)
    segments = text.split("/")
    folder = segments[-1] == ""
    if folder:
        segments.pop()
    for segment in segments:
        if segment in ("", ".", ".."):
            raise _refuse(owner, expected, path)
        if len(segment.encode("utf-8", "surrogatepass")) > MAX_SEGMENT_BYTES:
            raise _refuse(owner, f"names of at most {MAX_SEGMENT_BYTES} bytes in an address", path[:80] + "...")
    return "/".join(segments) + ("/" if folder else "")


class OutputPaths:
    """The paths of one build, each with its one owner; `claim` before writing."""

    def __init__(self, site_dir: str | os.PathLike | None = None):
        self.site_dir = Path(site_dir).resolve() if site_dir is not None else None
        self._files: dict[str, Owner] = {}
        self._folders: dict[str, Owner] = {}  # every parent folder of a claimed file
        self._real_folders: dict[str, Path] = {}  # folder -> where it resolves (claims share folders)

    def owner(self, path: str) -> Owner | None:
        return self._files.get(path)

    def claim(self, path: str, owner: Owner, *, decode: bool = False, replace: bool = False) -> str:
        """Take `path` (a file, site-relative) for `owner`; returns the clean path.

        `replace`: a file MkDocs itself lets win (a page in docs/ over the theme's file of that name).
        """
        clean = clean_path(path, owner, decode=decode)
        if clean.endswith("/"):
            clean += "index.html"
        self._check_inside(clean, owner)
        other = self._files.get(clean) or self._folders.get(clean)
        if other is not None and not replace:
            raise self._clash(owner, clean, other)
        parts = clean.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            blocker = self._files.get(folder)
            if blocker is not None and not replace:
                raise self._clash(owner, clean, blocker, folder)
        self._files[clean] = owner
        for depth in range(1, len(parts)):
            self._folders.setdefault("/".join(parts[:depth]), owner)
        return clean

    def target(self, path: str) -> Path:
        """The file on disk for a claimed path."""
        if path not in self._files or self.site_dir is None:
            raise KeyError(f"{path} was not claimed")
        return self.site_dir / path

    def _check_inside(self, clean: str, owner: Owner) -> None:
        if self.site_dir is None:
            return
        # Resolving a path looks at each of its folders on disk: a few thousand claims share a few
        # hundred folders, so each folder is resolved once; the file itself is looked at every time.
        folder, _, name = clean.rpartition("/")
        real_folder = self._real_folders.get(folder)
        if real_folder is None:
            real_folder = self._real_folders[folder] = (self.site_dir / folder).resolve()
        resolved = real_folder / name
        if os.path.islink(resolved):
            resolved = resolved.resolve()
        if resolved != self.site_dir and self.site_dir not in resolved.parents:
            raise _refuse(owner, "an address inside the site folder", clean)

    @staticmethod
    def _clash(owner: Owner, path: str, other: Owner, folder: str | None = None) -> ContentError:
        shown = "/" + (path[: -len("index.html")] if path.endswith("/index.html") else path)
        if folder is not None:
            return ContentError(owner.source, owner.key, f"an address that is free, but /{folder} is {other.what}")
        return ContentError(owner.source, owner.key, f"an address that is free, but {shown} is {other.what}")
