"""MkDocs adapter for what the written site ships: unused CSS removed and inlined, precompressed copies.

Runs last (`on_post_build`, after the search index is written). `mkdocs serve` keeps the theme's
whole CSS, linked (a preview needs no diet and rebuilds stay fast); `mkdocs build` keeps only the
rules its pages can use and puts them in each page's <head>. With `compress: true` it also writes
`.gz`/`.br` copies (scripts/deploy always does).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..delivery import inline_stylesheets, precompress, purge_site

log = get_plugin_logger(__name__)


class TrainerDeliveryConfig(base.Config):
    purge_css = c.Type(bool, default=True)
    inline_css = c.Type(bool, default=True)
    compress = c.Type(bool, default=False)


class TrainerDeliveryPlugin(BasePlugin[TrainerDeliveryConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @event_priority(-100)  # last: every other plugin has written its files
    def on_post_build(self, *, config) -> None:
        site_dir = Path(config.site_dir)
        serving = getattr(self, "serving", False)
        if self.config.purge_css and not serving:
            stats = purge_site(site_dir)
            log.debug("unused CSS: %d stylesheets, %d -> %d bytes", stats.files, stats.bytes_before, stats.bytes_after)
        if self.config.inline_css and not serving:
            inline_stylesheets(site_dir)
        if self.config.compress:
            precompress(site_dir)
