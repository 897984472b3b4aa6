"""MkDocs adapter for the blog: reads posts/, adds post and listing pages, hands data to templates.

All knowledge of posts lives in the core modules; this class only connects them to MkDocs events.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core import html_tools as post_html
from ..core.dates import zone
from ..core.errors import ContentError
from ..core.i18n import labels_for, plural, site_locale
from ..blog.listing import Blog, ListingPage, build_blog
from ..blog.models import Post
from ..blog.aliases import check_free, redirect_html
from ..blog.extras import PostExtras, build_post_extras, post_extras_view
from ..blog.posts import ReadSettings, check_unique_slugs, parse_authors, read_post
from ..blog.taxonomy import Taxonomy, author_page_view, author_view, build_taxonomy, tag_links
from .speed.prerender import Prerender, RenderCache, in_worker
from .speed.page_workers import PageWorkers
from .speed.preview import PreviewShortcuts
from ..core.urls import UrlScheme, absolute_url, site_path, src_uri_for

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


@dataclass
class RenderedPost:
    """What is learnt from a post's HTML once MkDocs has rendered it."""

    html: str
    excerpt: str
    excerpt_text: str  # the excerpt as plain text: meta description, feed item description
    read_minutes: int
    made_from: tuple  # (html, summary, words per minute): equal inputs give an equal result

    @classmethod
    def learn(cls, html: str, summary: str | None, words_per_minute: int) -> RenderedPost:
        excerpt = post_html.excerpt(html, summary)
        return cls(
            html=html,
            excerpt=excerpt,
            excerpt_text=post_html.plain_text(excerpt),
            read_minutes=post_html.read_minutes(html, words_per_minute),
            made_from=(html, summary, words_per_minute),
        )


