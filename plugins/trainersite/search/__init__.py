"""Site search: what each page contributes to the index, and the Pagefind index built from it.

Never imports mkdocs: the search adapter (adapters/search_plugin.py) hands pages in as records and
starts an `IndexJob` once the site is written (Pagefind runs in the background), waiting for it
later; `write_index` does both at once.
"""

from .index import THEME_SEARCH_FILES, IndexJob, SearchIndexError, write_index
from .records import KINDS, SearchRecord, make_record

__all__ = ["KINDS", "THEME_SEARCH_FILES", "IndexJob", "SearchIndexError", "SearchRecord", "make_record", "write_index"]
