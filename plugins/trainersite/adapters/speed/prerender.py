"""Converting post Markdown before MkDocs asks for it: on all cores, and from a content-hash cache.

MkDocs converts one page after another on one core, and again on every `mkdocs serve` rebuild.
Posts are independent of each other, so before the first page is built the blog plugin hands
all post pages to `prerender_posts`: forked workers run exactly what MkDocs would run for each
post (pre_page and page_markdown events, then `Page.render`) and send back the results. A result
is stored under a hash of everything it depends on (final Markdown, page path, Markdown settings,
the set of files links can point to, this package's version), so a warm rebuild converts only
what changed. `PrerenderedRender` then stands in for `Page.render` and hands the stored result
to MkDocs, but only when the page's final Markdown is the one the result was made from; anything
else is converted the normal way. Log messages of the conversion (e.g. broken-link warnings) are
replayed in the main process, so `--strict` sees them on warm builds too.

The cache folder (default `.cache/trainersite/`) is safe to delete at any time. Entries are JSON,
keyed by (and carrying) the engine, Markdown and extension versions that made them: an entry made
by another environment (another engine such as ProperDocs, another version, a truncated or foreign
file) is a miss, never an error. A page that includes files with `pymdownx.snippets` depends on
files the key cannot see, so it is always converted afresh.
"""

from __future__ import annotations

import gc
import hashlib
import importlib
import json
import logging
import os
import sys
import threading
from importlib import metadata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ... import __version__
from .forking import can_fork, job, start_forked

_pages_log = logging.getLogger("mkdocs.structure.pages")


ENTRY_FORMAT = 1  # bump when the JSON layout of an entry changes
SNIPPET_MARKER = "8<-"  # every pymdownx.snippets marker contains it (pymdownx checks the same way)


@dataclass(frozen=True)
class Rendered:
    """What `Page.render` leaves on a page (pickles for the workers, and turns into JSON for the disk)."""

    key: str
    content: str
    toc: object
    title: str | None
    anchor_ids: frozenset
    links_to_anchors: dict  # target src_uri -> {anchor: original link}
    log: tuple  # (logger name, level, message) emitted while converting


def _toc_to_data(items) -> list:
    return [
        {"title": item.title, "id": item.id, "level": item.level, "active": getattr(item, "active", None),
         "children": _toc_to_data(item.children)}
        for item in items
    ]


def _toc_from_data(data: list, anchor_link=AnchorLink) -> list[AnchorLink]:
    items = []
    for entry in data:
        if not (isinstance(entry["title"], str) and isinstance(entry["id"], str) and isinstance(entry["level"], int)):
            raise TypeError("not a table of contents entry")
        item = anchor_link(entry["title"], entry["id"], entry["level"])
        if entry["active"] is not None:
            item.active = bool(entry["active"])  # type: ignore[attr-defined]  # as mkdocs' get_toc sets it
        item.children = _toc_from_data(entry["children"], anchor_link)
        items.append(item)
    return items


def _to_json(rendered: Rendered, environment: str) -> bytes:
    return json.dumps({
        "format": ENTRY_FORMAT,
        "environment": environment,
        "key": rendered.key,
        "content": rendered.content,
        "toc": _toc_to_data(rendered.toc),
        "title": rendered.title,
        "anchor_ids": sorted(rendered.anchor_ids),
        "links_to_anchors": rendered.links_to_anchors,
        "log": [list(record) for record in rendered.log],
    }, ensure_ascii=False).encode()


