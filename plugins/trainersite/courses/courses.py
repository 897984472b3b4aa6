"""Courses: a Markdown file in docs/trainingen/ with YAML front matter -> a validated `Course`.

Pure functions; every problem is a `ContentError` naming the file, the key and what was expected.
Also here: which sessions are still upcoming, prices and session dates in the site's language,
and the schema.org `Course` data for search engines.
"""

from __future__ import annotations

import re
import math
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any, Iterable, Mapping
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_interval
from babel.numbers import format_currency

from ..core.dates import parse_when
from ..core.errors import ContentError
from ..core.safe_urls import checked_url
from ..blog.models import Category
from ..blog.posts import split_front_matter
from ..core.schema import COURSE, FORMATS, SESSION, TESTIMONIAL, items, text, text_list, whole_number
from ..core.urls import absolute_url, slugify

# A session's `id`: letters, digits, '-' and '_', so it can sit inside a calendar UID as it is.
SESSION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")



@dataclass(frozen=True)
class Session:
    start: datetime  # aware, in the site's time zone
    end: datetime
    has_time: bool  # False: whole days (`start: 2027-03-09`)
    location: str = ""
    seats_left: int | None = None  # None: not told
    id: str | None = None  # keeps the calendar UID when the start day is corrected

    @property
    def full(self) -> bool:
        return self.seats_left == 0

    @property
    def key(self) -> str:
        """What identifies the session within its course: its `id`, else its start day.

        Not the start time, end or location: editing those keeps the key (and the calendar UID).
        """
        return self.id or f"{self.start:%Y%m%d}"


@dataclass(frozen=True)
class Testimonial:
    quote: str
    name: str
    role: str = ""


@dataclass(frozen=True)
class Course:
    source: str  # e.g. docs/trainingen/klantgericht-communiceren.md
    slug: str
    url: str  # site-relative page URL, e.g. trainingen/klantgericht-communiceren/
    title: str
    summary: str
    formats: tuple[str, ...] = ()
    duration: str | None = None
    price: Decimal | None = None  # euro excl. btw; None = on request
    audience: str | None = None
    goals: tuple[str, ...] = ()
    max_participants: int | None = None
    sessions: tuple[Session, ...] = ()  # by start
    testimonials: tuple[Testimonial, ...] = ()
    image: str | None = None
    categories: tuple[Category, ...] = ()
    order: int | None = None

    @property
    def sort_key(self) -> tuple:
        """By `order` (courses without one last), then title."""
        return (self.order is None, self.order or 0, self.title.casefold(), self.slug)


# -- reading -----------------------------------------------------------------------------------


def parse_course(content: str, source: str, slug: str, url: str, tz: ZoneInfo, locale: str = "nl") -> Course:
    """A course file's text (front matter + Markdown) -> a validated Course."""
    meta, _body = split_front_matter(content, source)
    COURSE.check_keys(meta, source)
    max_participants = whole_number(meta, "max_participants", source, minimum=1)
    sessions = _sessions(meta.get("sessions"), source, tz, locale, max_participants)
    return Course(
        source=source,
        slug=slug,
        url=url,
        title=" ".join(text(meta, "title", source, required=True).split()),  # one line: also the calendar's name
        summary=text(meta, "summary", source, required=True),
        formats=_formats(meta, source),
        duration=text(meta, "duration", source),
        price=_price(meta, source),
        audience=text(meta, "audience", source),
        goals=text_list(meta, "goals", source),
        max_participants=max_participants,
        sessions=sessions,
        testimonials=_testimonials(meta.get("testimonials"), source),
        image=checked_url(text(meta, "image", source), source, "image"),
        categories=_categories(meta, source),
        order=whole_number(meta, "order", source, minimum=None),
    )


def _formats(meta: Mapping[str, Any], source: str) -> tuple[str, ...]:
    given = text_list(meta, "format", source)
    for value in given:
        if value not in FORMATS:
            raise ContentError(source, "format", COURSE["format"].expected, value)
    return tuple(f for f in FORMATS if f in given)


def _price(meta: Mapping[str, Any], source: str) -> Decimal | None:
    value = meta.get("price")
    if value is None:
        return None
    # .inf and .nan are YAML numbers too; no price is infinite.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise ContentError(source, "price", COURSE["price"].expected, value)
    return Decimal(str(value))


