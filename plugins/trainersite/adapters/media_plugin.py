"""MkDocs adapter for pictures: responsive images, and a social card for every page.

The work is done in `media/` (images.py, pictures.py, social_cards.py); this class connects it:
- on_files: pictures in post/course front matter are resized (a bad one fails the build at once),
  and every JPEG/PNG/WebP in docs/ is published without its EXIF/GPS data;
- on_page_content: `<img>` in converted Markdown becomes a responsive `<picture>`;
- on_files also starts drawing the social cards of posts, courses and listings that the cache
  lacks, in the background (media/card_pool.py), so they overlap with the rest of the build;
- on_env: every page gets its share picture (its own raster image, else its social card) and the
  card's output path is claimed; the resized copies are added to the site's files;
- on_page_context: the templates get the pictures (`share_image`, `picture` in posts, cards, courses);
- on_post_build (before the feeds): waits for the cards and copies them into the site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from PIL import Image
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..blog.listing import ListingPage
from ..blog.models import Post
from ..core.errors import ContentError
from ..courses.courses import Course, format_session_start, next_dates
from ..courses.labels import course_labels_for
from ..core.i18n import site_locale
from ..core.urls import absolute_url, site_path
from ..core.output_paths import Owner
from ..media import social_cards
from ..media.card_pool import CardPool
from ..media.images import ImageSets, is_raster, strip_metadata
from ..media.pictures import picture_view, responsive_html, svg_size
from ..media.social_cards import Card, CardJob, CardStyle
from .outputs import claim, output_paths
from .shared import site_model

log = get_plugin_logger(__name__)

CARD_FOLDER = "assets/images/social"  # site folder of the social cards


class TrainerMediaConfig(base.Config):
    social_cards = c.Type(bool, default=True)
    widths = c.ListOfItems(c.Type(int), default=[480, 800, 1200])
    cache_dir = c.Type(str, default=".cache/trainersite")  # "" keeps nothing between builds
    colors = c.Type(dict, default={})  # background, text, accent as #rrggbb; default: theme.palette
    logo = c.Optional(c.Type(str))  # a PNG/JPEG/WebP in docs/ for the cards; default: theme.logo if raster
    workers = c.Type(int, default=0)  # processes drawing cards (the build's own included); 0: one per core


class TrainerMediaPlugin(BasePlugin[TrainerMediaConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.share: dict[str, dict] = {}  # src_uri -> share picture (absolute URL, size, alt)
        self.by_url: dict[str, object] = {}  # page URL -> the post, course or listing shown there
        self.cards_made = 0
        self.cards: CardPool | None = None
        self.card_files: dict[str, str] = {}  # site path of a card -> its file in the cache
        self.card_keys: dict[Card, str] = {}  # this build's card keys (the style is the same for all)
        self.images: ImageSets | None = None
        self._temporary = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        cfg = self.config
        if not cfg.widths or any(width < 16 for width in cfg.widths):
            raise PluginError("mkdocs.yml: 'trainersite-media.widths': expected a list of widths in pixels, like [480, 800, 1200]")
        root = Path(config.config_file_path or ".").parent
        if cfg.cache_dir:
            self.cache = root / cfg.cache_dir
        else:  # nothing kept: a folder of this run only
            import tempfile

            self._temporary = self._temporary or tempfile.TemporaryDirectory(prefix="trainersite-media-")
            self.cache = Path(self._temporary.name)
        self.docs_dir = Path(config.docs_dir)
        self.language = site_locale(config).split("_")[0]
        try:
            background, text, accent = social_cards.brand_colours(config.theme.get("palette"), cfg.colors)
        except ContentError as err:
            raise PluginError(str(err)) from None
        logo = cfg.logo or config.theme.get("logo")
        logo_path = self.docs_dir / site_path(logo) if logo and is_raster(logo) and not urlsplit(logo).scheme else None
        if cfg.logo and (logo_path is None or not logo_path.is_file()):
            raise PluginError(f"mkdocs.yml: 'trainersite-media.logo': expected a PNG, JPEG or WebP file in docs/, got {cfg.logo!r}")
        if logo_path is not None and logo_path.is_file() and cfg.social_cards:
            try:  # here, not in the processes drawing the cards: one line that names the logo
                with Image.open(logo_path) as opened:
                    opened.load()
            except (OSError, ValueError, Image.DecompressionBombError) as err:
                key = "trainersite-media.logo" if cfg.logo else "theme.logo"
                raise PluginError(f"mkdocs.yml: '{key}': expected a PNG, JPEG or WebP file in docs/, got {logo!r} ({err})") from None
        self.style = CardStyle(
            background=background, text=text, accent=accent, site_name=config.site_name,
            footer=urlsplit(config.site_url or "").hostname or "", language=self.language,
            logo=str(logo_path) if logo_path is not None and logo_path.is_file() else None,
        )
        if self.images is None or self.images.cache != self.cache / "images":
            self.images = ImageSets(self.docs_dir, self.cache / "images", cfg.widths)
        return config

    # -- pictures named in front matter, metadata of every picture ---------------------------

    @event_priority(-50)  # after the blog and courses plugins have read their posts and courses
    def on_files(self, files: Files, *, config) -> Files:
        self.images.start_build()
        for file in files:
            if file.abs_src_path and is_raster(file.src_uri) and not file.is_documentation_page():
                stripped = strip_metadata(Path(file.abs_src_path), self.cache / "images")
                if stripped is not None:
                    file.abs_src_path = str(stripped)
        site = site_model(config)
        self.by_url = {course.url: course for course in site.courses.values()}
        self.by_url.update((post.url, post) for post in site.posts)
        if site.blog is not None:
            self.by_url.update((listing.url, listing) for listing in site.blog.listing_pages())
        if site.taxonomy is not None:  # tag and author pages: listings too
            self.by_url.update((listing.url, listing) for listing in site.taxonomy.listing_pages())
        try:
            for item in self.by_url.values():
                if getattr(item, "image", None):
                    self._image_set(item.image, item.source)
        except ContentError as err:
            raise PluginError(str(err)) from None
        self._start_cards(site)
        return files

    def _start_cards(self, site) -> None:
        """Start drawing the missing cards of posts, courses and listings (their pages come later)."""
        if self.cards is not None:
            self.cards.close()
        helpers = 0 if self.serving else max(0, (self.config.workers or os.cpu_count() or 1) - 1)
        self.cards = CardPool(helpers)
        self.card_keys = {}
        if not self.config.social_cards:
            return
        try:
            (self.cache / "cards").mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise PluginError(str(ContentError("mkdocs.yml", "trainersite-media.cache_dir", "a folder the build can write to",
                                               f"{self.cache / 'cards'} ({err.strerror})"))) from None
        jobs = []
        for item in self.by_url.values():
            if self._own_picture(getattr(item, "image", None)) is not None:
                continue
            job = self._card_job(self._item_card(item, site), getattr(item, "source", None) or "mkdocs.yml")
            if job is not None:
                jobs.append(job)
        self.cards.submit(jobs)

    def _card_key(self, card: Card) -> str:
        key = self.card_keys.get(card)
        if key is None:
            key = self.card_keys[card] = social_cards.card_key(card, self.style)
        return key

    def _card_job(self, card: Card, source: str) -> CardJob | None:
        """The job that draws `card` into the cache; None when the cache has it."""
        cached = self.cache / "cards" / f"{self._card_key(card)}.png"
        if str(cached) in self.cards or cached.is_file():
            return None
        return CardJob(card, self.style, str(cached), source)

    def _image_set(self, image: str, source: str, key: str = "image"):
        if urlsplit(image).scheme or image.startswith("//"):
            return None
        return self.images.get(site_path(image), source, key)

    # -- pictures in Markdown ---------------------------------------------------------------

    @event_priority(50)  # first: the blog keeps this HTML for excerpts and feeds
    def on_page_content(self, html: str, *, page, config, files) -> str:
        if "<img" not in html:
            return html
        item = self.by_url.get(page.url)
        source = getattr(item, "source", None) or f"docs/{page.file.src_uri}"

        def lookup(path: str):
            if not is_raster(path) or files.get_file_from_path(path) is None:
                return None  # SVG, GIF, or a file MkDocs already warns about
            return self.images.get(path, source, "![]()")

        header = page.meta.get("image") or getattr(item, "image", None)
        try:
            return responsive_html(html, page.url, lookup, eager_first=not header)
        except ContentError as err:
            raise PluginError(str(err)) from None

    # -- share pictures and social cards ------------------------------------------------------

    def on_env(self, env, *, config, files):
        self.share = {}
        self.card_files = {}
        site = site_model(config)
        jobs: list[CardJob] = []
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            item = self.by_url.get(page.url)
            title = str(page.title or config.site_name)
            title = Markup(title).striptags() if isinstance(page.title, Markup) else title
            own = self._own_picture(getattr(item, "image", None) or page.meta.get("image"))
            if own is not None:
                self.share[file.src_uri] = {**own, "url": absolute_url(config.site_url, own["path"]), "alt": title}
                continue
            if not self.config.social_cards:
                continue
            card = self._card(page, item, title, config, site)
            key = self._card_key(card)
            path = f"{CARD_FOLDER}/{key}.png"
            cached = self.cache / "cards" / f"{key}.png"
            job = self._card_job(card, getattr(item, "source", None) or f"docs/{file.src_uri}")
            if job is not None:
                jobs.append(job)
            if path not in self.card_files:
                self.card_files[path] = str(cached)
                try:
                    claim(files, config, path, Owner("mkdocs.yml", "trainersite-media", "a social card"))
                except ContentError as err:
                    raise PluginError(str(err)) from None
            alt = f"{card.title} – {config.site_name}" if card.title != config.site_name else card.title
            self.share[file.src_uri] = {
                "path": path, "url": absolute_url(config.site_url, path), "width": social_cards.WIDTH,
                "height": social_cards.HEIGHT, "mime": "image/png", "alt": alt, "cached": str(cached),
            }
        self.cards.submit(jobs)  # pages the posts did not show: drawn by the end of the build
        self.outputs = output_paths(files, config)
        self._add_files(files, config)
        urls = {file.src_uri: file.url for file in files.documentation_pages()}
        site.share_images = {urls[src]: picture for src, picture in self.share.items()}
        site.feed_images = {}  # with the sizes of the files: on_post_build, when the cards are drawn
        return env

    def _own_picture(self, image) -> dict | None:
        """A page's own raster image as share picture: its largest copy (<= 1200 px)."""
        if not isinstance(image, str) or not image or urlsplit(image).scheme:
            return None
        found = self.images.used.get(site_path(image)) if is_raster(image) else None
        if found is None:
            return None
        best = found.fallback
        return {"path": best.path, "width": best.width, "height": best.height, "mime": best.mime,
                "size": best.size, "cached": str(self.images.cached_file(best))}

    def _card(self, page, item, title: str, config, site) -> Card:
        card = self._item_card(item, site)
        if card is not None:
            return card
        if page.is_homepage:
            return Card(config.site_description or config.site_name)
        return Card(title)

    def _item_card(self, item, site) -> Card | None:
        """The card of a post, course or listing (known before its page is read); None for other pages."""
        if isinstance(item, Post):
            meta = " · ".join(filter(None, [", ".join(a.name for a in item.authors), item.date_text]))
            return Card(item.title, social_cards.kicker("post", self.language), meta)
        if isinstance(item, Course):
            labels = course_labels_for(site.locale)
            formats = ", ".join(labels.get(f"format_{key}", key) for key in item.formats)
            dates = next_dates(item, site.now) if site.now is not None else None
            # the first date with places, like the catalogue card (a full one only when all are full)
            shown = (dates.bookable or dates.full[0]) if dates else None
            when = f"{labels['next_session']}: {format_session_start(shown, site.locale)}" if shown else ""
            return Card(item.title, social_cards.kicker("course", self.language), " · ".join(filter(None, [formats, when])))
        if isinstance(item, ListingPage):
            # Every page of a listing shares the first page's card: what is shared is the listing.
            first = item.title.rsplit(" (", 1)[0] if item.page > 1 else item.title
            return Card(first, social_cards.kicker("listing", self.language))
        return None

    def _add_files(self, files: Files, config) -> None:
        """The resized copies as site files: MkDocs copies them like any asset. (The cards are
        copied in on_post_build, when they are all drawn.)"""
        wanted: dict[str, str] = {}
        for found in self.images.used.values():
            for variant in found.variants:
                wanted[variant.path] = str(self.images.cached_file(variant))
        for path, cached in wanted.items():
            if files.get_file_from_path(path) is None:
                files.append(File.generated(config, path, abs_src_path=cached, inclusion=InclusionLevel.NOT_IN_NAV))

    # -- template context ----------------------------------------------------------------------

    @event_priority(-50)  # after the blog and courses plugins put their views in the context
    def on_page_context(self, context, *, page, config, nav):
        context["share_image"] = self.share.get(page.file.src_uri)
        for key in ("post", "course", "training_promo"):
            view = context.get(key)
            if isinstance(view, dict) and view.get("image"):
                context[key] = {**view, "picture": self._picture(view["image"])}
        if context.get("cards"):
            context["cards"] = [self._with_picture(card) for card in context["cards"]]
        catalogue = context.get("catalogue")
        if isinstance(catalogue, dict) and catalogue.get("cards"):
            context["catalogue"] = {**catalogue, "cards": [self._with_picture(card) for card in catalogue["cards"]]}
        home = context.get("home")
        if isinstance(home, dict):  # the home page: its course cards and the hero's portrait
            hero = home.get("hero")
            context["home"] = {
                **home, "cards": [self._with_picture(card) for card in home.get("cards") or ()],
                "hero": self._with_picture(hero) if hero else hero,
            }
        return context

    def _with_picture(self, card):
        if isinstance(card, dict) and card.get("image"):
            return {**card, "picture": self._picture(card["image"])}
        return card

    def _picture(self, image: str) -> dict:
        if urlsplit(image).scheme:
            return picture_view(None, image)
        path = site_path(image)
        found = self.images.used.get(path) if is_raster(path) else None
        size = svg_size(self.docs_dir / path) if path.lower().endswith(".svg") else None
        return picture_view(found, path, size)

    # -- after the build -----------------------------------------------------------------------

    @event_priority(10)  # before trainersite-feeds, whose enclosures name the cards' sizes
    def on_post_build(self, *, config) -> None:
        try:
            self.cards.finish()
        except ContentError as err:
            raise PluginError(str(err)) from None
        self.cards_made = self.cards.made
        for path, cached in self.card_files.items():
            target = self.outputs.target(path)  # claimed in on_env
            target.parent.mkdir(parents=True, exist_ok=True)
            try:  # a card never changes under its name: the site's copy may share the cache's file
                os.link(cached, target)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(cached, target)
        site = site_model(config)
        for post in site.posts:
            picture = site.share_images.get(post.url)
            if picture is not None:
                size = Path(picture["cached"]).stat().st_size
                site.feed_images[post.slug] = {"path": picture["path"], "size": size, "mime": picture["mime"]}
        if self.serving or not self.config.cache_dir:
            return
        # A published build knows every picture: what it did not use is stale.
        self.images.prune(keep_folders=("stripped",))
        used = {Path(p["cached"]).name for p in self.share.values() if p["path"].startswith(CARD_FOLDER)}
        folder = self.cache / "cards"
        if folder.is_dir():
            for entry in folder.iterdir():
                if entry.name not in used:
                    entry.unlink(missing_ok=True)

    def on_build_error(self, *, error) -> None:
        if self.cards is not None:
            self.cards.close()
