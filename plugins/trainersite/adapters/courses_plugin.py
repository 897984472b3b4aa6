"""MkDocs adapter for the course catalogue and the contact page.

Reads every course in docs/trainingen/ before anything is rendered (a bad course fails the build
at once), adds an iCalendar file per course and the business's vCard, picks the templates and
hands the data to them. All knowledge of courses and contact data lives in the core modules.
"""

from __future__ import annotations

import os
import posixpath
from datetime import datetime, timezone
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..courses.contact import FORM_ANCHOR, Contact, business_json_ld, contact_vcard, country_name, parse_contact
from ..courses.labels import course_labels_for
from ..courses.courses import (
    FORMATS,
    Course,
    Session,
    check_trainings,
    course_json_ld,
    format_price,
    format_session,
    format_session_start,
    parse_course,
    sorted_courses,
    upcoming_sessions,
)
from ..core.dates import zone
from ..core.errors import ContentError
from ..core.i18n import plural, site_locale
from ..courses.ical import course_calendar
from ..courses.agenda import AgendaSite, agenda_entries, agenda_files, agenda_view, form_sessions, webcal_url
from ..core.jsonld import json_ld_script
from ..blog.extras import post_link
from ..blog.posts import decode_source
from ..core.urls import absolute_url, site_path, slugify

log = get_plugin_logger(__name__)

BLOG_PLUGIN = "trainersite-blog"


