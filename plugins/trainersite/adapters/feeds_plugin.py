"""MkDocs adapter for the newsletter feeds and signup box.

Feeds are written after the build, from the HTML the blog plugin kept for each post; the
core (feeds.py) builds them. This class also sets up the newsletter page and signup box.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files

from .shared import site_model
from ..blog.digest import (
    Digest, DigestPost, DigestSession, contact_line, posts_since, session_places, write_digest, write_preview,
)
from ..blog.email_html import MAX_WIDTH, VideoLink, email_safe_html, file_image_size
from ..blog.feeds import Enclosure, FeedChannel, FeedItem, build_feed, newest
from ..blog.video import parse_video
from ..blog.newsletter import Newsletter, parse_newsletter
from ..core.dates import format_day, parse_when
from ..core.errors import ContentError
from ..core.i18n import site_locale
from . import problems
from ..core.urls import absolute_url
from ..courses.courses import format_session, upcoming_sessions

# `trainersite nieuwsbrief --sinds DATE` builds the site with these set: the build then also writes
# the digest e-mail (blog/digest.py) to DIGEST_TO, from the very posts and courses the site shows.
DIGEST_SINCE, DIGEST_TO = "TRAINERSITE_DIGEST_SINCE", "TRAINERSITE_DIGEST_TO"
PREVIEW_URL = "nieuwsbrief/voorbeeld/"  # `mkdocs serve` only: the feed items and digest as mailed

log = get_plugin_logger(__name__)


class TrainerFeedsConfig(base.Config):
    size = c.Type(int, default=20)
    newsletter_page = c.Type(str, default="nieuwsbrief.md")
    logo = c.Optional(c.Type(str))  # site path of the channel image; default: the theme's favicon


class TrainerFeedsPlugin(BasePlugin[TrainerFeedsConfig]):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        self.locale = site_locale(config)
        try:
            if self.config.size < 1:
                raise ContentError("mkdocs.yml", "trainersite-feeds.size", "a whole number of at least 1")
            self.newsletter: Newsletter = parse_newsletter(config.extra.get("newsletter"), config.extra.get("contact"))
        except ContentError as err:
            raise problems.fatal(err, self.locale) from None
        return config

    def _site(self, config):
        """The build's SiteModel, which the blog plugin filled (posts, URLs, labels, rendered HTML)."""
        site = site_model(config)
        if site.urls is None:
            raise problems.fatal(ContentError("mkdocs.yml", "plugins", "trainersite-blog before trainersite-feeds"), self.locale)
        return site

    def on_files(self, files: Files, *, config) -> Files:
        # A writer that refuses to write one path twice: a page may not sit where a feed goes.
        for path in self._feed_paths(config):
            if files.get_file_from_path(path) is not None:
                raise problems.fatal(ContentError(f"docs/{path}", None, f"no file here, the feed is written to /{path}"), self.locale)
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        if page.file.src_uri == self.config.newsletter_page and "template" not in page.meta:
            page.meta["template"] = "newsletter.html"
        return markdown

    def on_env(self, env, *, config, files):
        env.globals["newsletter"] = self.newsletter
        return env

    def on_post_build(self, *, config) -> None:
        site = self._site(config)
        blog, urls = site.blog, site.urls
        site_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        docs_dir = Path(config.docs_dir)

        def size_of(path: str) -> int | None:
            local = docs_dir / path
            return local.stat().st_size if local.is_file() else None

        def image_size(url: str) -> tuple[int, int] | None:
            # Only the site's own images can be measured: their absolute URL starts with site_url.
            # The built site holds them all, resized copies and social cards included.
            return file_image_size(Path(config.site_dir) / url[len(site_url):]) if url.startswith(site_url) else None

        labels = site.labels

        def share_picture(post) -> Enclosure | None:
            """The post's picture (at most 1200 px) or social card, from the media plugin."""
            found = site.feed_images.get(post.slug)
            return Enclosure(absolute_url(site_url, found["path"]), found["size"], found["mime"]) if found else None

        def item(post) -> FeedItem:
            rendered = site.rendered[post.slug]
            share = share_picture(post)
            video = None
            if post.video:
                picture = share.url if share else absolute_url(site_url, post.image) if post.image else None
                video = VideoLink(parse_video(post.video, post.source).watch_url, labels["email_video"], picture, post.title)
            # The item description: the summary, else the excerpt's text.
            return FeedItem(post, rendered.html, post.summary or rendered.excerpt_text, video, share)

        logo = self.config.logo or config.theme.get("favicon")
        channel = dict(
            description=config.site_description or config.site_name,
            site_url=site_url,
            language=site.locale.replace("_", "-"),
            read_on_site=labels["email_read_on_site"],
            logo_url=absolute_url(site_url, logo) if logo else None,
        )
        every = [item(post) for post in blog.posts if post.is_published]
        main = newest(every, self.config.size)
        feeds = {
            urls.feed_rss: ("rss", FeedChannel(title=config.site_name, self_url=absolute_url(site_url, urls.feed_rss), **channel), main),
            urls.feed_atom: ("atom", FeedChannel(title=config.site_name, self_url=absolute_url(site_url, urls.feed_atom), **channel), main),
        }
        by_slug = {entry.post.slug: entry for entry in every}
        # A feed per category, and per tag when `tag_feeds` is on (a tag's feed_url is None otherwise).
        taxonomy = site.taxonomy
        listed = [(s.category.name, s.url, s.feed_url, blog.posts_by_category[s.category.slug]) for s in blog.categories]
        listed += [(s.tag.name, s.url, s.feed_url, taxonomy.posts_by_tag[s.tag.slug]) for s in taxonomy.tags if s.feed_url]
        for name, page_url, feed_url, listed_posts in listed:
            posts = [by_slug[post.slug] for post in listed_posts if post.slug in by_slug]
            feeds[feed_url] = (
                "rss",
                FeedChannel(
                    title=f"{config.site_name}: {name}",
                    self_url=absolute_url(site_url, feed_url),
                    alternate_url=absolute_url(site_url, page_url),
                    **channel,
                ),
                newest(posts, self.config.size),
            )
        self._write_digest(config, every, image_size)
        if self.serving:
            self._write_preview(config, main, channel["read_on_site"], image_size)
        for path, (kind, feed_channel, items) in feeds.items():
            generator = build_feed(feed_channel, items, size_of, urls.category_url, image_size)
            data = generator.rss_str(pretty=True) if kind == "rss" else generator.atom_str(pretty=True)
            target = Path(config.site_dir) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    def _digest(self, config, items: list[FeedItem], since, since_text: str, image_size) -> Digest:
        site = self._site(config)
        site_url = absolute_url(config.site_url, "")
        posts = []
        for entry in items:
            post = entry.post
            image = absolute_url(site_url, post.image) if post.image else None
            size = image_size(image) if image else None
            posts.append(DigestPost(
                title=post.title, url=absolute_url(site_url, post.url), date=post.date, date_text=post.date_text,
                excerpt=entry.summary, image_url=image,
                image_height=round(size[1] * MAX_WIDTH / size[0]) if size and size[0] else None))
        sessions = sorted(
            (session.start, DigestSession(course.title, absolute_url(site_url, course.url),
                                          format_session(session, site.locale), session.location,
                                          session_places(session.seats_left, site.labels)))
            for course in site.courses.values()  # none without the courses plugin
            for session in upcoming_sessions(course, site.now)
        )
        return Digest(
            site_name=config.site_name, site_url=site_url, since_text=since_text, posts=posts_since(posts, since),
            sessions=tuple(session for _, session in sessions[:6]),
            contact_line=contact_line(site.contact, config.site_name, site_url),
            unsubscribe=self.newsletter.unsubscribe, language=site.locale.split("_")[0], labels=site.labels)

    def _write_digest(self, config, items: list[FeedItem], image_size) -> None:
        since_text, target = os.environ.get(DIGEST_SINCE), os.environ.get(DIGEST_TO)
        if not (since_text and target):
            return
        site = self._site(config)
        try:
            since = parse_when(since_text, "--sinds", "sinds", site.tz, site.locale)
            digest = self._digest(config, items, since.moment, format_day(since.day, site.locale), image_size)
        except ContentError as err:
            raise problems.fatal(err, site.locale) from None
        html, text = write_digest(digest, Path(config.theme.custom_dir), Path(target))
        log.info(f"{html} + {text}: {len(digest.posts)}")

    def _write_preview(self, config, items: list[FeedItem], read_on_site: str, image_size) -> None:
        """`/nieuwsbrief/voorbeeld/`: the newest feed items and a digest of them, as a mail client shows them."""
        site = self._site(config)
        site_url = absolute_url(config.site_url, "")
        shown = items[:3]
        mailed = [(entry.post.title, email_safe_html(entry.html, absolute_url(site_url, entry.post.url),
                                                     read_on_site=read_on_site, image_size=image_size, video=entry.video))
                  for entry in shown]
        folder = Path(config.site_dir) / PREVIEW_URL
        templates = Path(config.theme.custom_dir)
        digest = None
        if shown:
            oldest = shown[-1].post
            digest = self._digest(config, items, oldest.date, oldest.date_text, image_size)
            write_digest(digest, templates, folder / "digest.html")
        write_preview(mailed, digest, site.labels, site.locale.split("_")[0], templates, folder / "index.html")

    def _feed_paths(self, config) -> list[str]:
        return list(self._site(config).urls.feed_paths)
