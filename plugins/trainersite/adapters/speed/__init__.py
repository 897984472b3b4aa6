"""The optional speed layer, behind one facade: `Speed`, which the blog plugin calls once per hook.

What it does (see the README, "Build speed"): posts converted on all cores with a render cache
(prerender.py), pages rendered through the theme on all cores (page_workers.py), the chrome that
pages of one folder share rendered once (chrome.py), and `mkdocs serve` rebuilds that reuse what
did not change (preview.py), all keyed by page_output.py. The output is
the same with it and without it; without it a build is only slower.

It was written for MkDocs 1.6.x (and ProperDocs 1.6.x, MkDocs' maintained fork, which keeps the same
internals). It relies on these MkDocs internals, and on no others:

- `mkdocs.commands.build`: the order in which `_populate_page` converts a page (`Page(...)`,
  `on_pre_page`, `Page.read_source`, `on_page_markdown`, `Page.render`, `on_page_content`) and in
  which `_build_page` renders one (`get_context`, the template named by `meta.template`,
  `on_page_context`, `template.render`); prerender.py and page_workers.py repeat those steps in
  forked workers, and page workers call `mkdocs.commands.build.get_context` itself;
- `Page.render` replaced on a page instance (a stand-in that applies a cached or worker result),
  and what `Page.render` sets: `content`, `toc`, `_title_from_render` (private), `present_anchor_ids`,
  `links_to_anchors`, and the `mkdocs.structure.pages` logger's level deciding whether anchors are
  checked;
- `config._current_page` (private), set for each page a worker renders, as `_build_page` does;
- `File.page`, `Files.documentation_pages(inclusion=InclusionLevel.is_included)`;
- Jinja: the environment's `template_class`, replaced by a subclass whose `render` can hand back
  known output (page_output.supply_renders), its `bytecode_cache` (preview.py), and a template's
  `root_render_func` and `blocks`, wrapped for the shared chrome (chrome.py);
- the search plugin's `search_index.add_entry_from_context` (wrapped) and `search_index.entries`;
- plugin event order: `on_nav` and every plugin's `on_env` before the first page is rendered,
  `on_pre_page` before a page's source is read.

At start-up it checks the engine's version; on any other engine or version it turns itself off
with one INFO line, and MkDocs builds the plain way.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from .chrome import ChromeFragments
from .forking import in_worker
from .page_workers import PageWorkers
from .prerender import Prerender, RenderCache
from .preview import PreviewShortcuts

__all__ = ["Speed", "engine", "supported"]

log = get_plugin_logger(__name__)

# Engine (the name the `mkdocs` module answers to: ProperDocs installs itself under it) -> versions.
SUPPORTED = {"mkdocs": "1.6.", "properdocs": "1.6."}


def engine() -> tuple[str, str]:
    """(name, version) of the engine running the build: ('mkdocs', '1.6.1') or ('properdocs', '1.6.7')."""
    import mkdocs

    return mkdocs.__name__.split(".")[0], getattr(mkdocs, "__version__", "")


def supported(name: str, version: str) -> bool:
    prefix = SUPPORTED.get(name)
    return prefix is not None and version.startswith(prefix)


class Speed:
    """Every shortcut of one plugin's life: `mkdocs build` runs it once, `mkdocs serve` across rebuilds."""

    def __init__(self) -> None:
        name, version = engine()
        self.enabled = supported(name, version)
        if not self.enabled:
            log.info(f"speed layer off: written for MkDocs 1.6 and ProperDocs 1.6, this is {name} {version}")
        self.serving = False
        self.cache_folder: Path | None = None
        self.workers = 1
        self.prerender: Prerender | None = None
        self.page_workers = PageWorkers()
        self.nav = None
        self.chrome = ChromeFragments()
        # `mkdocs serve` only: what unchanged pages gave on the last rebuild (see preview.py).
        self.preview = PreviewShortcuts()
        self.rendered_in_memory: dict = {}  # the render cache's last results, kept between rebuilds

    # -- one method per hook of the blog plugin -------------------------------------------------

    def startup(self, command: str) -> None:
        self.serving = command == "serve"

    def configure(self, cache_folder: Path | None, workers: int) -> None:
        """`render_cache` ('' or a folder) and `render_workers` (0: one per core) of the plugin config."""
        self.cache_folder = cache_folder
        if self.serving:
            self.workers = 1  # the live-reload server runs threads; no forking under them
        else:
            self.workers = workers or os.cpu_count() or 1

    def pre_build(self, config) -> None:
        self.prerender = None
        if self.enabled and self.serving:
            self.preview.pre_build(config)

    def pre_page(self, page, config, files, has_markdown: bool | None, posts) -> None:
        """Before a page is converted: the first call starts converting `posts()` (source paths) on the
        other cores. `has_markdown`: True for a post, False for a generated page without Markdown of
        its own, None for a page the blog did not generate."""
        if not self.enabled or in_worker():
            return
        if self.prerender is None:
            memory = self.rendered_in_memory if self.serving else None
            cache = RenderCache(self.cache_folder, config, files, memory)
            self.prerender = Prerender(posts(), config, files, cache, self.workers)
        if has_markdown is not None:
            page.render = self.prerender.stand_in(page) if has_markdown else self.prerender.empty_stand_in(page)

    def nav_ready(self, nav) -> None:
        self.nav = nav

    def env(self, environment, config, files) -> None:
        """Every page is converted: hand page renders to preview reuse (serve) or page workers (build)."""
        if not self.enabled:
            return
        if self.prerender is not None:
            self.prerender.close()  # its conversions are all in by now
        self.page_workers = PageWorkers()
        if self.serving:
            self.preview.env(environment)
        if self.nav is not None:
            # Before the workers fork: they share the fragments they render too.
            self.chrome.install(environment, config, self.nav)
            if not self.serving:
                self.page_workers.start(config, files, self.nav, environment, self.workers)

    def post_build(self) -> None:
        # A published build holds every post: what it did not use is stale. (A preview, with
        # drafts, keeps the cache as it is.)
        if self.prerender is not None:
            self.prerender.close(prune=not self.serving)
        self.page_workers.close()
        if self.enabled and self.serving:
            self.preview.post_build()

    def build_error(self) -> None:
        if self.prerender is not None:
            self.prerender.close()
        self.page_workers.close()
