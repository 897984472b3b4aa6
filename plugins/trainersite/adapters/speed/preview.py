"""Fast `mkdocs serve` rebuilds: unchanged pages skip the theme render and the search parser.

`mkdocs serve` rebuilds the whole site after every save. Converting the Markdown is cached
already (prerender.py); what remained was rendering ~1,300 pages through mkdocs-material's
templates and the search plugin parsing each page's HTML again: most of a rebuild, for pages
that come out exactly as before.

The blog plugin lives across rebuilds (it has `on_startup`), so it remembers, per page, the last
output under the page's output key (page_output.py) and returns it when the key is the same.
The search entries are remembered the same way, per page input, and compiled templates by their
source text. Only `mkdocs serve` keeps anything between builds; `mkdocs build` uses the search
entry cache for the entries its page workers made (page_workers.py).
"""

from __future__ import annotations

import jinja2
from mkdocs.structure.pages import Page

from .page_output import OutputKeys, digest, page_inputs, supply_renders


class _LastBuild:
    """What the last finished build left (`previous`) and what the build under way adds (`current`)."""

    def __init__(self) -> None:
        self.previous: dict = {}
        self.current: dict = {}

    def _begin_build(self) -> None:
        # A build that stopped half-way (a bad post, say) still leaves what it finished.
        self.previous, self.current = {**self.previous, **self.current}, {}

    def finish_build(self) -> None:
        # Only what this build used is kept: removed pages are forgotten.
        self.previous, self.current = self.current, {}


class PageOutputCache(_LastBuild):
    """Each page's last rendered HTML under its key: src_uri -> (key, html)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys = OutputKeys()
        self.hits = 0

    def start_build(self, environment) -> None:
        """Called from `on_env`: this build's pages are rendered through `supply`."""
        self._begin_build()
        self.keys = OutputKeys()
        self.hits = 0
        supply_renders(environment, self.supply)

    def supply(self, template, context: dict, render) -> str:
        page = context["page"]
        key = self.keys.key(template, context)
        known = self.previous.get(page.file.src_uri)
        if known is not None and known[0] == key:
            self.hits += 1
            html = known[1]
        else:
            html = render()
        self.current[page.file.src_uri] = (key, html)
        return html


class SearchEntryCache(_LastBuild):
    """The search plugin's entries per page input, so a page is not parsed again for the same input.

    `lookup(page, key)` may supply entries made elsewhere (the page workers of `mkdocs build`).
    """

    def __init__(self, lookup=None) -> None:
        super().__init__()  # input key -> the entries it gave
        self.lookup = lookup

    def attach(self, config) -> None:
        """Wrap this build's search index (the search plugin makes a new one in `on_config`)."""
        self._begin_build()
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if index is not None and isinstance(getattr(index, "entries", None), list):
                index.add_entry_from_context = self._remembering(index, index.add_entry_from_context)

    def _remembering(self, index, add_entry):
        def add_entry_from_context(page: Page) -> None:
            key = digest(page_inputs(page))
            known = self.previous.get(key)
            if known is None and self.lookup is not None:
                known = self.lookup(page, key)
            if known is not None:
                index.entries.extend(known)
            else:
                start = len(index.entries)
                add_entry(page)
                known = tuple(index.entries[start:])
            self.current[key] = known

        return add_entry_from_context


class TemplateCodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its current source text."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class PreviewShortcuts:
    """All of the above, for the blog plugin to call from three events of each `mkdocs serve` build."""

    def __init__(self) -> None:
        self.page_outputs = PageOutputCache()
        self.search_entries = SearchEntryCache()
        self.template_code = TemplateCodeCache()

    def pre_build(self, config) -> None:
        self.search_entries.attach(config)

    def env(self, environment) -> None:
        environment.bytecode_cache = self.template_code
        self.page_outputs.start_build(environment)

    def post_build(self) -> None:
        self.page_outputs.finish_build()
        self.search_entries.finish_build()
