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

The cache folder (default `.cache/trainersite/`) is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import __version__

_pages_log = logging.getLogger("mkdocs.structure.pages")


@dataclass(frozen=True)
class Rendered:
    """What `Page.render` leaves on a page, in a form that pickles."""

    key: str
    content: str
    toc: object
    title: str | None
    anchor_ids: frozenset
    links_to_anchors: dict  # target src_uri -> {anchor: original link}
    log: tuple  # (logger name, level, message) emitted while converting


class RenderCache:
    """Rendered posts on disk, one pickle per content hash; `folder=None` keeps nothing."""

    def __init__(self, folder: Path | None, config, files: Files):
        self.folder = folder
        settings = {
            "version": __version__,
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

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> Rendered | None:
        if self.folder is None:
            return None
        try:
            with open(self._path(key), "rb") as handle:
                found = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
            return None
        return found if isinstance(found, Rendered) and found.key == key else None

    def store(self, rendered: Rendered) -> None:
        if self.folder is None:
            return
        path = self._path(rendered.key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(rendered, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(temporary, path)  # atomic: a reader never sees half an entry
        except OSError:
            pass  # a read-only or full disk only costs speed


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.records.append((record.name, record.levelno, record.getMessage()))


# Set just before forking; the workers inherit it (fork start method), nothing is pickled in.
_JOB: tuple | None = None


def _render_chunk(src_uris: Sequence[str]) -> dict[str, Rendered]:
    """Convert some post pages exactly as MkDocs' `_populate_page` would (in a worker)."""
    assert _JOB is not None
    config, files, cache, capture_logs = _JOB
    collect = _Collect()
    mkdocs_log = logging.getLogger("mkdocs")
    saved = (mkdocs_log.handlers[:], mkdocs_log.propagate)
    if capture_logs:
        mkdocs_log.handlers[:] = [collect]
        mkdocs_log.propagate = False
    results: dict[str, Rendered] = {}
    try:
        for src_uri in src_uris:
            file = files.get_file_from_path(src_uri)
            page = Page(None, file, config)
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            key = cache.key(page.markdown, src_uri)
            rendered = cache.load(key)
            if rendered is None:
                collect.records.clear()
                Page.render(page, config, files)
                links = {target.src_uri: anchors for target, anchors in (page.links_to_anchors or {}).items()}
                rendered = Rendered(key, page.content, page.toc, page._title_from_render,
                                    frozenset(page.present_anchor_ids or ()), links, tuple(collect.records))
                cache.store(rendered)
            results[src_uri] = rendered
    finally:
        if capture_logs:
            mkdocs_log.handlers[:], mkdocs_log.propagate = saved
    return results


def prerender_posts(src_uris: Sequence[str], config, files: Files, cache: RenderCache, workers: int) -> dict[str, Rendered]:
    """Rendered results for the given post pages, converted on `workers` processes."""
    global _JOB
    if not src_uris:
        return {}
    workers = max(1, min(workers, len(src_uris) // 20 or 1))
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        _JOB = (config, files, cache, True)
        try:
            return _render_chunk(src_uris)
        finally:
            _JOB = None
    chunks = [list(src_uris[start::workers * 4]) for start in range(workers * 4)]  # interleaved: even load
    _JOB = (config, files, cache, True)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results: dict[str, Rendered] = {}
            for part in pool.imap_unordered(_render_chunk, chunks):
                results.update(part)
            return results
    finally:
        _JOB = None


class PrerenderedRender:
    """Stands in for one page's `render`: uses the prepared result if the Markdown matches."""

    def __init__(self, page: Page, rendered: Rendered, cache: RenderCache):
        self.page, self.rendered, self.cache = page, rendered, cache

    def __call__(self, config, files: Files) -> None:
        page, rendered = self.page, self.rendered
        del page.render  # back to the normal method for any later call
        if page.markdown is None or self.cache.key(page.markdown, page.file.src_uri) != rendered.key:
            return Page.render(page, config, files)
        for name, level, message in rendered.log:
            logging.getLogger(name).log(level, message)
        page.content = rendered.content
        page.toc = rendered.toc
        page._title_from_render = rendered.title
        page.present_anchor_ids = set(rendered.anchor_ids)
        if _pages_log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {
                files.get_file_from_path(uri): anchors for uri, anchors in rendered.links_to_anchors.items()
            }
        return None
