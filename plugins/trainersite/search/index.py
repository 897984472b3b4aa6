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

from .records import SearchRecord

# Where the index goes inside the site; the search script loads `<root>/pagefind/pagefind.js`.
FOLDER = "pagefind"
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


def write_index(records: Iterable[SearchRecord], site_dir: Path, language: str) -> IndexStats:
    """Index `records` into `<site_dir>/pagefind/` (replacing what an earlier build left there)."""
    records = list(records)
    output = Path(site_dir).resolve() / FOLDER
    binary = executable()
    with tempfile.TemporaryDirectory(prefix="trainersite-search-") as scratch:
        for record in records:
            target = Path(scratch) / record.url.strip("/") / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(record_document(record, language), encoding="utf-8")
        if output.is_dir():
            shutil.rmtree(output)
        done = subprocess.run(
            [str(binary), "--site", scratch, "--output-path", str(output), "--force-language", language, "--silent"],
            capture_output=True, text=True, stdin=subprocess.DEVNULL,
        )
    if done.returncode != 0:
        detail = " ".join((done.stderr or done.stdout).split())[:300]
        raise SearchIndexError(f"search index: pagefind exited with {done.returncode}: {detail}")
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    files = [path for path in output.rglob("*") if path.is_file()]
    return IndexStats(records=len(records), files=len(files), bytes=sum(path.stat().st_size for path in files))
