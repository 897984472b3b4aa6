"""Every address a template prints, checked once where it is read.

Two kinds are allowed: an `https://` address on a named host, or a path to a file in docs/
(`/assets/images/x.png`, `assets/x.png`, a page such as `privacy/`) that stays inside docs/.
Anything else (`javascript:`, `data:`, `http:`, `//other.host/x`, a quote or space that would
end an HTML attribute, a `..` that climbs out of docs/) is a `ContentError` naming file and key.
Whether a local path exists is asked of the caller (`exists`), who knows the site's files.
"""

from __future__ import annotations

import posixpath
import re
from typing import Callable
from urllib.parse import unquote, urlsplit

from .errors import ContentError

URL_EXPECTED = "an https:// address or a path to a file in docs/, like /assets/images/foto.jpg"
_UNSAFE = re.compile(r"""[\s"'<>`\\\x00-\x1f\x7f]""")


def https_url(value: str, source: str, key: str, expected: str = "an address starting with https://") -> str:
    """An `https://host/...` address, nothing else."""
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme.lower() != "https" or not parts.hostname or _UNSAFE.search(text):
        raise ContentError(source, key, expected, value)
    return text


def local_path(value: str) -> str | None:
    """The docs/-relative file a site path points to (`/assets/x.png` -> `assets/x.png`); None if it leaves docs/."""
    parts = urlsplit(value)
    try:
        path = unquote(parts.path, errors="strict")
    except UnicodeDecodeError:
        return None
    path = path.lstrip("/")
    if not path or "\x00" in path:
        return None
    normal = posixpath.normpath(path)
    if normal in (".", "..") or normal.startswith("../"):
        return None
    return normal + ("/" if path.endswith("/") else "")


def checked_url(
    value: str | None, source: str, key: str, exists: Callable[[str], bool] | None = None, what: str = "an image file"
) -> str | None:
    """`value` when it is an https:// address or a path to an existing file in docs/; else a ContentError."""
    if value is None:
        return None
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme or text.startswith("//"):
        return https_url(text, source, key, URL_EXPECTED)
    if _UNSAFE.search(text):
        raise ContentError(source, key, URL_EXPECTED, value)
    path = local_path(text)
    if path is None:
        raise ContentError(source, key, URL_EXPECTED + " (inside docs/)", value)
    if exists is not None and not exists(path):
        raise ContentError(source, key, f"{what} in docs/ that exists, like /assets/images/foto.jpg", value)
    return text