def _categories(meta: Mapping[str, Any], source: str) -> tuple[Category, ...]:
    categories = {}
    for name in text_list(meta, "categories", source):
        slug = slugify(name)
        if not slug:
            raise ContentError(source, "categories", "names with at least one letter or digit", name)
        categories.setdefault(slug, Category(name, slug))
    return tuple(categories.values())


def _sessions(value: object, source: str, tz: ZoneInfo, locale: str, max_participants: int | None) -> tuple[Session, ...]:
    sessions = []
    for where, item in items(value, SESSION, source, "sessions", "sessions with start, end, location and seats_left"):
        for key in ("start", "end"):
            if item.get(key) is None:
                raise ContentError(source, f"{where}.{key}", "a date and time like 2027-03-09 09:30")
        start = parse_when(item["start"], source, f"{where}.start", tz, locale)
        end = parse_when(item["end"], source, f"{where}.end", tz, locale)
        if start.has_time != end.has_time:
            raise ContentError(source, f"{where}.end", "a time if and only if the start has one", item["end"])
        if end.moment < start.moment:
            raise ContentError(source, f"{where}.end", f"a moment after the start ({item['start']})", item["end"])
        seats_left = whole_number(item, "seats_left", source, minimum=0, where=where)
        location = text(item, "location", source, where)
        session_id = text(item, "id", source, where)
        if session_id is not None and not SESSION_ID.match(session_id):
            raise ContentError(source, f"{where}.id", "letters, digits and hyphens, like voorjaar-2027", session_id)
        if seats_left is not None and max_participants is not None and seats_left > max_participants:
            raise ContentError(source, f"{where}.seats_left", f"at most max_participants ({max_participants})", seats_left)
        sessions.append(
            Session(
                start=start.moment,
                end=end.moment,
                has_time=start.has_time,
                location=location or "",
                seats_left=seats_left,
                id=session_id,
            )
        )
        _check_distinct(sessions, source)
    return tuple(sorted(sessions, key=lambda s: (s.start, s.end)))


def _check_distinct(sessions: list[Session], source: str) -> None:
    """The newest session may not share its key (the calendar UID) with an earlier one of the course."""
    new = sessions[-1]
    where = f"sessions[{len(sessions)}]"
    for number, other in enumerate(sessions[:-1], start=1):
        if other.key != new.key:
            continue
        if new.id is not None:
            raise ContentError(source, f"{where}.id", f"an id of its own, but sessions[{number}] has it too", new.id)
        same = "start" if other.start == new.start else "start day"
        raise ContentError(
            source, f"{where}.start",
            f"an 'id' (e.g. id: {new.start:%Y-%m-%d}-middag), because sessions[{number}] has the same {same} "
            "and the calendar tells sessions apart by their start day",
            f"{new.start:%Y-%m-%d %H:%M}",
        )


def _testimonials(value: object, source: str) -> tuple[Testimonial, ...]:
    testimonials = []
    for where, item in items(value, TESTIMONIAL, source, "testimonials", "testimonials with quote, name and role"):
        quote = text(item, "quote", source, where, required=True)
        name = text(item, "name", source, where, required=True)
        testimonials.append(Testimonial(quote, name, text(item, "role", source, where) or ""))
    return tuple(testimonials)


def check_trainings(posts: Iterable[Any], courses: Mapping[str, Course]) -> None:
    """Every post's `training:` names a course; else a ContentError naming the post's file."""
    known = ", ".join(sorted(courses)) or "(no courses in docs/trainingen/)"
    for post in posts:
        if post.training and post.training not in courses:
            raise ContentError(post.source, "training", f"the slug of a course ({known})", post.training)


def sorted_courses(courses: Iterable[Course]) -> tuple[Course, ...]:
    return tuple(sorted(courses, key=lambda course: course.sort_key))


# -- what is shown -----------------------------------------------------------------------------


def upcoming_sessions(course: Course, now: datetime) -> tuple[Session, ...]:
    """Sessions that have not started yet: one cannot enrol for what is under way."""
    return tuple(session for session in course.sessions if session.start > now)


