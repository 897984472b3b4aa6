"""One pass over the written site's pages: unused CSS dropped, what is left inlined.

Each page is read once: its markup is scanned for the names stylesheets need (unused_css.py),
the stylesheets are purged, then each page gets the purged CSS inlined (inline_css.py) and is
written back if it changed. At 1,000 posts the pages are about 50 MB: held in memory once,
instead of being read from disk by the purge and again by the inliner.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .inline_css import Inliner
from .unused_css import MarkupScan, PurgeStats, purge_stylesheets


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


def deliver_pages(site_dir: Path, purge: bool = True, inline: bool = True) -> DeliveryStats:
    """Purge the site's stylesheets against its pages, then inline them into every page."""
    site = Path(site_dir).resolve()
    pages = {path: path.read_bytes() for path in html_files(site)} if (purge or inline) else {}
    stats = None
    if purge:
        scan = MarkupScan()
        for html in pages.values():
            scan.add(html)
        stats = purge_stylesheets(site, scan)
    inlined = 0
    if inline:
        inliner = Inliner(site)
        for path, html in pages.items():
            new = inliner.page(path, html)
            if new != html:
                path.write_bytes(new)
                inlined += 1
    return DeliveryStats(pages=len(pages), inlined=inlined, purge=stats)
