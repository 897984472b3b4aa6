"""MkDocs adapter for the course catalogue, the contact page and the home page's settings.

Reads every course in docs/trainingen/ before anything is rendered (a bad course fails the build
at once), adds an iCalendar file per course and the business's vCard, picks the templates and
hands the data to them. All knowledge of courses and contact data lives in the core modules.
"""

from __future__ import annotations

import os
import posixpath
from datetime import datetime, timezone
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from markupsafe import escape
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.meta import get_data

from ..courses.contact import FORM_ANCHOR, Contact, contact_vcard, parse_contact
from ..courses.labels import course_labels_for
from ..courses.courses import Course, check_trainings, parse_course, sorted_courses, upcoming_sessions
from ..courses.home import parse_home
from ..courses.views import AgendaPage, CataloguePage, ContactPage, CoursePage, CourseSite, HomeView, View, training_promo
from ..core.dates import zone
from ..core.errors import ContentError
from ..core.problem_page import key_line
from . import problems
from ..core.i18n import site_locale
from ..core.site_labels import site_labels_for
from ..courses.ical import course_calendar
from ..courses.agenda import AgendaSite, agenda_entries, agenda_files
from ..blog.posts import decode_source
from ..core.output_paths import Owner
from ..core.safe_urls import checked_url
from ..core.urls import absolute_url, slugify
from .outputs import add_generated, site_has
from .shared import set_head, site_model
from .templates import prepare_own_templates

log = get_plugin_logger(__name__)



class TrainerCoursesConfig(base.Config):
    courses_dir = c.Type(str, default="trainingen")
    contact_page = c.Type(str, default="contact.md")
    calendar_file = c.Type(str, default="data.ics")
    # The agenda page (a page in docs/) lists every upcoming session; with it come one calendar and one feed.
    agenda_page = c.Type(str, default="agenda.md")
    agenda_calendar = c.Type(str, default="agenda.ics")
    agenda_feed = c.Type(str, default="agenda.xml")
    related_posts = c.Type(int, default=3)
    # Empty: the blog's time zone, else Europe/Amsterdam.
    timezone = c.Type(str, default="")