@dataclass(frozen=True)
class NextDates:
    """What a course card says under "Eerstvolgende": the first session one can still book, and the
    full sessions before it (at most `keep_full`), so a card never sends a reader to a full date
    while a later one has places. When every upcoming session is full, `bookable` is None and
    `full` holds the first of them (a waiting list is still worth a call)."""

    bookable: Session | None
    full: tuple[Session, ...] = ()


def next_dates(course: Course, now: datetime, keep_full: int = 1) -> NextDates | None:
    """The card's next dates; None when the course has no upcoming sessions."""
    upcoming = upcoming_sessions(course, now)
    if not upcoming:
        return None
    for index, session in enumerate(upcoming):
        if not session.full:
            return NextDates(session, upcoming[:index][:keep_full])
    return NextDates(None, upcoming[:max(keep_full, 1)])


def format_price(price: Decimal, locale: str) -> str:
    """`€ 1.295` in Dutch: whole euros without cents, otherwise with them (`€ 12,50`)."""
    if price == price.to_integral_value():
        pattern = Locale.parse(locale).currency_formats["standard"].pattern
        whole = ";".join(part.replace(".00", "") for part in pattern.split(";"))
        return format_currency(price, "EUR", format=whole, locale=locale, currency_digits=False)
    return format_currency(price, "EUR", locale=locale)


def format_session(session: Session, locale: str) -> str:
    """`dinsdag 9 maart 2027, 09:30–17:00`; several days as `day – day, 09:30–17:00`."""
    first, last = session.start.date(), session.end.date()
    days = format_date(first, "full", locale=locale)
    if last != first:
        days = f"{days} – {format_date(last, 'full', locale=locale)}"
    if not session.has_time:
        return days
    hours = format_interval(session.start.time(), session.end.time(), "Hm", locale=locale)
    return f"{days}, {hours}"


def format_session_start(session: Session, locale: str) -> str:
    """The short form for catalogue cards: `9 maart 2027`."""
    return format_date(session.start.date(), "long", locale=locale)


def session_mode(course: Course, session: Session) -> str:
    """schema.org courseMode: `online` for an online-only course or a session held online."""
    if course.formats == ("online",) or session.location.casefold().startswith("online"):
        return "online"
    return "onsite"


# -- structured data ---------------------------------------------------------------------------


def course_json_ld(course: Course, sessions: Iterable[Session], site_url: str, provider: Mapping[str, str]) -> dict:
    """schema.org `Course` with a `CourseInstance` per upcoming session.

    `provider` is the business as `{"name": ..., "url": ...}`.
    """
    url = absolute_url(site_url, course.url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": url + "#course",
        "name": course.title,
        "description": course.summary,
        "url": url,
        "provider": {"@type": "Organization", "name": provider["name"], "url": provider["url"]},
    }
    if course.image:
        data["image"] = absolute_url(site_url, course.image)
    if course.duration:
        data["timeRequired"] = course.duration
    if course.audience:
        data["audience"] = {"@type": "Audience", "audienceType": course.audience}
    if course.goals:
        data["teaches"] = list(course.goals)
    if course.price is not None:
        data["offers"] = _offer(course.price, url, available=True)
    instances = []
    for session in sessions:
        mode = session_mode(course, session)
        instance: dict[str, Any] = {
            "@type": "CourseInstance",
            "courseMode": mode,
            "startDate": session.start.isoformat() if session.has_time else session.start.date().isoformat(),
            "endDate": session.end.isoformat() if session.has_time else session.end.date().isoformat(),
        }
        if session.location:
            place_type = "VirtualLocation" if mode == "online" else "Place"
            instance["location"] = {"@type": place_type, "name": session.location}
        if course.price is not None:
            instance["offers"] = _offer(course.price, url, available=not session.full)
        instances.append(instance)
    if instances:
        data["hasCourseInstance"] = instances
    return data


def _offer(price: Decimal, url: str, available: bool) -> dict:
    return {
        "@type": "Offer",
        "category": "Paid",
        "price": str(price),
        "priceCurrency": "EUR",
        "priceSpecification": {
            "@type": "UnitPriceSpecification",
            "price": str(price),
            "priceCurrency": "EUR",
            "valueAddedTaxIncluded": False,
        },
        "availability": "https://schema.org/InStock" if available else "https://schema.org/SoldOut",
        "url": url,
    }