class TrainerBlogPlugin(BasePlugin[TrainerBlogConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self._parsed: dict[Path, tuple[tuple, Post]] = {}  # file -> (mtime, size, settings), post
        self.blog: Blog | None = None
        self.taxonomy: Taxonomy | None = None  # tag and author pages
        self.rendered: dict[str, RenderedPost] = {}
        self.rendered_before: dict[str, RenderedPost] = {}  # the last build's, for serve rebuilds
        self.pages_by_src: dict[str, Post | ListingPage] = {}
        self.extras: PostExtras | None = None  # video, related, neighbours, redirects
        self.prerender: Prerender | None = None  # set here too: a config error still reaches on_build_error
        self.page_workers = PageWorkers()
        self.nav = None
        # `mkdocs serve` only: what unchanged pages gave on the last rebuild (see preview.py).
        self.preview = PreviewShortcuts()
        self.rendered_in_memory: dict = {}  # the render cache's last results, kept between rebuilds

    # -- configuration ---------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Drafts and scheduled posts are previewed by `mkdocs serve` only.
        self.serving = command == "serve"

    def on_config(self, config):
        cfg = self.config
        for option in ("per_page", "words_per_minute"):
            if cfg[option] < 1:
                raise PluginError(f"mkdocs.yml: 'trainersite-blog.{option}': expected a whole number of at least 1")
        if cfg.render_workers < 0:
            raise PluginError("mkdocs.yml: 'trainersite-blog.render_workers': expected 0 (one per core) or more")
        if not config.site_url:
            raise PluginError("mkdocs.yml: 'site_url': expected the site's address, e.g. https://www.example.nl/")
        default_author = cfg.default_author or next(iter(cfg.authors), "")
        try:
            self.authors = parse_authors(cfg.authors, default_author)
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
        except ContentError as err:
            raise PluginError(str(err)) from None
        self.locale = site_locale(config)
        self.labels = labels_for(self.locale)
        self.settings = ReadSettings(
            authors=self.authors,
            default_author=default_author,
            tz=tz,
            locale=self.locale,
            urls=self.urls,
            site_id=urlsplit(config.site_url).hostname or "localhost",
        )
        self.posts_dir = Path(config.config_file_path or ".").parent / cfg.posts_dir
        return config

    # -- reading: before MkDocs cleans site/, so bad input leaves the last output alone ----------

    def on_pre_build(self, *, config) -> None:
        self.rendered_before, self.rendered = self.rendered, {}
        self.prerender: Prerender | None = None
        if self.serving:
            self.preview.pre_build(config)
        try:
            posts = [self._read(path) for path in sorted(self.posts_dir.glob("*.md"))]
            posts = [post for post in posts if self.serving or post.is_published]
            check_unique_slugs(posts)
            self.blog = build_blog(posts, self.urls, self.config.per_page, self.labels)
            self.extras = build_post_extras(self.blog.posts)
            self.taxonomy = build_taxonomy(
                self.blog.posts, self.authors, self.urls, self.config.per_page, self.labels, self.config.tag_feeds
            )
        except ContentError as err:
            raise PluginError(str(err)) from None

    def _read(self, path: Path) -> Post:
        """A post, parsed again only when its file (or the settings) changed since the last build.

        `mkdocs serve` keeps this plugin between rebuilds; reading 1,000 unchanged posts again
        would be most of a rebuild's own work.
        """
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size, self.settings)
        known = self._parsed.get(path)
        if known is not None and known[0] == stamp:
            post = known[1]
            return replace(post, scheduled=post.date > (self.settings.now or datetime.now(self.settings.tz)))
        source = os.path.relpath(path, self.posts_dir.parent).replace(os.sep, "/")
        post = read_post(path, source, self.settings)
        self._parsed[path] = (stamp, post)
        return post

    # -- pages -------------------------------------------------------------------------------

    def _add_pages(self, files: Files, *, config) -> Files:
        assert self.blog is not None
        self.pages_by_src = {}
        for post in self.blog.posts:
            self._add(files, config, post.url, post.body, post, post.source)
        for listing in (*self.blog.listing_pages(), *self.taxonomy.listing_pages()):
            self._add(files, config, listing.url, "", listing, "the blog")
        self._add(files, config, self.blog.category_index_url, "", "categories", "the blog")
        self._add(files, config, self.taxonomy.tag_index_url, "", "tags", "the blog")
        return files

    @event_priority(-100)  # last: every plugin has added its pages, so no address is missed
    def _add_redirects(self, files: Files, *, config) -> Files:
        """One static page per old address (`aliases:`); an address that is a real page is fatal."""
        taken = {file.url: f"the page docs/{file.src_uri}" for file in files if file.is_documentation_page()}
        taken.update((file.dest_uri, f"the file {file.src_uri}") for file in files if not file.is_documentation_page())
        try:
            check_free(self.extras.redirects, taken)
        except ContentError as err:
            raise PluginError(str(err)) from None
        for redirect in self.extras.redirects:
            canonical = absolute_url(config.site_url, redirect.target)
            html = redirect_html(redirect, canonical, self.locale.split("_")[0], self.labels["moved_to"])
            files.append(File.generated(config, redirect.file_path, content=html, inclusion=InclusionLevel.NOT_IN_NAV))
        return files

    on_files = CombinedEvent(_add_pages, _add_redirects)

    def _add(self, files: Files, config, url: str, content: str, item, origin: str) -> None:
        src_uri = src_uri_for(url)
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            raise PluginError(
                f"{origin}: 'url': expected a free address, but /{url} is also docs/{existing.src_uri}"
            )
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        self.pages_by_src[src_uri] = item

    def on_pre_page(self, page, *, config, files):
        # Before the first page: start converting posts on the other cores (see prerender.py).
        if in_worker():
            return page
        if self.prerender is None:
            memory = self.rendered_in_memory if self.serving else None
            cache = RenderCache(self._cache_folder(config), config, files, memory)
            posts = [uri for uri, item in self.pages_by_src.items() if isinstance(item, Post)]
            self.prerender = Prerender(posts, config, files, cache, self._workers())
        item = self.pages_by_src.get(page.file.src_uri)
        if isinstance(item, Post):
            page.render = self.prerender.stand_in(page)
        elif item is not None:  # a listing page: no Markdown of its own
            page.render = self.prerender.empty_stand_in(page)
        return page

    def on_post_build(self, *, config) -> None:
        # A published build holds every post: what it did not use is stale. (A preview, with
        # drafts, keeps the cache as it is.)
        if self.prerender is not None:
            self.prerender.close(prune=not self.serving)
        self.page_workers.close()
        if self.serving:
            self.preview.post_build()

    def on_build_error(self, *, error) -> None:
        if self.prerender is not None:
            self.prerender.close()
        self.page_workers.close()

    def _cache_folder(self, config) -> Path | None:
        if not self.config.render_cache:
            return None
        return Path(config.config_file_path or ".").parent / self.config.render_cache

    def _workers(self) -> int:
        if self.serving:
            return 1  # the live-reload server runs threads; no forking under them
        return self.config.render_workers or os.cpu_count() or 1

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        item = self.pages_by_src.get(page.file.src_uri)
        if isinstance(item, Post):
            page.title = Markup(escape(item.title))
            # meta.title is what the theme's <title> shows; `page.title|striptags` would unescape it.
            page.meta.update(template="post.html", description=escape(item.summary or ""), title=page.title)
        elif isinstance(item, ListingPage):
            page.title = Markup(escape(item.title))
            page.meta.update(template="listing.html", search={"exclude": True}, title=page.title)
        elif item in ("categories", "tags"):
            page.title = self.labels["category_index_title" if item == "categories" else "tag_index_title"]
            page.meta.update(template=f"{item}.html", search={"exclude": True})
        elif page.is_homepage and "template" not in page.meta:
            page.meta["template"] = "home.html"
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        item = self.pages_by_src.get(page.file.src_uri)
        if isinstance(item, Post):
            made_from = (html, item.summary, self.config.words_per_minute)
            rendered = self.rendered_before.get(item.slug)  # `mkdocs serve`: unchanged since the last build?
            if rendered is None or rendered.made_from != made_from:
                rendered = RenderedPost.learn(*made_from)
            self.rendered[item.slug] = rendered
            if not item.summary:
                page.meta["description"] = escape(rendered.excerpt_text[:300])
        return html

    # -- template context --------------------------------------------------------------------

    def _set_globals(self, env, *, config, files):
        env.globals["blog_labels"] = self.labels
        env.globals["blog_urls"] = self.urls
        # Only what the templates show: a page's output key (page_output.py) holds every value here.
        env.globals["blog_archive"] = [{"year": year.year, "url": year.url} for year in self.blog.archive] if self.blog else []
        return env

    @event_priority(-100)  # last: what a page renders from must be complete (every plugin's globals)
    def _supply_page_renders(self, env, *, config, files):
        """Pages MkDocs need not render itself: unchanged ones in `mkdocs serve` (preview.py),
        the last ones of `mkdocs build` from forked workers (page_workers.py)."""
        if self.prerender is not None:
            self.prerender.close()  # its conversions are all in by now
        self.page_workers = PageWorkers()
        if self.serving:
            self.preview.env(env)
        elif self.nav is not None:
            self.page_workers.start(config, files, self.nav, env, self._workers())
        return env

    on_env = CombinedEvent(_set_globals, _supply_page_renders)

    @event_priority(-100)  # last: the navigation every plugin agreed on
    def on_nav(self, nav, *, config, files):
        self.nav = nav
        return nav

    def on_page_context(self, context, *, page, config, nav):
        item = self.pages_by_src.get(page.file.src_uri)
        if isinstance(item, Post):
            context["post"] = self._post_view(item, config)
        elif isinstance(item, ListingPage):
            context["listing"] = {**self._listing_view(item), "author": author_page_view(item, self.taxonomy, config.site_url)}
            context["cards"] = [self._card(post, page.url) for post in item.posts]
        elif item == "categories":
            context["categories"] = [
                {"name": s.category.name, "url": s.url, "count": plural(self.labels, "posts_count", s.count), "feed_url": s.feed_url}
                for s in self.blog.categories
            ]
        elif item == "tags":
            context["tag_index"] = [
                {"name": s.tag.name, "url": s.url, "count": plural(self.labels, "posts_count", s.count), "feed_url": s.feed_url}
                for s in self.taxonomy.tags
            ]
        elif page.is_homepage and self.blog is not None:
            latest = self.blog.posts[: self.config.home_latest]
            context["cards"] = [self._card(post, page.url) for post in latest]
            context["blog_url"] = self.urls.blog
        return context

    @staticmethod
    def _listing_view(listing: ListingPage) -> dict:
        """The listing's own fields; its posts reach the template as cards."""
        return {
            "kind": listing.kind, "page": listing.page, "pages": listing.pages, "newer_url": listing.newer_url,
            "older_url": listing.older_url, "category": listing.category, "feed_url": listing.feed_url,
            "tag": listing.tag,
        }

    def _category_links(self, post: Post) -> list[dict]:
        return [{"name": cat.name, "url": self.urls.category_url(cat.slug)} for cat in post.categories]

    def _read_time(self, post: Post) -> str:
        rendered = self.rendered.get(post.slug)
        minutes = rendered.read_minutes if rendered else 1
        return self.labels["read_time"].format(minutes=minutes)

    def _card(self, post: Post, page_url: str) -> dict:
        rendered = self.rendered.get(post.slug)
        excerpt = post_html.rebase_links(rendered.excerpt, post.url, page_url) if rendered else ""
        return {
            "title": post.title,
            "url": post.url,
            "date": post.date.date().isoformat(),
            "date_text": post.date_text,
            "categories": self._category_links(post),
            "tags": tag_links(post, self.urls),
            "excerpt": excerpt,
            "read_time": self._read_time(post),
            "draft": post.draft,
            "scheduled": post.scheduled,
        }

    def _post_view(self, post: Post, config) -> dict:
        return {
            "title": post.title,
            "url": post.url,
            "date": post.date.date().isoformat(),
            "date_text": post.date_text,
            "updated": post.updated.date().isoformat() if post.updated else None,
            "updated_text": post.updated_text,
            "authors": [author_view(author, self.taxonomy) for author in post.authors],
            "categories": self._category_links(post),
            "tags": tag_links(post, self.urls),
            "read_time": self._read_time(post),
            "image": site_path(post.image),
            "draft": post.draft,
            "scheduled": post.scheduled,
            "training": post.training,
            "source": post.source,
            **post_extras_view(
                post, self.extras, site_url=config.site_url, site_name=config.site_name,
                description=self._description(post), labels=self.labels, locale=self.locale,
            ),
        }

    def _description(self, post: Post) -> str:
        rendered = self.rendered.get(post.slug)
        return post.summary or (rendered.excerpt_text[:300] if rendered else "")

    # -- preview -----------------------------------------------------------------------------

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.posts_dir))
        return server