def _from_json(data: bytes, key: str, environment: str, toc_module=None) -> Rendered | None:
    """The entry, or None for anything that is not exactly an entry of this key and environment."""
    try:
        found = json.loads(data)
        if not (isinstance(found, dict) and found.get("format") == ENTRY_FORMAT
                and found.get("environment") == environment and found.get("key") == key):
            return None
        content, title, anchors, links = found["content"], found["title"], found["anchor_ids"], found["links_to_anchors"]
        log = tuple((str(name), int(level), str(message)) for name, level, message in found["log"])
        if not (isinstance(content, str) and (title is None or isinstance(title, str))
                and isinstance(anchors, list) and all(isinstance(anchor, str) for anchor in anchors)
                and isinstance(links, dict) and all(isinstance(v, dict) for v in links.values())):
            return None
        toc_classes = (getattr(toc_module, "TableOfContents", TableOfContents), getattr(toc_module, "AnchorLink", AnchorLink))
        toc = toc_classes[0](_toc_from_data(found["toc"], toc_classes[1]))
        return Rendered(key, content, toc, title, frozenset(anchors),
                        links, log)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _module_version(name: str) -> str:
    """The version a top-level module tells, '' for one that does not import (Python-Markdown's
    own short extension names such as 'toc')."""
    try:
        module = importlib.import_module(name)
    except Exception:  # noqa: BLE001 - any failure only means "not a module of its own"
        return ""
    version = getattr(module, "__version__", None)
    if not isinstance(version, str):
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "?"
    return version


def engine_of(config) -> str:
    """The package that runs the build: `mkdocs`, or a fork such as `properdocs` (whose config,
    pages and tables of contents are its own classes, even with MkDocs installed beside it)."""
    return type(config).__module__.split(".")[0] or "mkdocs"


def environment(config) -> str:
    """Who converts: the engine (MkDocs or a fork), Python-Markdown and the packages of the
    configured extensions, with their versions, and this package's version."""
    engine = engine_of(config)
    modules = {engine, "markdown"} | {str(ext).split(".")[0] for ext in config["markdown_extensions"]}
    parts = [f"trainersite={__version__}", f"python={sys.version_info[0]}.{sys.version_info[1]}",
             f"engine={engine}"]
    parts += [f"{module}={version}" for module in sorted(modules) if (version := _module_version(module))]
    return " ".join(parts)


def _snippets_config(config) -> dict | None:
    """The pymdownx.snippets settings, if that extension is on."""
    for ext in config["markdown_extensions"]:
        if str(ext) == "pymdownx.snippets":
            return dict(config["mdx_configs"].get("pymdownx.snippets") or {})
    return None


