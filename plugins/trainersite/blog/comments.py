"""Archived comments as the template shows them: escaped text, threaded, counted.

Comment text comes from strangers, so it is treated as plain text: every character is escaped and
only paragraphs (blank lines) and line breaks become markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from markupsafe import Markup, escape

from .models import Comment

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class CommentView:
    author: str
    date: str  # ISO date for <time datetime>
    date_text: str
    html: Markup
    replies: tuple[CommentView, ...] = ()


def text_to_html(text: str) -> Markup:
    """Plain text -> <p> per paragraph, <br> per line break, everything else escaped."""
    paragraphs = [part.strip() for part in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n")) if part.strip()]
    return Markup("").join(
        Markup("<p>{}</p>").format(Markup("<br>\n").join(escape(line) for line in paragraph.split("\n")))
        for paragraph in paragraphs
    )


def comment_views(comments: Iterable[Comment]) -> tuple[CommentView, ...]:
    return tuple(
        CommentView(
            author=comment.author,
            date=comment.date.date().isoformat(),
            date_text=comment.date_text,
            html=text_to_html(comment.text),
            replies=comment_views(comment.replies),
        )
        for comment in comments
    )


def count_comments(comments: Iterable[Comment]) -> int:
    """All comments including replies at any depth."""
    return sum(1 + count_comments(comment.replies) for comment in comments)
