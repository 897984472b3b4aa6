"""Categories that differ only in spelling (`Klachtbehandeling`, `Klacht-behandeling`): a warning.

Two spellings make two category pages and two feeds where the trainer meant one.
"""

from __future__ import annotations

import unicodedata
from typing import Iterable

from ..core.urls import slugify
from .models import Post


def spelling_key(name: str) -> str:
    """The name without case, accents, spaces, hyphens or punctuation."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in plain.casefold() if ch.isalnum())


def spelling_warnings(posts: Iterable[Post]) -> list[str]:
    """One English warning (core/messages.py translates it) per pair of clashing spellings."""
    first_seen: dict[str, tuple[str, str]] = {}  # spelling key -> (name, source) as first written
    warned: set[tuple[str, str]] = set()
    warnings = []
    for post in sorted(posts, key=lambda p: p.source):
        for category in post.categories:
            key = spelling_key(category.name)
            if not key:
                continue
            name, source = first_seen.setdefault(key, (category.name, post.source))
            # Names with one slug are one category already (`Klachten`, `klachten`): no warning.
            if slugify(name) != category.slug and (name, category.name) not in warned:
                warned.add((name, category.name))
                warnings.append(
                    f"categories '{name}' ({source}) and '{category.name}' ({post.source}) differ only in spelling; "
                    "use one of them"
                )
    return warnings
