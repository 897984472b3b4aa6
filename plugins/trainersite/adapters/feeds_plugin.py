"""MkDocs adapter for the newsletter feeds and signup box.

Feeds are written after the build, from the HTML the blog plugin kept for each post; the
core (feeds.py) builds them. This class also sets up the newsletter page and signup box.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files

from .blog_plugin import TrainerBlogPlugin
from ..blog.feeds import Enclosure, FeedChannel, FeedItem, build_feed, newest
from ..blog.newsletter import Newsletter, parse_newsletter
from ..core.errors import ContentError
from ..core.urls import absolute_url

log = get_plugin_logger(__name__)


class TrainerFeedsConfig(base.Config):
    size = c.Type(int, default=20)
    newsletter_page = c.Type(str, default="nieuwsbrief.md")
    logo = c.Optional(c.Type(str))  # site path of the channel image; default: the theme's favicon


class TrainerFeedsPlugin(BasePlugin[TrainerFeedsConfig]):
    def on_config(self, config):
        if self.config.size < 1:
            raise PluginError("mkdocs.yml: 'trainersite-feeds.size': expected a whole number of at least 1")
        try:
            self.newsletter: Newsletter = parse_newsletter(config.extra.get("newsletter"), config.extra.get("contact"))
        except ContentError as err:
            raise PluginError(str(err)) from None
        return config

    def _blog(self, config) -> TrainerBlogPlugin:
        blog = config.plugins.get("trainersite-blog")
        if not isinstance(blog, TrainerBlogPlugin):
            raise PluginError("mkdocs.yml: 'plugins': expected trainersite-blog before trainersite-feeds")
        return blog

    def on_files(self, files: Files, *, config) -> Files:
        # A writer that refuses to write one path twice: a page may not sit where a feed goes.
        for path in self._feed_paths(config):
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path}: expected no file here, the feed is written to /{path}")
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        if page.file.src_uri == self.config.newsletter_page and "template" not in page.meta:
            page.meta["template"] = "newsletter.html"
        return markdown

    def on_env(self, env, *, config, files):
        env.globals["newsletter"] = self.newsletter
        return env

    def on_post_build(self, *, config) -> None:
        blog_plugin = self._blog(config)
        blog, urls = blog_plugin.blog, blog_plugin.urls
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        docs_dir = Path(config.docs_dir)

        def size_of(path: str) -> int | None:
            local = docs_dir / path
            return local.stat().st_size if local.is_file() else None

        def item(post) -> FeedItem:
            rendered = blog_plugin.rendered[post.slug]
            # The item description: the summary, else the excerpt's text.
            return FeedItem(post, rendered.html, post.summary or rendered.excerpt_text, picture(post))

        media = config.plugins.get("trainersite-media")

        def picture(post) -> Enclosure | None:
            found = getattr(media, "feed_images", {}).get(post.slug)
            return Enclosure(absolute_url(site_url, found["path"]), found["size"], found["mime"]) if found else None

        logo = self.config.logo or config.theme.get("favicon")
        channel = dict(
            description=config.site_description or config.site_name,
            site_url=site_url,
            language=blog_plugin.locale.replace("_", "-"),
            logo_url=absolute_url(site_url, logo) if logo else None,
        )
        every = [item(post) for post in blog.posts if not (post.draft or post.scheduled)]
        main = newest(every, self.config.size)
        feeds = {
            urls.feed_rss: ("rss", FeedChannel(title=config.site_name, self_url=absolute_url(site_url, urls.feed_rss), **channel), main),
            urls.feed_atom: ("atom", FeedChannel(title=config.site_name, self_url=absolute_url(site_url, urls.feed_atom), **channel), main),
        }
        by_slug = {entry.post.slug: entry for entry in every}
        for summary in blog.categories:
            posts = [by_slug[post.slug] for post in blog.posts_by_category[summary.category.slug] if post.slug in by_slug]
            feeds[summary.feed_url] = (
                "rss",
                FeedChannel(
                    title=f"{config.site_name}: {summary.category.name}",
                    self_url=absolute_url(site_url, summary.feed_url),
                    alternate_url=absolute_url(site_url, summary.url),
                    **channel,
                ),
                newest(posts, self.config.size),
            )
        for path, (kind, feed_channel, items) in feeds.items():
            generator = build_feed(feed_channel, items, size_of, urls.category_url)
            data = generator.rss_str(pretty=True) if kind == "rss" else generator.atom_str(pretty=True)
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def _feed_paths(self, config) -> list[str]:
        urls = self._blog(config).urls
        return [urls.feed_rss, urls.feed_atom]
