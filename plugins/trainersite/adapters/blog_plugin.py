"""MkDocs adapter for the blog: reads posts/, adds post and listing pages, hands data to templates.

All knowledge of posts lives in the core modules; this class only connects them to MkDocs events.
"""

from __future__ import annotations

import os
from functools import partial
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files

from ..core.dates import zone
from ..core.errors import ContentError
from ..core.i18n import labels_for, site_locale
from ..blog.listing import build_blog
from ..blog.models import Post
from ..blog.aliases import redirect_html
from ..blog.images import body_image_warnings
from ..blog.extras import build_post_extras
from ..blog.views import CategoryIndexPage, HomePage, ListingView, PostPage, RenderedPost, TagIndexPage, View
from ..blog.posts import ReadSettings, check_unique_slugs, empty_post_warnings, parse_authors, post_files, read_post
from ..blog.spelling import spelling_warnings
from ..blog.taxonomy import author_slugs, build_taxonomy
from ..core.messages import translate
from ..core.problem_page import key_line
from . import problems
from .speed import Speed
from ..core.urls import UrlScheme, absolute_url, src_uri_for
from .shared import set_head, set_layout, site_model
from ..core.output_paths import Owner
from .outputs import add_generated, check_images, site_has
from .templates import prepare_own_templates

log = get_plugin_logger(__name__)


class TrainerBlogConfig(base.Config):
    posts_dir = c.Type(str, default="posts")
    per_page = c.Type(int, default=10)
    home_latest = c.Type(int, default=5)
    timezone = c.Type(str, default="Europe/Amsterdam")
    words_per_minute = c.Type(int, default=200)
    authors = c.Type(dict, default={})
    default_author = c.Type(str, default="")
    blog_url = c.Type(str, default="blog/")
    post_url = c.Type(str, default="blog/{slug}/")
    page_url = c.Type(str, default="pagina/{page}/")
    category_index_url = c.Type(str, default="blog/categorie/")
    category_url = c.Type(str, default="blog/categorie/{slug}/")
    archive_url = c.Type(str, default="blog/archief/{year}/")
    tag_index_url = c.Type(str, default="blog/tag/")
    tag_url = c.Type(str, default="blog/tag/{slug}/")
    tag_feeds = c.Type(bool, default=False)  # a feed per tag, beside the one per category
    author_url = c.Type(str, default="blog/auteur/{key}/")
    render_cache = c.Type(str, default=".cache/trainersite")  # "" turns the cache off
    render_workers = c.Type(int, default=0)  # processes converting posts; 0: one per core


