"""One search record per page: the text Pagefind indexes and what a result shows about the page."""

from __future__ import annotations

from dataclasses import dataclass

import re

from ..core.html_tools import strip_permalinks

# Not searchable text: scripts, styles and icons.
_SKIP = re.compile(r"<(script|style|svg|template)\b.*?</\1>", re.DOTALL | re.IGNORECASE)

# What a result says a page is; also the values of the "kind" filter.
KINDS = ("blog", "training", "page")


@dataclass(frozen=True)
class SearchRecord:
    url: str  # from the site root, with a leading slash: "/blog/een-bericht/"
    title: str
    kind: str  # one of KINDS
    html: str  # the page's own content (the article, without the theme around it)
    date: str = ""  # shown: the post's date, or a course's next session
    sort_date: str = ""  # ISO date for sorting ("" when the page has none)
    categories: tuple[str, ...] = ()

    def meta(self) -> dict[str, str]:
        meta = {"title": self.title, "kind": self.kind}
        if self.date:
            meta["date"] = self.date
        return meta

    def filters(self) -> dict[str, list[str]]:
        filters = {"kind": [self.kind]}
        if self.categories:
            filters["category"] = list(self.categories)
        return filters

    def sort(self) -> dict[str, str]:
        return {"date": self.sort_date} if self.sort_date else {}


def make_record(url: str, title: str, html: str, kind: str, *, date: str = "", sort_date: str = "",
                categories=()) -> SearchRecord:
    """A record from a page's rendered content (HTML of the article, without the theme around it)."""
    if kind not in KINDS:
        raise ValueError(f"search record kind must be one of {', '.join(KINDS)}, got {kind!r}")
    path = "/" + url.lstrip("/")
    if ".." in path.split("/"):
        raise ValueError(f"search record url must stay inside the site, got {url!r}")
    return SearchRecord(url=path, title=title, kind=kind, html=_SKIP.sub("", strip_permalinks(html)),
                        date=date, sort_date=sort_date, categories=tuple(dict.fromkeys(categories)))
