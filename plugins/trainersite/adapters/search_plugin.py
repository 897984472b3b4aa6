"""MkDocs adapter for site search (Pagefind).

Each page hands its own content to the search core as one record (`on_page_context`, after the
blog and course plugins have said what the page is); once the site is written, the core starts the
Pagefind binary over those records (`on_post_build`, first) and the build waits for it only after the
delivery pass (-110): the media and feeds plugins' work and the delivery pass run meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from ..search import THEME_SEARCH_FILES, IndexJob, SearchIndexError, SearchRecord, make_record
from ..search.labels import search_labels

log = get_plugin_logger(__name__)


class TrainerSearchConfig(base.Config):
    enabled = c.Type(bool, default=True)


class TrainerSearchPlugin(BasePlugin[TrainerSearchConfig]):
    def __init__(self) -> None:
        super().__init__()
        # Pagefind running in the background during on_post_build. Set here, not in on_config:
        # on_build_error also runs when another plugin's on_config failed first.
        self.job: IndexJob | None = None

    def on_config(self, config):
        self.language = str(config.theme.get("language") or "en").split("-")[0].split("_")[0].lower()
        self.records: dict[str, SearchRecord] = {}
        return config

    def on_pre_build(self, *, config) -> None:
        self.records = {}  # `mkdocs serve` keeps the plugin: every build indexes anew

    def on_files(self, files, *, config):
        if self.config.enabled:  # the theme's own search files are not used (search/index.py)
            for file in [file for file in files if _theme_search_file(file, config)]:
                files.remove(file)
        return files

    def on_env(self, env, *, config, files):
        env.globals["search_labels"] = search_labels(self.language)
        return env

    def on_page_context(self, context, *, page, config, nav):
        if self.config.enabled:
            record = page_record(page, context)
            if record is not None:
                self.records[record.url] = record
        return context

    @event_priority(100)  # first: every page has given its record; the cards and feeds are written meanwhile
    def _start_index(self, *, config) -> None:
        if self.config.enabled:
            try:
                self.job = IndexJob(self.records.values(), Path(config.site_dir), self.language)
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    @event_priority(-110)  # trainersite-delivery's page pass (-100) ran meanwhile; its copies (-120) follow
    def _finish_index(self, *, config) -> None:
        job, self.job = self.job, None
        if job is not None:
            try:
                stats = job.finish()
            except SearchIndexError as error:
                raise PluginError(str(error)) from None
            log.debug("search index: %d pages, %d files, %d bytes", stats.records, stats.files, stats.bytes)

    on_post_build = CombinedEvent(_start_index, _finish_index)

    def on_build_error(self, *, error) -> None:
        job, self.job = self.job, None
        if job is not None:  # a later step failed: no pagefind left running
            job.cancel()


def _theme_search_file(file, config) -> bool:
    """A file of the theme's own search (not one of the site's files that happens to share its name)."""
    if not file.src_uri.startswith(THEME_SEARCH_FILES) or not file.abs_src_path:
        return False
    source = Path(file.abs_src_path).resolve()
    return any(Path(folder).resolve() in source.parents for folder in config.theme.dirs)


def page_record(page, context) -> SearchRecord | None:
    """What one page adds to the index, or None for pages kept out (listings, `search: exclude`)."""
    search_meta = page.meta.get("search")
    if isinstance(search_meta, dict) and search_meta.get("exclude"):
        return None
    post, course = context.get("post"), context.get("course")
    html = page.content or ""
    if isinstance(post, dict):
        names = [category["name"] for category in post.get("categories", [])]
        return make_record(page.url, post["title"], html, "blog", date=post.get("date_text", ""),
                           sort_date=post.get("date", ""), categories=names)
    if isinstance(course, dict):
        upcoming = course.get("next_session") or {}
        return make_record(page.url, course["title"], html, "training", date=upcoming.get("text", ""),
                           sort_date=upcoming.get("date", ""), categories=course.get("categories", []))
    title = page.meta.get("title") or page.title or context.get("config", {}).get("site_name", "")
    return make_record(page.url, str(title), html, "page")
