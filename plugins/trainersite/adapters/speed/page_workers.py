"""`mkdocs build`: pages rendered through the theme on the other cores too.

Once every page is converted, MkDocs renders one page after another through the theme templates:
about a third of a build. When the environment is ready (the last `on_env`), the blog plugin forks
workers that inherit the whole finished state of the build. They render every other chunk of
pages in MkDocs' order while MkDocs renders the chunks between, running the same steps MkDocs runs
for a page (its template context and the plugins' `on_page_context`, then the template).

MkDocs then uses a worker's HTML for a page only if the page's output key (page_output.py),
computed again at MkDocs' own turn for the page, equals the one the worker rendered under:
same inputs, same output; anything else is rendered the normal way. The search plugin's entries
for a page are taken from the worker the same way, under the key of the page's input. The workers
are silent: whatever the plugins log for a page is logged again in MkDocs' own pass over it.
"""

from __future__ import annotations

import logging
from typing import Sequence

from mkdocs.commands.build import get_context
from mkdocs.structure.files import Files, InclusionLevel

from .page_output import OutputKeys, supply_renders
from .forking import can_fork, in_worker, job, start_forked
from .preview import SearchEntryCache


def _render_chunk(src_uris: Sequence[str]) -> dict:
    """Some pages as MkDocs' `_build_page` renders them (in a worker).

    {"pages": {src_uri: (output key, HTML) or None}, "search": {input key: search entries}}
    """
    config, files, nav, environment, search_entries, keys = job()
    logging.getLogger("mkdocs").handlers[:] = [logging.NullHandler()]
    logging.getLogger("mkdocs").propagate = False
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    search_entries.current = {}
    pages: dict[str, tuple[str, str] | None] = {}
    for src_uri in src_uris:
        page = files.get_file_from_path(src_uri).page
        config._current_page = page
        page.active = True
        try:
            context = get_context(nav, doc_files, config, page)
            template = environment.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            pages[src_uri] = (keys.key(template, context), template.render(context))
        except Exception:  # noqa: BLE001 - MkDocs renders the page itself and reports the error
            pages[src_uri] = None
        finally:
            page.active = False
    return {"pages": pages, "search": search_entries.current}


class PageWorkers:
    """The worker pool of one build and the pages it renders."""

    def __init__(self) -> None:
        self.pool = None
        self.pending: dict[str, object] = {}  # src_uri -> AsyncResult of its chunk
        self.keys = OutputKeys()
        self.search_entries = SearchEntryCache(lookup=self._search_entries_from_worker)
        self.used = 0

    def start(self, config, files: Files, nav, environment, workers: int, chunk_size: int = 16) -> None:
        """Hand `workers - 1` of every `workers` chunks of pages to forked workers (the main process is one)."""
        helpers = workers - 1
        pages = [file.src_uri for file in files.documentation_pages(inclusion=InclusionLevel.is_included)]
        if helpers < 1 or len(pages) < 40 or not can_fork():
            return
        # Before forking: the workers render and index through these too.
        supply_renders(environment, self.supply)
        self.search_entries.attach(config)
        # Interleaved, in MkDocs' order: each finished chunk is used soon after it arrives, so few
        # rendered pages wait in memory.
        chunks = [pages[start:start + chunk_size] for start in range(0, len(pages), chunk_size)]
        handed = [chunk for number, chunk in enumerate(chunks) if number % workers]
        # One OutputKeys for all of a worker's chunks: the site part of the key is computed once.
        work = (config, files, nav, environment, self.search_entries, OutputKeys())
        self.pool, self.pending = start_forked(_render_chunk, handed, helpers, work)

    def supply(self, template, context: dict, render) -> str:
        if in_worker():  # in a worker: render
            return render()
        pending = self.pending.pop(context["page"].file.src_uri, None)
        if pending is None:
            return render()
        found = pending.get()["pages"].pop(context["page"].file.src_uri)
        if found is None or found[0] != self.keys.key(template, context):
            return render()
        self.used += 1
        return found[1]

    def _search_entries_from_worker(self, page, key: str) -> tuple | None:
        if in_worker():  # in a worker: parse
            return None
        pending = self.pending.get(page.file.src_uri)
        return pending.get()["search"].get(key) if pending is not None else None

    def close(self) -> None:
        self.pending = {}
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
