"""Fast `mkdocs serve` rebuilds: unchanged pages skip the theme render and the search parser.

`mkdocs serve` rebuilds the whole site after every save. Converting the Markdown is cached
already (prerender.py); what remains is rendering ~1,300 pages through mkdocs-material's templates
and the search plugin parsing each page's HTML again: most of a rebuild, for pages that come out
exactly as before.

The blog plugin lives across rebuilds (it has `on_startup`), so it can remember, per page, the last
output under a key of everything the template could see:

- the site key (once per build): the whole configuration, the navigation, the template globals
  of the plugins, the custom templates folder (file names, sizes and times) and the versions;
- the page key: the template name, the page's URL, title, content, table of contents and meta,
  and every value the plugins added to its context (post, cards, course...).

Same key, same output: the stored HTML is returned without rendering. A value without a stable
representation (an object whose repr holds its address) makes the key new on every build: that
costs the shortcut, never correctness. The search entries are remembered the same way, per page
input, and compiled templates by their source text. Nothing here runs in `mkdocs build`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sysconfig
from collections.abc import Mapping
from datetime import date, time
from pathlib import Path

import jinja2
from mkdocs.plugins import BasePlugin
from mkdocs.structure import StructureItem
from mkdocs.structure.pages import Page

# Context values that go into the site key or the page key in their own way. `build_date_utc`
# is left out: it changes on every build and neither mkdocs-material's page templates nor ours show it.
_CONTEXT_COVERED_ELSEWHERE = {"nav", "pages", "config", "page", "build_date_utc"}


def stable_json(value) -> str:
    """JSON text of `value` that is equal across rebuilds when the value is (see `_describe`)."""
    try:
        return json.dumps(value, default=_describe, ensure_ascii=False)
    except (TypeError, ValueError):  # a mapping with odd keys, a cycle: never equal, never wrong
        return repr(value)


def _describe(value):
    """What JSON cannot encode by itself, described by content (never by identity, if possible)."""
    if isinstance(value, BasePlugin):
        return {"plugin": type(value).__qualname__, "config": value.config}
    if isinstance(value, Mapping):
        return {"{}": list(value.items())}
    if isinstance(value, (set, frozenset)):
        return {"set": sorted(stable_json(item) for item in value)}
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, StructureItem):
        return _nav_item(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {type(value).__qualname__: [getattr(value, field.name) for field in dataclasses.fields(value)]}
    return repr(value)


def _nav_item(item) -> list:
    """A navigation entry by what the templates show of it (not its parent: no cycles)."""
    children = getattr(item, "children", None) or []
    return [type(item).__name__, str(item.title), getattr(item, "url", None), [_nav_item(child) for child in children]]


def _toc(items) -> list:
    return [[item.title, item.id, item.url, item.level, _toc(item.children)] for item in items]


def _page_inputs(page: Page) -> str:
    neighbours = [getattr(page.previous_page, "url", None), getattr(page.next_page, "url", None)]
    return stable_json([
        page.file.src_uri, page.url, str(page.title), page.content, _toc(page.toc), page.meta,
        page.is_homepage, page.canonical_url, page.edit_url, neighbours,
    ])


def _digest(*texts: str) -> str:
    digest = hashlib.sha256()
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _folder_stamp(folder: str) -> list:
    """Names, sizes and modification times of the files under a custom templates folder."""
    stamp = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            info = os.stat(os.path.join(root, name))
            stamp.append([os.path.relpath(os.path.join(root, name), folder), info.st_size, info.st_mtime_ns])
    return stamp


def _site_key(context, environment) -> str:
    config = context["config"]
    installed = Path(sysconfig.get_paths()["purelib"])
    # Templates of installed packages change only with their version; a custom_dir at any time.
    own_folders = [folder for folder in config.theme.dirs if installed not in Path(folder).parents]
    template_globals = {
        name: value for name, value in environment.globals.items() if not callable(value)
    }
    return _digest(stable_json([
        config, [_nav_item(item) for item in context["nav"].items], [file.src_uri for file in context["pages"]],
        template_globals, [_folder_stamp(folder) for folder in own_folders], _versions(),
    ]))


def _versions() -> list:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in ("mkdocs", "mkdocs-material", "trainersite"):
        try:
            found.append(version(package))
        except PackageNotFoundError:
            found.append(None)
    return found


class PageOutputCache:
    """Each page's last rendered HTML under its key; only the latest build's pages are kept."""

    def __init__(self) -> None:
        self.previous: dict[str, tuple[str, str]] = {}  # src_uri -> (key, html)
        self.current: dict[str, tuple[str, str]] = {}
        self.site_key: str | None = None
        self.hits = 0

    def start_build(self, environment) -> None:
        """Called from `on_env`: pages of this build render through `template_class`."""
        self.previous, self.current = {**self.previous, **self.current}, {}
        self.site_key = None
        self.hits = 0
        environment.template_class = self._template_class(environment.template_class)

    def finish_build(self) -> None:
        # Pages that are gone are forgotten; a page that failed keeps nothing.
        self.previous, self.current = self.current, {}

    def _template_class(self, base: type) -> type:
        cache = self

        class CachedOutputTemplate(base):
            def render(self, *args, **kwargs) -> str:
                context = dict(*args, **kwargs)
                page = context.get("page")
                if not isinstance(page, Page):  # sitemap.xml, 404.html: rendered as usual
                    return super().render(context)
                return cache.output(self, context, lambda: super(CachedOutputTemplate, self).render(context))

        return CachedOutputTemplate

    def output(self, template, context: dict, render) -> str:
        if self.site_key is None:
            self.site_key = _site_key(context, template.environment)
        page = context["page"]
        extras = {name: value for name, value in context.items() if name not in _CONTEXT_COVERED_ELSEWHERE}
        key = _digest(self.site_key, template.name, _page_inputs(page), stable_json(extras))
        known = self.previous.get(page.file.src_uri)
        if known is not None and known[0] == key:
            self.hits += 1
            html = known[1]
        else:
            html = render()
        self.current[page.file.src_uri] = (key, html)
        return html


class SearchEntryCache:
    """The search plugin's entries per page input, so unchanged pages are not parsed again."""

    def __init__(self) -> None:
        self.previous: dict[str, tuple] = {}
        self.current: dict[str, tuple] = {}

    def attach(self, config) -> None:
        """Wrap this build's search index (the search plugin makes a new one in `on_config`)."""
        self.previous, self.current = {**self.previous, **self.current}, {}
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if index is not None and isinstance(getattr(index, "entries", None), list):
                index.add_entry_from_context = self._remembering(index, index.add_entry_from_context)

    def finish_build(self) -> None:
        self.previous, self.current = self.current, {}

    def _remembering(self, index, add_entry):
        def add_entry_from_context(page: Page) -> None:
            key = _digest(_page_inputs(page))
            known = self.previous.get(key)
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