class RenderCache:
    """Rendered posts on disk, one JSON file per content hash; `folder=None` keeps nothing.

    `memory` (kept by the plugin across `mkdocs serve` rebuilds) holds the last build's results,
    so a rebuild does not read them back from disk.
    """

    def __init__(self, folder: Path | None, config, files: Files, memory: dict[str, Rendered] | None = None):
        self.folder = folder
        self.memory = memory
        self._writer: tuple[int, ThreadPoolExecutor] | None = None  # (process id, thread)
        self.environment = environment(config)
        try:  # tables of contents come back as the engine's own classes
            self.toc_module = importlib.import_module(f"{engine_of(config)}.structure.toc")
        except ImportError:
            self.toc_module = None
        snippets = _snippets_config(config)
        # Snippet files are read while converting and are not part of the key: pages that use
        # them are converted every time; with auto_append every page uses them.
        self.snippets = snippets is not None
        self.off = snippets is not None and bool(snippets.get("auto_append"))
        settings = {
            "environment": self.environment,
            "extensions": [str(ext) for ext in config["markdown_extensions"]],
            "mdx": config["mdx_configs"],
            "directory_urls": config["use_directory_urls"],
            "validation": str(config["validation"]),
            "files": sorted(file.src_uri for file in files),
        }
        self.settings_hash = hashlib.sha256(json.dumps(settings, sort_keys=True, default=str).encode()).hexdigest()

    def key(self, markdown: str, src_uri: str) -> str:
        digest = hashlib.sha256(self.settings_hash.encode())
        digest.update(src_uri.encode())
        digest.update(b"\0")
        digest.update(markdown.encode())
        return digest.hexdigest()

    def cacheable(self, markdown: str) -> bool:
        """False when the result depends on more than the key: files included with snippets."""
        return not (self.off or (self.snippets and SNIPPET_MARKER in markdown))

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def load(self, key: str) -> Rendered | None:
        if self.memory is not None and key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return None
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        found = _from_json(data, key, self.environment, self.toc_module)
        if found is not None and self.memory is not None:
            self.memory[key] = found
        return found

    def prune(self, keep: set[str]) -> None:
        """Delete the entries not in `keep` (the ones this build used), so the folder doesn't grow.
        Files of older formats (pickles) and leftovers go too. Only the entries' own folders (two
        hex digits) are touched: the folder is shared (trainersite-media keeps cards/ and images/)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for entry in self.folder.glob("[0-9a-f][0-9a-f]/*"):
            if not (entry.suffix == ".json" and entry.stem in keep) and entry.is_file():
                entry.unlink(missing_ok=True)

    def forget(self, keep: set[str]) -> None:
        """Drop from memory what this build did not use."""
        if self.memory is not None:
            for key in [key for key in self.memory if key not in keep]:
                del self.memory[key]

    def store(self, rendered: Rendered) -> None:
        if self.memory is not None:
            self.memory[rendered.key] = rendered
        if self.folder is None:
            return
        # A thread writes the file: on a slow disk, converting goes on meanwhile.
        if self._writer is None or self._writer[0] != os.getpid():  # a forked worker starts its own
            self._writer = (os.getpid(), ThreadPoolExecutor(max_workers=1))
        data = _to_json(rendered, self.environment)
        self._writer[1].submit(self._write, self._path(rendered.key), data)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)  # atomic: a reader never sees half an entry
        except OSError:
            pass  # a read-only or full disk only costs speed

    def flush(self) -> None:
        """Wait until every stored entry is on disk (before forking, pruning or ending)."""
        if self._writer is not None and self._writer[0] == os.getpid():
            self._writer[1].shutdown(wait=True)
        self._writer = None


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.name, record.levelno, record.getMessage()))


def render_page(page: Page, config, files: Files, cache: RenderCache, silent: bool) -> tuple[Rendered, bool]:
    """`Page.render` through the cache: the result, and whether its log messages still need telling.

    Log records are kept with the result. `silent` (in a worker) keeps them from being printed
    there: the main process replays them, as it does for results from the cache.
    """
    key = cache.key(page.markdown or "", page.file.src_uri)
    if not cache.cacheable(page.markdown or ""):
        return convert(page, config, files, key, silent), silent
    rendered = cache.load(key)
    if rendered is not None:
        return rendered, True
    rendered = convert(page, config, files, key, silent)
    cache.store(rendered)
    return rendered, silent


def convert(page: Page, config, files: Files, key: str, silent: bool) -> Rendered:
    """`Page.render`, and what it left on the page as a result, its log messages included."""
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    saved = (mkdocs_log.handlers[:], mkdocs_log.propagate)
    if silent:
        mkdocs_log.handlers[:] = [collect]
        mkdocs_log.propagate = False
    else:
        mkdocs_log.addHandler(collect)
    try:
        Page.render(page, config, files)
    finally:
        mkdocs_log.handlers[:], mkdocs_log.propagate = saved
    links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
    return Rendered(key, page.content, page.toc, page._title_from_render,
                    frozenset(page.present_anchor_ids or ()), links, tuple(collect.records))


def apply(rendered: Rendered, page: Page, files: Files) -> None:
    """Leave on `page` what `Page.render` would have left: the result of an earlier conversion."""
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(rendered.anchor_ids)
    if _pages_log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = {
            files.get_file_from_path(uri): anchors for uri, anchors in rendered.links_to_anchors.items()
        }


def _render_chunk(src_uris: Sequence[str]) -> dict[str, Rendered]:
    """Convert some post pages exactly as MkDocs' `_populate_page` would (in a worker)."""
    config, files, cache = job()
    results: dict[str, Rendered] = {}
    for src_uri in src_uris:
        page = Page(None, files.get_file_from_path(src_uri), config)
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        results[src_uri] = render_page(page, config, files, cache, silent=True)[0]
    cache.flush()  # the pool may be ended as soon as the last result is in
    return results


