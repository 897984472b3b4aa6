"""One pass over the written site's pages: unused CSS dropped, what is left inlined.

Each page is read once: its markup is scanned for the names stylesheets need (unused_css.py),
the stylesheets are purged, then each page gets the purged CSS inlined (inline_css.py) and is
written back if it changed. At 1,000 posts the pages are about 50 MB: held in memory once,
instead of being read from disk by the purge and again by the inliner.

The pages MkDocs renders need not be on disk at all: `held` gives them (by their path in the
site) as they were rendered, and each is written once, finished. Writing a page and then
rewriting it with its CSS costs a second write and, before it, a read of the whole site.

The files are written by two threads while this one inlines the next pages: making a file and its
folder is mostly the kernel's work (a third of the pass in user time, two thirds in system time
at 1,000 posts), which runs on the other core meanwhile.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .inline_css import Inliner
from .unused_css import MarkupScan, PurgeStats, purge_stylesheets


WRITERS = 2
IN_FLIGHT = 64  # pages handed to the writers and not written yet: bounds the memory they hold


@dataclass(frozen=True)
class DeliveryStats:
    pages: int
    inlined: int
    purge: PurgeStats | None


def html_files(site_dir: Path) -> list[Path]:
    """Every .html file under `site_dir` (not folders named like one, such as an alias /oud.html/)."""
    found = []
    for folder, _, names in os.walk(site_dir):
        found.extend(Path(folder, name) for name in names if name.endswith(".html"))
    return sorted(path for path in found if path.is_file())


def deliver_pages(site_dir: Path, purge: bool = True, inline: bool = True,
                  held: Mapping[str, bytes] | None = None) -> DeliveryStats:
    """Purge the site's stylesheets against its pages, then inline them into every page.

    `held`: pages not written yet, by their path in the site ('blog/index.html'); each is written.
    """
    site = Path(site_dir).resolve()
    unwritten = {site / name: html for name, html in (held or {}).items()}
    pages: dict[Path, bytes] = {}
    if purge or inline:
        pages = {path: path.read_bytes() for path in html_files(site) if path not in unwritten}
    pages.update(unwritten)
    stats = None
    if purge:
        scan = MarkupScan()
        for html in pages.values():
            scan.add(html)
        stats = purge_stylesheets(site, scan)
    inlined = 0
    inliner = Inliner(site) if inline else None
    with ThreadPoolExecutor(max_workers=WRITERS, thread_name_prefix="trainersite-write") as writers:
        pending: deque = deque()
        try:
            for path, html in pages.items():
                new = inliner.page(path, html) if inliner is not None else html
                inlined += new != html
                if new != html or path in unwritten:
                    pending.append(writers.submit(_write_page, path, new))
                    if len(pending) > IN_FLIGHT:
                        pending.popleft().result()
            while pending:
                pending.popleft().result()  # the first failure (a full disk...) is raised here
        finally:
            writers.shutdown(cancel_futures=True)
    return DeliveryStats(pages=len(pages), inlined=inlined, purge=stats)


def _write_page(path: Path, html: bytes) -> None:
    try:
        path.write_bytes(html)
    except (FileNotFoundError, NotADirectoryError):
        # No folder yet (another writer may be making it too), or a file where one should be: then
        # making the folder fails naming it, which is what the build's one-line error shows.
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(html)