def build_stamp() -> datetime:
    """DTSTAMP for the calendars: SOURCE_DATE_EPOCH when set (reproducible builds), else today 00:00 UTC.

    A day's resolution keeps two builds of the same content byte-for-byte identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)


class TrainerCoursesPlugin(BasePlugin[TrainerCoursesConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.courses: dict[str, Course] = {}  # by slug, in catalogue order
        self.courses_by_src: dict[str, Course] = {}
        self.views: dict[str, View] = {}  # by source path: course, catalogue and contact pages
        self.course_site = CourseSite(labels={})
        self.calendar_urls: dict[str, str] = {}
        self.catalogue_src: str | None = None
        self.catalogue_url: str | None = None
        self.contact: Contact | None = None
        self.contact_src: str | None = None
        self.contact_url: str | None = None
        self.vcard_url: str | None = None
        self.now = datetime.now()
        self.agenda: tuple = ()  # every upcoming session (agenda.py)
        self.agenda_src: str | None = None
        self.agenda_url: str | None = None

    # -- configuration ---------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"  # serve: problems are shown in the browser, not fatal

    def on_config(self, config):
        self.locale = site_locale(config)
        self.labels = course_labels_for(self.locale)
        try:
            # The blog's time zone comes with the site model once every plugin is configured (on_files).
            self.own_tz = zone(self.config.timezone) if self.config.timezone else None
            contact = (config.extra or {}).get("contact")
            self.contact = parse_contact(contact) if contact is not None else None
        except ContentError as err:
            raise problems.fatal(err, self.locale) from None
        self.site_url = config.site_url or ""
        # The heading anchors' tooltip in the site's language (mkdocs.yml may still set its own).
        if "toc" in config.markdown_extensions:
            toc = config.mdx_configs.setdefault("toc", {})
            toc.setdefault("permalink_title", site_labels_for(self.locale)["permalink"])
        self.host = urlsplit(self.site_url).hostname or "localhost"
        return config

    # -- reading: all courses before any page is rendered ------------------------------------

    def on_files(self, files: Files, *, config) -> Files:
        site = site_model(config)
        self.tz = self.own_tz or site.tz or zone("Europe/Amsterdam")
        self.now = datetime.now(self.tz)
        self.courses_by_src = {}
        self.calendar_urls = {}
        site.home = None
        prefix = self.config.courses_dir.strip("/") + "/"
        self.catalogue_src = None
        self.catalogue_url = None
        found: list[ContentError] = []  # every course's problem, listed together (adapters/problems.py)
        for file in list(files.documentation_pages()):
            if not file.src_uri.startswith(prefix):
                continue
            rest = file.src_uri[len(prefix):]
            if rest == "index.md":
                self.catalogue_src = file.src_uri
                self.catalogue_url = file.url
            elif "/" not in rest:
                try:
                    self.courses_by_src[file.src_uri] = self._read(file, config, files)
                except ContentError as err:
                    found.append(err)
                    files.remove(file)  # serve: the preview shows the problem instead
        self.courses = {course.slug: course for course in sorted_courses(self.courses_by_src.values())}
        problems.drop_failing(lambda posts: check_trainings(posts, self.courses), list(site.posts), found)
        home = self._read_home(files, config, found)
        problems.settle(found, self.serving, self.locale)
        for course in self.courses.values():
            self._add_calendar(files, config, course)
        self._find_contact_page(files, config)
        self.agenda = agenda_entries(self.courses.values(), self.now)
        self._add_agenda(files, config)
        site.courses, site.contact, site.contact_url, site.now = self.courses, self.contact, self.contact_url, self.now
        self.views = {src: CoursePage(course) for src, course in self.courses_by_src.items()}
        if self.catalogue_src is not None:
            self.views[self.catalogue_src] = CataloguePage()
        if self.contact_src is not None:
            self.views[self.contact_src] = ContactPage()
        if self.agenda_src is not None:
            self.views[self.agenda_src] = AgendaPage()
        if home is not None:
            self.views[home[0]] = HomeView(home[1])
        self.course_site = CourseSite(
            labels=self.labels, related_posts=self.config.related_posts, calendar_urls=self.calendar_urls,
            vcard_url=self.vcard_url, site_description=config.site_description or "", agenda=self.agenda,
            agenda_calendar=self.config.agenda_calendar, agenda_feed=self.config.agenda_feed,
        )
        return files

    def _read_home(self, files: Files, config, found: list[ContentError]):
        """(source path, Home) of docs/index.md, its front matter checked (courses/home.py); None without one."""
        file = files.get_file_from_path("index.md")
        if file is None or not file.is_documentation_page() or file.abs_src_path is None:
            return None
        source = self._source(file, config)
        try:
            _, meta = get_data(decode_source(file.content_bytes, source))
            home = parse_home(meta, source, self.courses, site_has(files))
        except ContentError as err:
            if err.line is None:
                err.line = key_line(file.content_string, err.key)
            found.append(err)
            return None
        site_model(config).home = home
        return file.src_uri, home

    def _add_agenda(self, files: Files, config) -> None:
        """With an agenda page: /agenda.ics and /agenda.xml beside it, of every upcoming session."""
        file = files.get_file_from_path(self.config.agenda_page)
        self.agenda_src = file.src_uri if file is not None and file.is_documentation_page() else None
        self.agenda_url = file.url if self.agenda_src else None
        if self.agenda_src is None:
            return
        site = AgendaSite(self.contact.name if self.contact else config.site_name, self.site_url, file.url, self.host,
                          str(self.tz.key), self.locale)
        outputs = agenda_files(self.agenda, site, build_stamp(), self.labels, self.config.agenda_calendar, self.config.agenda_feed)
        for path, content in outputs.items():
            if files.get_file_from_path(path) is not None:
                raise problems.fatal(ContentError(
                    f"docs/{path}", None, f"no file here, the agenda's {path.rsplit('.', 1)[-1]} is written to /{path}"
                ), self.locale)
            self._generate(files, config, path, content, Owner("mkdocs.yml", "trainersite-courses.agenda_page", f"the agenda's {path}"))

    def _generate(self, files: Files, config, path: str, content, owner: Owner) -> None:
        """A generated file, its output path claimed first (core/output_paths.py)."""
        try:
            add_generated(files, config, path, content, owner)
        except ContentError as err:
            raise problems.fatal(err, self.locale) from None

    def _read(self, file: File, config, files: Files) -> Course:
        source = self._source(file, config)
        slug = posixpath.splitext(posixpath.basename(file.src_uri))[0]
        try:
            if slug != slugify(slug):
                raise ContentError(source, None, f"a file name in lower case with hyphens, like {slugify(slug) or 'mijn-training'}.md")
            course = parse_course(decode_source(file.content_bytes, source), source, slug, file.url, self.tz, self.locale)
            checked_url(course.image, source, "image", site_has(files))
        except ContentError as err:
            if err.line is None:
                err.line = key_line(file.content_string, err.key)
            raise
        return course

    @staticmethod
    def _source(file: File, config) -> str:
        """The path as the trainer knows it: docs/trainingen/x.md."""
        root = os.path.dirname(config.config_file_path or ".")
        if file.abs_src_path:
            return os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
        return file.src_uri

    def _add_calendar(self, files: Files, config, course: Course) -> None:
        folder = course.url if course.url.endswith("/") else posixpath.splitext(course.url)[0] + "/"
        src_uri = folder + self.config.calendar_file
        content = course_calendar(
            course, upcoming_sessions(course, self.now), absolute_url(self.site_url, course.url), self.host, build_stamp()
        )
        self._generate(files, config, src_uri, content, Owner(course.source, None, f"the calendar of {course.source}"))
        self.calendar_urls[course.slug] = src_uri

    def _find_contact_page(self, files: Files, config) -> None:
        if self.contact is not None and self.contact.privacy_url:
            try:
                checked_url(self.contact.privacy_url, "mkdocs.yml", "extra.contact.privacy_url", site_has(files), "a page")
            except ContentError as err:
                raise problems.fatal(err, self.locale) from None
        file = files.get_file_from_path(self.config.contact_page)
        self.contact_src = file.src_uri if file is not None and file.is_documentation_page() else None
        self.contact_url = file.url if self.contact_src else None
        self.vcard_url = None
        if self.contact_src is None:
            return
        if self.contact is None:
            raise problems.fatal(ContentError(
                "mkdocs.yml", "extra.contact",
                f"the contact data (name, email, phone, address, kvk, social) for docs/{self.contact_src}",
            ), self.locale)
        folder = self.contact_url if self.contact_url.endswith("/") else posixpath.dirname(self.contact_url) + "/"
        self.vcard_url = folder.lstrip("/") + self.contact.vcard_name
        vcard = contact_vcard(self.contact, self.site_url, self.locale)
        self._generate(files, config, self.vcard_url, vcard, Owner("mkdocs.yml", "extra.contact.name", "the vCard of the contact page"))

    # -- pages: what each shows is in courses/views.py ------------------------------------------

    def on_page_read_source(self, *, page, config) -> str | None:
        """Pages in docs/ are read as posts are (decode_source): control characters dropped, so a
        vertical tab pasted from Word neither breaks MkDocs' front matter nor reaches the HTML."""
        if page.file.abs_src_path is None or page.file.generated_by:
            return None
        try:
            return decode_source(page.file.content_bytes, page.file.src_uri)
        except (ContentError, OSError):
            return None  # MkDocs reads it itself and says what is wrong

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if (view := self.views.get(page.file.src_uri)) is not None:
            set_head(page, view.title(), view.meta)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        """A course page's table of contents also lists the sections course.html adds around the
        text ("In het kort", "Data en inschrijven", ...): MkDocs only knows the Markdown's headings."""
        view = self.views.get(page.file.src_uri)
        if isinstance(view, CoursePage) and page.toc is not None:
            before, after = view.toc_sections(site_model(config), self.course_site)
            links = lambda sections: [AnchorLink(escape(title), anchor, 2) for anchor, title in sections]  # noqa: E731
            page.toc = TableOfContents(links(before) + list(page.toc.items) + links(after))
        return html

    def on_env(self, env, *, config, files):
        prepare_own_templates(env, config)
        env.globals["course_labels"] = self.labels
        env.globals["contact_url"] = self.contact_url
        env.globals["contact_form_anchor"] = FORM_ANCHOR
        env.globals["agenda_url"] = self.agenda_url
        env.globals["site_contact"] = self.contact
        return env

    def on_page_context(self, context, *, page, config, nav):
        site = site_model(config)
        if (view := self.views.get(page.file.src_uri)) is not None:
            context.update(view.context(site, self.course_site))
        if isinstance(view, CoursePage) and self.catalogue_url:
            context["section_tab"] = self.catalogue_url  # a course page lights the catalogue's tab
        context.update(training_promo(context.get("post"), site, self.course_site))
        return context