class Prerender:
    """Post conversion shared between MkDocs' own loop and forked workers.

    MkDocs walks the pages in order; the workers take the last posts of that order and convert
    them while the main process converts the first ones itself, so both cores are busy.
    """

    def __init__(self, src_uris: Sequence[str], config, files: Files, cache: RenderCache, workers: int):
        self.cache = cache
        self.used: set[str] = set()  # cache keys of this build's results
        self.pending: dict[str, object] = {}  # src_uri -> AsyncResult of its chunk
        self.pool = None
        # What an empty page converts to, learnt from the first one: None until then, False
        # when it was something after all (see EmptyPageRender).
        self.empty_result: Rendered | None | bool = None
        helpers = workers - 1  # the main process is one of the workers
        if helpers < 1 or len(src_uris) < 40 or not can_fork():
            return
        # The main process also reads, hashes and stores what it converts; a bit more than an
        # even share for the workers keeps both sides busy until the hand-over (measured by bench).
        share = min(len(src_uris), int(len(src_uris) * helpers / workers * 1.1))
        handed = list(src_uris[len(src_uris) - share:])
        # Consecutive chunks, in the order MkDocs will ask for them: the first is ready first.
        size = -(-len(handed) // (helpers * 4))
        chunks = [handed[start:start + size] for start in range(0, len(handed), size)]
        gc.collect()
        self.pool, self.pending = start_forked(_render_chunk, chunks, helpers, (config, files, cache))

    def stand_in(self, page: Page) -> PrerenderedRender:
        return PrerenderedRender(page, self)

    @property
    def empty_converts_to_nothing(self) -> bool | None:
        return None if self.empty_result is None else self.empty_result is not False

    def empty_stand_in(self, page: Page) -> EmptyPageRender:
        return EmptyPageRender(page, self)

    def result_for(self, page: Page, config, files: Files) -> tuple[Rendered, bool]:
        """The page's result and whether its log messages must be replayed here."""
        pending = self.pending.pop(page.file.src_uri, None)
        if pending is not None:
            found = pending.get()[page.file.src_uri], True
        else:
            found = render_page(page, config, files, self.cache, silent=False)
        self.used.add(found[0].key)
        return found

    def close(self, prune: bool = False) -> None:
        """Stop the workers; `prune` also drops cache entries this build did not use."""
        self.cache.flush()
        if prune:
            self.cache.prune(self.used)
        self.cache.forget(self.used)
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


class PrerenderedRender:
    """Stands in for one post page's `render`: the worker's or cached result, if the Markdown matches."""

    def __init__(self, page: Page, prerender: Prerender):
        self.page, self.prerender = page, prerender

    def __call__(self, config, files: Files) -> None:
        page = self.page
        del page.render  # back to the normal method for any later call
        if page.markdown is None:
            return Page.render(page, config, files)
        rendered, replay = self.prerender.result_for(page, config, files)
        if rendered.key != self.prerender.cache.key(page.markdown, page.file.src_uri):
            return Page.render(page, config, files)  # a plugin changed it since: convert as usual
        if replay:
            for name, level, message in rendered.log:
                logging.getLogger(name).log(level, message)
        apply(rendered, page, files)
        return None


class EmptyPageRender:
    """Stands in for `render` of a page without Markdown of its own (the blog's listing pages).

    MkDocs sets up a new Markdown converter for every page (about a millisecond), also to convert
    nothing, for which Python-Markdown returns '' before any extension runs. The first empty page
    of a build is still converted for real; when that gives no HTML, no headings, no links and no
    messages, the other empty pages get the same empty result.
    """

    def __init__(self, page: Page, prerender: Prerender):
        self.page, self.prerender = page, prerender

    def __call__(self, config, files: Files) -> None:
        page = self.page
        del page.render  # back to the normal method for any later call
        known = self.prerender.empty_result
        if page.markdown != "" or known is False:
            return Page.render(page, config, files)
        if known is None:
            rendered = convert(page, config, files, key="", silent=False)
            nothing = (rendered.content == "" and not list(rendered.toc) and rendered.title is None
                       and not rendered.anchor_ids and not rendered.links_to_anchors and not rendered.log)
            self.prerender.empty_result = rendered if nothing else False
            return None
        apply(known, page, files)
        return None
