"""What the course pages show: one small object per page kind, like blog/views.py.

| page kind | view | template |
|---|---|---|
| a course (`docs/trainingen/<slug>.md`) | `CoursePage` | course.html |
| the catalogue (`docs/trainingen/index.md`) | `CataloguePage` | catalogue.html (unless the page names another) |
| the contact page | `ContactPage` | contact.html (unless the page names another) |
| the agenda page | `AgendaPage` | agenda.html (unless the page names another) |
| the home page (`docs/index.md`: hero, offer, testimonials, contact block) | `HomeView` | home.html (the blog plugin adds the newest posts) |

Under a post with `training:`, `training_promo` adds a block about that course. Nothing here knows MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from ..blog.extras import post_link
from ..core.i18n import plural
from ..core.jsonld import json_ld_script
from ..core.site_model import SiteModel
from ..core.urls import absolute_url, site_path
from .agenda import agenda_view, form_sessions, webcal_url
from .contact import business_json_ld, country_name
from .courses import (
    FORMATS, Course, Session, course_json_ld, format_price, format_session, format_session_start, next_dates,
    upcoming_sessions,
)


@dataclass
class CourseSite:
    """What the course views need besides the SiteModel: labels and the files the plugin added."""

    labels: dict[str, str]
    related_posts: int = 3
    calendar_urls: dict[str, str] = field(default_factory=dict)  # by course slug
    vcard_url: str | None = None
    site_description: str = ""
    agenda: tuple = ()  # every upcoming session (agenda.py)
    agenda_calendar: str = "agenda.ics"
    agenda_feed: str = "agenda.xml"


def _format(key: str, labels: dict[str, str]) -> dict:
    return {"key": key, "label": labels[f"format_{key}"]}


def _price(course: Course, labels: dict[str, str], locale: str) -> dict:
    if course.price is None:
        return {"text": labels["price_on_request"], "note": ""}
    return {"text": format_price(course.price, locale), "note": labels["price_excl_vat"]}


def _date_view(session: Session, site: SiteModel, cs: CourseSite) -> dict:
    """A session on a card: its start day, and how many places are left when the trainer told."""
    seats_left = session.seats_left
    return {
        "date": session.start.date().isoformat(),
        "text": format_session_start(session, site.locale),
        "full": session.full,
        "places": plural(cs.labels, "places", seats_left) if seats_left else "",
    }


def card(course: Course, site: SiteModel, cs: CourseSite) -> dict:
    """A course as a card in the catalogue, on the home page, or under a post that promotes it.

    `next_session` is the first session with places (a full one only when every date is full);
    `full_before` the full session(s) before it, shown as "9 maart 2027 (vol), 15 juni 2027: nog 4 plaatsen".
    """
    dates = next_dates(course, site.now)
    if dates is None:
        next_session, full_before = None, []
    elif dates.bookable is None:
        next_session, full_before = _date_view(dates.full[0], site, cs), []
    else:
        next_session = _date_view(dates.bookable, site, cs)
        full_before = [_date_view(session, site, cs) for session in dates.full]
    return {
        "slug": course.slug,
        "title": course.title,
        "summary": course.summary,
        "url": course.url,
        "image": site_path(course.image),
        "formats": [_format(key, cs.labels) for key in course.formats],
        "duration": course.duration,
        "price": _price(course, cs.labels, site.locale),
        "next_session": next_session,
        "full_before": full_before,
    }


def _session_view(session: Session, site: SiteModel, cs: CourseSite) -> dict:
    if session.seats_left is None:
        seats = ""
    elif session.seats_left == 0:
        seats = cs.labels["full"]
    else:
        seats = plural(cs.labels, "seats", session.seats_left)
    return {
        "start": session.start.isoformat(),
        "text": format_session(session, site.locale),
        "location": session.location,
        "seats": seats,
        "full": session.full,
    }


def _related_posts(course: Course, site: SiteModel, limit: int) -> list[dict]:
    wanted = {category.slug for category in course.categories}
    related = [
        post_link(post)
        for post in site.posts  # newest first
        if wanted & {category.slug for category in post.categories}
    ]
    return related[:limit]


class View:
    template = ""

    def title(self) -> str | None:
        return None

    def meta(self, title: str | None, meta: dict[str, Any]) -> dict[str, Any]:
        # The catalogue and contact pages keep a template the trainer chose.
        return {} if "template" in meta else {"template": self.template}

    def context(self, site: SiteModel, cs: CourseSite) -> dict[str, Any]:
        return {}


@dataclass
class CoursePage(View):
    course: Course
    template = "course.html"

    def title(self):
        return Markup(escape(self.course.title))

    def meta(self, title, meta):
        # Escaped once here: mkdocs-material prints meta.title and meta.description unescaped.
        return {"template": self.template, "title": title, "description": escape(self.course.summary)}

    def toc_sections(self, site: SiteModel, cs: CourseSite) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """The sections course.html adds around the trainer's text, as (anchor id, title) for the
        page's table of contents: those before the text and those after it, in page order.
        The ids are the ones the partials give their headings (course-facts.html and others)."""
        course, labels = self.course, cs.labels
        before = [("ts-course-facts-title", labels["details"])]
        if course.goals:
            before.append(("ts-course-goals-title", labels["goals"]))
        after = [("ts-course-sessions-title", labels["sessions"])]
        if course.testimonials:
            after.append(("ts-testimonials-title", labels["testimonials"]))
        if _related_posts(course, site, cs.related_posts):
            after.append(("ts-course-related-title", labels["related_posts"]))
        return before, after

    def context(self, site, cs):
        course = self.course
        labels = cs.labels
        upcoming = upcoming_sessions(course, site.now)
        open_dates = "open" in course.formats and any(not s.full for s in upcoming)
        provider = {"name": site.contact.name if site.contact else site.site_name, "url": site.site_url}
        return {"course": {
            **card(course, site, cs),
            "audience": course.audience,
            "goals": course.goals,
            "group_size": labels["group_size_value"].format(count=course.max_participants) if course.max_participants else None,
            "sessions": [_session_view(s, site, cs) for s in upcoming],
            "testimonials": course.testimonials,
            "categories": [category.name for category in course.categories],
            "related_posts": _related_posts(course, site, cs.related_posts),
            "cta_label": labels["enrol"] if open_dates else labels["quote_request"],
            "calendar_url": cs.calendar_urls[course.slug] if upcoming else None,
            "json_ld": json_ld_script(course_json_ld(course, upcoming, site.site_url, provider)),
        }}


class CataloguePage(View):
    template = "catalogue.html"

    def context(self, site, cs):
        courses = site.courses.values()
        return {"catalogue": {
            "formats": [_format(key, cs.labels) for key in FORMATS if any(key in c.formats for c in courses)],
            "cards": [card(c, site, cs) for c in courses],
        }}


class ContactPage(View):
    template = "contact.html"

    def context(self, site, cs):
        contact = site.contact
        if contact is None:
            return {}
        address = contact.address
        return {"contact": {
            "name": contact.name,
            "person": contact.person,
            "email": contact.email,
            "phone": contact.phone,
            "phone_uri": contact.phone_uri,
            "address": {
                "street": address.street,
                "postal_code": address.postal_code,
                "city": address.city,
                "country": country_name(address.country, site.locale),
            } if address else None,
            "kvk": contact.kvk,
            "social": contact.social,
            "form_endpoint": contact.form_endpoint,
            "honeypot_field": contact.honeypot_field,
            "vcard_url": cs.vcard_url,
            "courses": [{"slug": c.slug, "title": c.title} for c in site.courses.values()],
            "sessions": form_sessions(cs.agenda, site.locale),
            "json_ld": json_ld_script(business_json_ld(contact, site.site_url, cs.site_description)),
        }}


class AgendaPage(View):
    template = "agenda.html"

    def context(self, site, cs):
        return {"agenda": {
            "months": agenda_view(cs.agenda, site.locale, cs.labels),
            "calendar_url": cs.agenda_calendar,
            "webcal_url": webcal_url(absolute_url(site.site_url, cs.agenda_calendar)),
            "feed_url": cs.agenda_feed,
        }}


def training_promo(post: object, site: SiteModel, cs: CourseSite) -> dict[str, Any]:
    """Under a post (its template context `post`) that names a course: a block about that course."""
    if not isinstance(post, dict) or post.get("training") not in site.courses:
        return {}
    course = site.courses[post["training"]]
    return {"training_promo": {**card(course, site, cs), "testimonial": course.testimonials[0] if course.testimonials else None}}


@dataclass
class HomeView(View):
    """The home page: hero, offer, testimonials and contact block (courses/home.py); the blog plugin adds the posts."""

    home: Any  # courses/home.py Home
    template = "home.html"

    def context(self, site, cs):
        home = self.home
        slugs = home.courses if home.courses is not None else tuple(site.courses)
        courses = [site.courses[slug] for slug in slugs if slug in site.courses]
        quotes = [
            {"quote": t.quote, "name": t.name, "role": t.role, "course": course.title, "url": course.url}
            for course in courses for t in course.testimonials
        ]
        hero = home.hero
        return {"home": {
            "hero": {
                "title": hero.title, "text": hero.text, "image": hero.image, "image_alt": hero.image_alt,
                "buttons": [{"label": b.label, "url": b.url} for b in hero.buttons],
            } if hero else None,
            "courses_title": home.courses_title or "",
            "cards": [card(course, site, cs) for course in courses],
            "testimonials": _spread(quotes, home.testimonials),
            "newsletter": home.newsletter,
            "contact": home.contact,
        }}


def _spread(quotes: list[dict], count: int) -> list[dict]:
    """`count` quotes, one per course first, so two quotes are about two courses when there are."""
    chosen, seen = [], set()
    for quote in quotes:
        if quote["url"] not in seen:
            chosen.append(quote)
            seen.add(quote["url"])
    chosen += [quote for quote in quotes if quote not in chosen]
    return chosen[:count]