class TrainerBlogPlugin(BasePlugin[TrainerBlogConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self._parsed: dict[Path, tuple[tuple, Post]] = {}  # file -> (mtime, size, settings), post
        self.site = None  # this build's SiteModel (core/site_model.py), shared with the other plugins
        self.rendered: dict[str, RenderedPost] = {}
        self.rendered_before: dict[str, RenderedPost] = {}  # the last build's, for serve rebuilds
        self.views: dict[str, View] = {}  # by source path: what each generated page shows (blog/views.py)
        self.speed = Speed()  # the optional speed layer (adapters/speed): one call per hook

    # -- configuration ---------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts and scheduled posts are previewed by `mkdocs serve` only.
        self.serving = command == "serve"
        self.speed.startup(command)

    def on_config(self, config):
        problems.start_build()  # problems are recorded from on_pre_build on, after every on_config
        self.locale = site_locale(config)
        try:
            self._check_options(config)
            return self._configure(config)
        except ContentError as err:
            raise problems.fatal(err, self.locale) from None

    def _check_options(self, config) -> None:
        cfg = self.config
        for option in ("per_page", "words_per_minute"):
            if cfg[option] < 1:
                raise ContentError("mkdocs.yml", f"trainersite-blog.{option}", "a whole number of at least 1")
        if cfg.home_latest < 0:
            raise ContentError("mkdocs.yml", "trainersite-blog.home_latest", "a whole number of at least 0", cfg.home_latest)
        if cfg.render_workers < 0:
            raise ContentError("mkdocs.yml", "trainersite-blog.render_workers", "0 (one per core) or more")
        if not config.site_url:
            raise ContentError("mkdocs.yml", "site_url", "the site's address, e.g. https://www.example.nl/")

    def _configure(self, config):
        cfg = self.config
        default_author = cfg.default_author or next(iter(cfg.authors), "")
        self.authors = parse_authors(cfg.authors, default_author)
        author_slugs(self.authors)  # each author's page address: two keys may not share one
        tz = zone(cfg.timezone)
        self.urls = UrlScheme(
            blog=cfg.blog_url,
            post=cfg.post_url,
            page=cfg.page_url,
            category_index=cfg.category_index_url,
            category=cfg.category_url,
            archive=cfg.archive_url,
            tag_index=cfg.tag_index_url,
            tag=cfg.tag_url,
            author=cfg.author_url,
        )
        self.labels = labels_for(self.locale)
        self.settings = ReadSettings(
            authors=self.authors,
            default_author=default_author,
            tz=tz,
            locale=self.locale,
            urls=self.urls,
            site_id=urlsplit(config.site_url).hostname or "localhost",
        )
        root = Path(config.config_file_path or ".").parent
        self.posts_dir = root / cfg.posts_dir
        self.speed.configure(root / cfg.render_cache if cfg.render_cache else None, cfg.render_workers)
        self.home = HomePage(cfg.home_latest)
        self.site = site_model(config)
        self.site.urls, self.site.labels, self.site.locale, self.site.tz = self.urls, self.labels, self.locale, tz
        return config

    # -- reading: before MkDocs cleans site/, so bad input leaves the last output alone ----------

    def on_pre_build(self, *, config) -> None:
        self.rendered_before, self.rendered = self.rendered, {}
        self.site = site = site_model(config)
        site.rendered = self.rendered
        self.speed.pre_build(config)
        # Every file's problem is collected (a build lists them all); `mkdocs serve` shows them in
        # the browser and previews the rest (adapters/problems.py).
        found: list[ContentError] = []
        posts = []
        for path in post_files(self.posts_dir):  # hidden editor files (.#x.md, ._x.md) left out
            try:
                posts.append(self._read(path))
            except ContentError as err:
                if err.line is None and path.is_file():  # the line of the key, for the preview's problem page
                    err.line = key_line(path.read_text(encoding="utf-8", errors="replace"), err.key)
                found.append(err)
        posts = [post for post in posts if self.serving or post.is_published]
        _, posts = problems.drop_failing(check_unique_slugs, posts, found)
        for warning in empty_post_warnings(posts):
            log.warning(warning.message(self.locale))  # --strict (and so deploy) stops here
        site.blog = build_blog(posts, self.urls, self.config.per_page, self.labels)
        site.extras, kept = problems.drop_failing(build_post_extras, list(site.blog.posts), found)
        taxonomy = partial(build_taxonomy, authors=self.authors, urls=self.urls, per_page=self.config.per_page,
                           labels=self.labels, tag_feeds=self.config.tag_feeds)
        site.taxonomy, kept = problems.drop_failing(taxonomy, kept, found)
        if len(kept) < len(site.blog.posts):  # a bad video, alias or tag left a post out
            site.blog = build_blog(kept, self.urls, self.config.per_page, self.labels)
            site.extras = build_post_extras(site.blog.posts)
            site.taxonomy = taxonomy(site.blog.posts)
        problems.settle(found, self.serving, self.locale)
        for warning in spelling_warnings(posts):
            log.warning(translate(warning, self.locale))

    def _read(self, path: Path) -> Post:
        """A post, parsed again only when its file (or the settings) changed since the last build.

        `mkdocs serve` keeps this plugin between rebuilds; reading 1,000 unchanged posts again
        would be most of a rebuild's own work.
        """
        source = os.path.relpath(path, self.posts_dir.parent).replace(os.sep, "/")
        try:
            stat = path.stat()
        except OSError:  # a link to nothing: read_post says so in one line
            return read_post(path, source, self.settings)
        stamp = (stat.st_mtime_ns, stat.st_size, self.settings)
        known = self._parsed.get(path)
        if known is not None and known[0] == stamp:
            post = known[1]
            return replace(post, scheduled=post.date > (self.settings.now or datetime.now(self.settings.tz)))
        post = read_post(path, source, self.settings)
        self._parsed[path] = (stamp, post)
        return post

    # -- pages -------------------------------------------------------------------------------

    def _add_pages(self, files: Files, *, config) -> Files:
        blog = self.site.blog
        self.views = {}
        try:
            for warning in check_images(blog.posts, self.authors, site_has(files), urlsplit(config.site_url).hostname):
                log.warning(warning.message(self.locale))
        except ContentError as err:
            raise problems.fatal(err, self.locale) from None
        # Listings first: a post whose slug lands on one is the post's fault, and its message says so.
        for listing in (*blog.listing_pages(), *self.site.taxonomy.listing_pages()):
            owner = Owner("mkdocs.yml", f"trainersite-blog.{listing.kind}_url", f"the blog's {listing.kind} page")
            self._add(files, config, listing.url, "", ListingView(listing), owner)
        self._add(files, config, blog.category_index_url, "", CategoryIndexPage(),
                  Owner("mkdocs.yml", "trainersite-blog.category_index_url", "the category overview"))
        self._add(files, config, self.site.taxonomy.tag_index_url, "", TagIndexPage(),
                  Owner("mkdocs.yml", "trainersite-blog.tag_index_url", "the tag overview"))
        for post in blog.posts:
            self._add(files, config, post.url, post.body, PostPage(post), Owner(post.source, "slug", f"the post {post.source}"))
        return files

    @event_priority(-100)  # last: every plugin has added its pages, so no address is missed
    def _add_redirects(self, files: Files, *, config) -> Files:
        """One static page per old address (`aliases:`); an address that is taken is fatal."""
        for redirect in self.site.extras.redirects:
            canonical = absolute_url(config.site_url, redirect.target)
            html = redirect_html(redirect, canonical, self.locale.split("_")[0], self.labels["moved_to"])
            try:  # claimed: one writer per output path (core/output_paths.py)
                add_generated(files, config, redirect.file_path, html, Owner(redirect.source, "aliases", f"an old address of {redirect.source}"))
            except ContentError as err:
                problems.settle([err], self.serving, self.locale)
                return files  # serve: the preview shows the problem instead of the site
        return files

    on_files = CombinedEvent(_add_pages, _add_redirects)

    def _add(self, files: Files, config, url: str, content: str, view: View, owner: Owner) -> None:
        src_uri = src_uri_for(url)
        try:  # claimed: one writer per output path (core/output_paths.py)
            add_generated(files, config, src_uri, content, owner)
        except ContentError as err:
            raise problems.fatal(err, self.locale) from None
        self.views[src_uri] = view

    def on_pre_page(self, page, *, config, files):
        # Before the first page: start converting posts on the other cores (see speed/prerender.py).
        view = self.views.get(page.file.src_uri)
        self.speed.pre_page(page, config, files, view and view.has_markdown, self._post_pages)
        return page

    def _post_pages(self) -> list[str]:
        return [uri for uri, view in self.views.items() if view.has_markdown]

    def on_post_build(self, *, config) -> None:
        self.speed.post_build()
        if self.serving and problems.recorded():  # the preview shows what to fix (adapters/problems.py)
            problems.write_problem_pages(config.site_dir, problems.recorded(), self.locale, config.site_name)

    def on_build_error(self, *, error) -> None:
        self.speed.build_error()

    def _view(self, page) -> View | None:
        """The view of a page the blog generated, or of the home page."""
        return self.views.get(page.file.src_uri) or (self.home if page.is_homepage else None)

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if (view := self._view(page)) is not None:
            set_head(page, view.title(self.labels), view.meta)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        view = self._view(page)
        set_layout(page, self.site, isinstance(view, PostPage))
        if view is not None:
            page.meta.update(view.rendered(html, self.site, self.rendered_before, self.config.words_per_minute))
            if isinstance(view, PostPage):
                for warning in body_image_warnings(view.post, html, urlsplit(config.site_url).hostname):
                    log.warning(warning.message(self.locale))
        return html

    # -- template context --------------------------------------------------------------------

    def _set_globals(self, env, *, config, files):
        prepare_own_templates(env, config)
        env.globals["blog_labels"] = self.labels
        env.globals["blog_urls"] = self.urls
        # Only what the templates show: a page's output key (page_output.py) holds every value here.
        blog = self.site.blog if self.site else None
        env.globals["blog_archive"] = [{"year": year.year, "url": year.url} for year in blog.archive] if blog else []
        return env

    @event_priority(-100)  # last: what a page renders from must be complete (every plugin's globals)
    def _supply_page_renders(self, env, *, config, files):
        """Pages MkDocs need not render itself: unchanged ones in `mkdocs serve` (preview.py),
        the last ones of `mkdocs build` from forked workers (page_workers.py)."""
        self.speed.env(env, config, files)
        return env

    on_env = CombinedEvent(_set_globals, _supply_page_renders)

    @event_priority(-100)  # last: the navigation every plugin agreed on
    def on_nav(self, nav, *, config, files):
        self.speed.nav_ready(nav)
        return nav

    def on_page_context(self, context, *, page, config, nav):
        if (view := self._view(page)) is not None:
            context.update(view.context(self.site, page.url))
        # Every page the blog generated (posts, listings, categories, tags, authors) lights the Blog tab.
        if page.file.src_uri in self.views:
            context["section_tab"] = self.urls.blog
        return context

    # -- preview -----------------------------------------------------------------------------

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.posts_dir))
        problems.keep_serving(server, builder, self.locale, config.site_name)
        return server

