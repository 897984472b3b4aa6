"""The Pagefind index of the written site: a chunked index the browser loads piece by piece.

The binary comes with the `pagefind[bin]` package; nothing is downloaded. Each record becomes a
small HTML document in a scratch folder (its content, with the title, kind, date and categories
as Pagefind metadata and filters), and the binary indexes that folder into `<site>/pagefind/`.
So no page of the site needs search markup, the index holds only each page's own content (not
the header, navigation or footer around it), and headings keep their weight in the ranking.
(Pagefind's Python API would avoid the scratch folder, but it waits 0.1 s per record.)
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Iterable

from ..core.scratch import memory_folder
from .records import SearchRecord

# Where the index goes inside the site; the search script loads `<root>/pagefind/pagefind.js`.
FOLDER = "pagefind"
# mkdocs-material's own search (its worker and the lunr files, about 1.2 MB) starts only on a page with
# a form named "search", which no page of the site has: with Pagefind in its place they are not published.
THEME_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
# Pagefind also writes ready-made UIs; the site has its own small one, so they are not published.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexError(Exception):
    """The index could not be built (the binary is missing or failed): one line, no traceback."""


@dataclass(frozen=True)
class IndexStats:
    records: int
    files: int
    bytes: int


def executable() -> Path:
    try:
        from pagefind_bin import get_executable
        return Path(get_executable())
    except Exception as error:  # noqa: BLE001 - ImportError or its own FileNotFoundError
        raise SearchIndexError(f"search index: the pagefind binary is missing ({error}); run scripts/install") from error


def record_document(record: SearchRecord, language: str) -> str:
    """The HTML Pagefind reads for one record: metadata and filters outside the indexed text."""
    tags = [f'<span data-pagefind-meta="title">{escape(record.title)}</span>',
            f'<span data-pagefind-meta="kind">{escape(record.kind)}</span>',
            f'<span data-pagefind-filter="kind">{escape(record.kind)}</span>']
    if record.date:
        tags.append(f'<span data-pagefind-meta="date">{escape(record.date)}</span>')
    if record.sort_date:
        tags.append(f'<span data-pagefind-sort="date">{escape(record.sort_date)}</span>')
    tags += [f'<span data-pagefind-filter="category">{escape(name)}</span>' for name in record.categories]
    return (f'<!doctype html><html lang="{escape(language)}"><head><meta charset="utf-8">'
            f"<title>{escape(record.title)}</title></head><body>"
            f'<div data-pagefind-ignore>{"".join(tags)}</div>'
            f"<main data-pagefind-body>{record.html}</main></body></html>")


class IndexJob:
    """Pagefind indexing in the background: started once the records are known, finished later.

    The binary runs in its own process on every core while the build goes on (the delivery pass
    rewrites the pages meanwhile; the index reads only the records, never the site's pages).
    """

    def __init__(self, records: Iterable[SearchRecord], site_dir: Path, language: str) -> None:
        self.records = list(records)
        self.output = Path(site_dir).resolve() / FOLDER
        binary = executable()
        # The records live seconds: in memory where there is some (see core/scratch.py).
        self._scratch = tempfile.TemporaryDirectory(prefix="trainersite-search-", dir=memory_folder())
        try:
            for record in self.records:
                target = Path(self._scratch.name) / record.url.strip("/") / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(record_document(record, language), encoding="utf-8")
            if self.output.is_dir():
                shutil.rmtree(self.output)
            self._process = subprocess.Popen(
                [str(binary), "--site", self._scratch.name, "--output-path", str(self.output),
                 "--force-language", language, "--silent"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
            )
        except BaseException:
            self._scratch.cleanup()
            raise

    def finish(self) -> IndexStats:
        """Wait for the binary; the index's size, or SearchIndexError with its complaint in one line."""
        try:
            stdout, stderr = self._process.communicate()
        finally:
            self._scratch.cleanup()
        if self._process.returncode != 0:
            detail = " ".join((stderr or stdout).split())[:300]
            raise SearchIndexError(f"search index: pagefind exited with {self._process.returncode}: {detail}")
        for name in _UNUSED:
            (self.output / name).unlink(missing_ok=True)
        files = [path for path in self.output.rglob("*") if path.is_file()]
        return IndexStats(records=len(self.records), files=len(files), bytes=sum(path.stat().st_size for path in files))

    def cancel(self) -> None:
        """Stop the binary (the build failed elsewhere)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()
        self._scratch.cleanup()


def write_index(records: Iterable[SearchRecord], site_dir: Path, language: str) -> IndexStats:
    """Index `records` into `<site_dir>/pagefind/` (replacing what an earlier build left there)."""
    return IndexJob(records, site_dir, language).finish()