class TrainerCoursesConfig(base.Config):
    courses_dir = c.Type(str, default="trainingen")
    contact_page = c.Type(str, default="contact.md")
    calendar_file = c.Type(str, default="data.ics")
    # The agenda page (a page in docs/) lists every upcoming session; with it come one calendar and one feed.
    agenda_page = c.Type(str, default="agenda.md")
    agenda_calendar = c.Type(str, default="agenda.ics")
    agenda_feed = c.Type(str, default="agenda.xml")
    related_posts = c.Type(int, default=3)
    # Empty: the blog plugin's time zone, else Europe/Amsterdam.
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
        self.courses: dict[str, Course] = {}  # by slug, in catalogue order
        self.courses_by_src: dict[str, Course] = {}
        self.calendar_urls: dict[str, str] = {}
        self.catalogue_src: str | None = None
        self.contact: Contact | None = None
        self.contact_src: str | None = None
        self.contact_url: str | None = None
        self.vcard_url: str | None = None
        self.blog_posts: tuple = ()
        self.now = datetime.now()
        self.agenda: tuple = ()  # every upcoming session (agenda.py)
        self.agenda_src: str | None = None

    # -- configuration ---------------------------------------------------------------------

    def on_config(self, config):
        self.locale = site_locale(config)
        self.labels = course_labels_for(self.locale)
        blog = config.plugins.get(BLOG_PLUGIN)
        tz_name = self.config.timezone or (blog.config.timezone if blog is not None else "") or "Europe/Amsterdam"
        try:
            self.tz = zone(tz_name)
            contact = (config.extra or {}).get("contact")
            self.contact = parse_contact(contact) if contact is not None else None
        except ContentError as err:
            raise PluginError(str(err)) from None
        self.site_url = config.site_url or ""
        self.host = urlsplit(self.site_url).hostname or "localhost"
        return config

    # -- reading: all courses before any page is rendered ------------------------------------

    def on_files(self, files: Files, *, config) -> Files:
        self.now = datetime.now(self.tz)
        self.courses_by_src = {}
        self.calendar_urls = {}
        prefix = self.config.courses_dir.strip("/") + "/"
        self.catalogue_src = None
        for file in list(files.documentation_pages()):
            if not file.src_uri.startswith(prefix):
                continue
            rest = file.src_uri[len(prefix):]
            if rest == "index.md":
                self.catalogue_src = file.src_uri
            elif "/" not in rest:
                self.courses_by_src[file.src_uri] = self._read(file, config, files)
        self.courses = {course.slug: course for course in sorted_courses(self.courses_by_src.values())}
        self.blog_posts = self._posts(config)
        try:
            check_trainings(self.blog_posts, self.courses)
        except ContentError as err:
            raise PluginError(str(err)) from None
        for course in self.courses.values():
            self._add_calendar(files, config, course)
        self._find_contact_page(files, config)
        self.agenda = agenda_entries(self.courses.values(), self.now)
        self._add_agenda(files, config)
        return files

    def _add_agenda(self, files: Files, config) -> None:
        """With an agenda page: /agenda.ics and /agenda.xml beside it, of every upcoming session."""
        file = files.get_file_from_path(self.config.agenda_page)
        self.agenda_src = file.src_uri if file is not None and file.is_documentation_page() else None
        if self.agenda_src is None:
            return
        site = AgendaSite(self.contact.name if self.contact else config.site_name, self.site_url, file.url, self.host,
                          str(self.tz.key), self.locale)
        outputs = agenda_files(self.agenda, site, build_stamp(), self.labels, self.config.agenda_calendar, self.config.agenda_feed)
        for path, content in outputs.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path}: expected no file here, the agenda's {path.rsplit('.', 1)[-1]} is written to /{path}")
            files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))

    def _read(self, file: File, config, files: Files) -> Course:
        source = self._source(file, config)
        slug = posixpath.splitext(posixpath.basename(file.src_uri))[0]
        try:
            if slug != slugify(slug):
                raise ContentError(source, None, f"a file name in lower case with hyphens, like {slugify(slug) or 'mijn-training'}.md")
            course = parse_course(decode_source(file.content_bytes, source), source, slug, file.url, self.tz, self.locale)
            if course.image and not urlsplit(course.image).scheme:
                if files.get_file_from_path(site_path(course.image)) is None:
                    raise ContentError(source, "image", "an image file in docs/, like /assets/images/trainingen/x.svg", course.image)
        except ContentError as err:
            raise PluginError(str(err)) from None
        return course

    @staticmethod
    def _source(file: File, config) -> str:
        """The path as the trainer knows it: docs/trainingen/x.md."""
        root = os.path.dirname(config.config_file_path or ".")
        if file.abs_src_path:
            return os.path.relpath(file.abs_src_path, root).replace(os.sep, "/")
        return file.src_uri

    @staticmethod
    def _posts(config) -> tuple:
        blog = config.plugins.get(BLOG_PLUGIN)
        return blog.blog.posts if blog is not None and getattr(blog, "blog", None) is not None else ()

    def _add_calendar(self, files: Files, config, course: Course) -> None:
        folder = course.url if course.url.endswith("/") else posixpath.splitext(course.url)[0] + "/"
        src_uri = folder + self.config.calendar_file
        content = course_calendar(
            course, upcoming_sessions(course, self.now), absolute_url(self.site_url, course.url), self.host, build_stamp()
        )
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
        self.calendar_urls[course.slug] = src_uri

    def _find_contact_page(self, files: Files, config) -> None:
        file = files.get_file_from_path(self.config.contact_page)
        self.contact_src = file.src_uri if file is not None and file.is_documentation_page() else None
        self.contact_url = file.url if self.contact_src else None
        self.vcard_url = None
        if self.contact_src is None:
            return
        if self.contact is None:
            raise PluginError(
                f"mkdocs.yml: 'extra.contact': expected the contact data (name, email, phone, address, kvk, social) "
                f"for docs/{self.contact_src}"
            )
        folder = self.contact_url if self.contact_url.endswith("/") else posixpath.dirname(self.contact_url) + "/"
        self.vcard_url = folder.lstrip("/") + self.contact.vcard_name
        vcard = contact_vcard(self.contact, self.site_url, self.locale)
        files.append(File.generated(config, self.vcard_url, content=vcard, inclusion=InclusionLevel.NOT_IN_NAV))

    # -- pages -------------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        src = page.file.src_uri
        course = self.courses_by_src.get(src)
        if course is not None:
            # Escaped once here: mkdocs-material prints meta.title and meta.description unescaped.
            page.title = Markup(escape(course.title))
            page.meta.update(template="course.html", title=page.title, description=escape(course.summary))
        elif src == self.catalogue_src:
            page.meta.setdefault("template", "catalogue.html")
        elif src == self.contact_src:
            page.meta.setdefault("template", "contact.html")
        elif src == self.agenda_src:
            page.meta.setdefault("template", "agenda.html")
        return markdown

    # -- template context --------------------------------------------------------------------

    def on_env(self, env, *, config, files):
        env.globals["course_labels"] = self.labels
        env.globals["contact_url"] = self.contact_url
        env.globals["contact_form_anchor"] = FORM_ANCHOR
        env.globals["site_contact"] = self.contact
        return env

    def on_page_context(self, context, *, page, config, nav):
        src = page.file.src_uri
        course = self.courses_by_src.get(src)
        if course is not None:
            context["course"] = self._course_view(course, config)
        elif src == self.catalogue_src:
            context["catalogue"] = {
                "formats": [self._format(key) for key in FORMATS if any(key in c.formats for c in self.courses.values())],
                "cards": [self._card(c) for c in self.courses.values()],
            }
        elif src == self.contact_src and self.contact is not None:
            context["contact"] = self._contact_view(config)
        elif src == self.agenda_src:
            context["agenda"] = {
                "months": agenda_view(self.agenda, self.locale, self.labels),
                "calendar_url": self.config.agenda_calendar,
                "webcal_url": webcal_url(absolute_url(self.site_url, self.config.agenda_calendar)),
                "feed_url": self.config.agenda_feed,
            }
        post = context.get("post")
        if isinstance(post, dict) and post.get("training") in self.courses:
            course = self.courses[post["training"]]
            context["training_promo"] = {
                **self._card(course),
                "testimonial": course.testimonials[0] if course.testimonials else None,
            }
        return context

    def _format(self, key: str) -> dict:
        return {"key": key, "label": self.labels[f"format_{key}"]}

    def _price(self, course: Course) -> dict:
        if course.price is None:
            return {"text": self.labels["price_on_request"], "note": ""}
        return {"text": format_price(course.price, self.locale), "note": self.labels["price_excl_vat"]}

    def _card(self, course: Course) -> dict:
        upcoming = upcoming_sessions(course, self.now)
        next_session = upcoming[0] if upcoming else None
        return {
            "slug": course.slug,
            "title": course.title,
            "summary": course.summary,
            "url": course.url,
            "image": site_path(course.image),
            "formats": [self._format(key) for key in course.formats],
            "duration": course.duration,
            "price": self._price(course),
            "next_session": {
                "date": next_session.start.date().isoformat(),
                "text": format_session_start(next_session, self.locale),
                "full": next_session.full,
            } if next_session else None,
        }

    def _session_view(self, session: Session) -> dict:
        if session.seats_left is None:
            seats = ""
        elif session.seats_left == 0:
            seats = self.labels["full"]
        else:
            seats = plural(self.labels, "seats", session.seats_left)
        return {
            "start": session.start.isoformat(),
            "text": format_session(session, self.locale),
            "location": session.location,
            "seats": seats,
            "full": session.full,
        }

    def _course_view(self, course: Course, config) -> dict:
        upcoming = upcoming_sessions(course, self.now)
        open_dates = "open" in course.formats and any(not s.full for s in upcoming)
        provider = {"name": self.contact.name if self.contact else config.site_name, "url": self.site_url}
        return {
            **self._card(course),
            "audience": course.audience,
            "goals": course.goals,
            "group_size": self.labels["group_size_value"].format(count=course.max_participants)
            if course.max_participants else None,
            "sessions": [self._session_view(s) for s in upcoming],
            "testimonials": course.testimonials,
            "categories": [category.name for category in course.categories],
            "related_posts": self._related_posts(course),
            "cta_label": self.labels["enrol"] if open_dates else self.labels["quote_request"],
            "calendar_url": self.calendar_urls[course.slug] if upcoming else None,
            "json_ld": json_ld_script(course_json_ld(course, upcoming, self.site_url, provider)),
        }

    def _related_posts(self, course: Course) -> list[dict]:
        wanted = {category.slug for category in course.categories}
        related = [
            post_link(post)
            for post in self.blog_posts  # newest first
            if wanted & {category.slug for category in post.categories}
        ]
        return related[: self.config.related_posts]

    def _contact_view(self, config) -> dict:
        contact = self.contact
        address = contact.address
        return {
            "name": contact.name,
            "person": contact.person,
            "email": contact.email,
            "phone": contact.phone,
            "phone_uri": contact.phone_uri,
            "address": {
                "street": address.street,
                "postal_code": address.postal_code,
                "city": address.city,
                "country": country_name(address.country, self.locale),
            } if address else None,
            "kvk": contact.kvk,
            "social": contact.social,
            "form_endpoint": contact.form_endpoint,
            "honeypot_field": contact.honeypot_field,
            "vcard_url": self.vcard_url,
            "courses": [{"slug": c.slug, "title": c.title} for c in self.courses.values()],
            "sessions": form_sessions(self.agenda, self.locale),
            "json_ld": json_ld_script(business_json_ld(contact, self.site_url, config.site_description or "")),
        }
