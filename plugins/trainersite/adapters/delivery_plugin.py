"""MkDocs adapter for what the written site ships: unused CSS removed and inlined, precompressed copies.

Runs after every other plugin has written its pages (`on_post_build`, priority -100), while the
search index is still being built in the background; the copies come last (-120), once the search
index is written too (trainersite-search waits for it at -110). `mkdocs serve` keeps the theme's
whole CSS, linked (a preview needs no diet and rebuilds stay fast); `mkdocs build` keeps only the
rules its pages can use and puts them in each page's <head>. With `compress: true` it also writes
`.gz`/`.br` copies (scripts/deploy always does).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from ..delivery import deliver_pages, precompress

log = get_plugin_logger(__name__)


class TrainerDeliveryConfig(base.Config):
    purge_css = c.Type(bool, default=True)
    inline_css = c.Type(bool, default=True)
    compress = c.Type(bool, default=False)


class TrainerDeliveryPlugin(BasePlugin[TrainerDeliveryConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(-100)  # every other plugin has written its pages
    def _ship_pages(self, *, config) -> None:
        if getattr(self, "serving", False):
            return
        stats = deliver_pages(Path(config.site_dir), purge=self.config.purge_css, inline=self.config.inline_css)
        if stats.purge:
            log.debug("unused CSS: %d stylesheets, %d -> %d bytes", stats.purge.files, stats.purge.bytes_before,
                      stats.purge.bytes_after)

    @event_priority(-120)  # last: the search index is written too
    def _compress(self, *, config) -> None:
        if self.config.compress:
            precompress(Path(config.site_dir))

    on_post_build = CombinedEvent(_ship_pages, _compress)
