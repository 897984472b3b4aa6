"""MkDocs adapter for what the written site ships: unused CSS removed and inlined, precompressed copies.

`mkdocs build` keeps only the CSS rules its pages can use and puts them in each page's <head>;
`mkdocs serve` keeps the theme's whole CSS, linked (a preview needs no diet and rebuilds stay fast).
Which rules are used is known only once every page is rendered, so the pages MkDocs renders are
held in memory (`on_post_page`, last) and written once, finished, after every other plugin has
written its files (`on_post_build`, priority -100), while the search index is still being built in
the background. MkDocs writes no file for a page whose output is empty, and says so in a line that
is left out for the held pages. The copies come last (-120), once the search index is written too
(trainersite-search waits for it at -110). With `compress: true` it also writes `.gz`/`.br` copies
(scripts/deploy always does).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import mkdocs.commands.build
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from ..core.errors import ContentError
from ..core.i18n import site_locale
from ..delivery import deliver_pages, precompress
from . import problems

log = get_plugin_logger(__name__)


class TrainerDeliveryConfig(base.Config):
    purge_css = c.Type(bool, default=True)
    inline_css = c.Type(bool, default=True)
    compress = c.Type(bool, default=False)


class _HeldPagesFilter(logging.Filter):
    """Leaves out MkDocs' "Page skipped ... empty output" line for the pages held for delivery."""

    def __init__(self) -> None:
        super().__init__()
        self.held: set[str] = set()  # their src_uri

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not (self.held and message.startswith("Page skipped: '")):
            return True
        return message.removeprefix("Page skipped: '").removesuffix("'. Generated empty output.") not in self.held


class TrainerDeliveryPlugin(BasePlugin[TrainerDeliveryConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.serving = False
        self.held: dict[str, bytes] = {}  # pages rendered but not written yet: path in the site -> HTML
        self._quiet = _HeldPagesFilter()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_pre_build(self, *, config) -> None:
        self._forget()
        if self._holds():
            mkdocs.commands.build.log.addFilter(self._quiet)

    def _holds(self) -> bool:
        return not self.serving and (self.config.purge_css or self.config.inline_css)

    @event_priority(-100)  # last: the page as every plugin left it
    def on_post_page(self, output: str, *, page, config) -> str:
        if not (self._holds() and output.strip()):
            return output
        self.held[page.file.dest_uri] = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        self._quiet.held.add(page.file.src_uri)
        return ""  # written in on_post_build, with its CSS

    @event_priority(-100)  # every other plugin has written its pages
    def _ship_pages(self, *, config) -> None:
        if self.serving:
            return
        try:
            stats = deliver_pages(Path(config.site_dir), purge=self.config.purge_css, inline=self.config.inline_css,
                                  held=self.held)
        except OSError as err:  # a full disk, a read-only folder: one line, no traceback
            where = os.path.relpath(err.filename, config.site_dir) if err.filename else "."
            problem = ContentError(f"{os.path.basename(config.site_dir)}/{where}", None, "a folder the build can write to",
                                   err.strerror or str(err))
            raise problems.fatal(problem, site_locale(config)) from None
        finally:
            self._forget()
        if stats.purge:
            log.debug("unused CSS: %d stylesheets, %d -> %d bytes", stats.purge.files, stats.purge.bytes_before,
                      stats.purge.bytes_after)

    @event_priority(-120)  # last: the search index is written too
    def _compress(self, *, config) -> None:
        if self.config.compress:
            precompress(Path(config.site_dir))

    on_post_build = CombinedEvent(_ship_pages, _compress)

    def on_build_error(self, *, error) -> None:
        self._forget()  # nothing half-written: the held pages are dropped

    def _forget(self) -> None:
        self.held = {}
        self._quiet.held = set()
        mkdocs.commands.build.log.removeFilter(self._quiet)
