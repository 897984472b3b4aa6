"""The agenda: every upcoming session of every course on one page, in one calendar and in one feed.

Pure functions over `Course` objects. Past sessions (started before `now`) are never included.
The calendar (`/agenda.ics`) and the feed (`/agenda.xml`) give each session the same stable UID
as the course's own calendar (ical.session_uid), so an edited time updates an event instead of
adding a second one, and an RSS-to-email service sees only added sessions as new items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Mapping, Sequence
from urllib.parse import urlencode

from babel.dates import format_date
from feedgen.feed import FeedGenerator

from .. import __version__
from ..core.urls import absolute_url
from .courses import Course, Session, format_session, session_mode, upcoming_sessions
from .ical import session_uid, sessions_calendar


@dataclass(frozen=True)
class AgendaEntry:
    course: Course
    session: Session

    @property
    def sort_key(self) -> tuple:
        return (self.session.start, self.session.end, self.course.sort_key)


@dataclass(frozen=True)
class AgendaMonth:
    key: str  # "2027-03": the id of its heading
    title: str  # "Maart 2027"
    entries: tuple[AgendaEntry, ...]


def agenda_entries(courses: Iterable[Course], now: datetime) -> tuple[AgendaEntry, ...]:
    """Every session that has not started yet, across all courses, soonest first."""
    entries = [AgendaEntry(course, session) for course in courses for session in upcoming_sessions(course, now)]
    return tuple(sorted(entries, key=lambda entry: entry.sort_key))


def by_month(entries: Sequence[AgendaEntry], locale: str) -> tuple[AgendaMonth, ...]:
    """The entries (already in order) grouped by the month they start in."""
    months: dict[str, list[AgendaEntry]] = {}
    for entry in entries:
        months.setdefault(f"{entry.session.start:%Y-%m}", []).append(entry)
    result = []
    for key, items in months.items():
        name = format_date(items[0].session.start.date(), "LLLL yyyy", locale=locale)
        result.append(AgendaMonth(key, name[:1].upper() + name[1:], tuple(items)))
    return tuple(result)


def seats_text(session: Session, labels: Mapping[str, str]) -> str:
    """"Vol", "Nog 1 plaats", "Nog 4 plaatsen", or "" when the number is not told."""
    if session.seats_left is None:
        return ""
    if session.seats_left == 0:
        return labels["full"]
    if session.seats_left == 1:
        return labels["seats_one"]
    return labels["seats_many"].format(count=session.seats_left)


def session_format(course: Course, session: Session, labels: Mapping[str, str]) -> str:
    """How this session is given: online when held online, else open enrolment (or in-company when that is all)."""
    if session_mode(course, session) == "online":
        return labels["format_online"]
    return labels["format_incompany"] if course.formats == ("incompany",) else labels["format_open"]


def agenda_calendar(entries: Sequence[AgendaEntry], name: str, site_url: str, host: str, stamp: datetime, tz_name: str) -> bytes:
    """`/agenda.ics`: every upcoming session, each with the URL of its course page."""
    sessions = [(e.course, e.session, absolute_url(site_url, e.course.url)) for e in entries]
    return sessions_calendar(name, sessions, host, stamp, tz_name)


@dataclass(frozen=True)
class AgendaSite:
    """What the agenda's calendar and feed need to know about the site."""

    name: str  # the business's name
    site_url: str
    page_url: str  # site-relative URL of the agenda page
    host: str  # part of every UID
    tz_name: str  # "Europe/Amsterdam"
    locale: str  # babel locale for the dates, "nl"


@dataclass(frozen=True)
class AgendaChannel:
    title: str
    description: str
    site_url: str  # absolute, ends with '/'
    page_url: str  # absolute URL of the agenda page
    self_url: str  # absolute URL of the feed file
    language: str  # "nl"
    locale: str  # babel locale for the dates, "nl"


def webcal_url(url: str) -> str:
    """`https://x/agenda.ics` -> `webcal://x/agenda.ics`: the link that opens a calendar app to subscribe."""
    return "webcal:" + url.split(":", 1)[1]


def agenda_files(entries: Sequence[AgendaEntry], site: AgendaSite, stamp: datetime, labels: Mapping[str, str],
                 calendar_path: str, feed_path: str) -> dict[str, bytes]:
    """Output path -> content of the agenda's calendar and feed."""
    channel = AgendaChannel(
        title=labels["agenda_feed_title"].format(site=site.name),
        description=labels["agenda_feed_description"],
        site_url=absolute_url(site.site_url, ""),
        page_url=absolute_url(site.site_url, site.page_url),
        self_url=absolute_url(site.site_url, feed_path),
        language=site.locale.split("_")[0],
        locale=site.locale,
    )
    name = labels["agenda_calendar_name"].format(site=site.name)
    return {
        calendar_path: agenda_calendar(entries, name, site.site_url, site.host, stamp, site.tz_name),
        feed_path: agenda_feed(entries, channel, site.host, stamp, labels),
    }


def agenda_feed(entries: Sequence[AgendaEntry], channel: AgendaChannel, host: str, stamp: datetime,
                labels: Mapping[str, str]) -> bytes:
    """`/agenda.xml` (RSS 2.0): one item per upcoming session, guid = the session's calendar UID.

    A session's guid stays when its time or location is edited, so RSS-to-email services that
    remember guids mail only sessions that were added. `pubDate` is the build time (`stamp`):
    when a session was added is not recorded anywhere the build can read.
    """
    fg = FeedGenerator()
    fg.id(channel.page_url)
    fg.title(channel.title)
    fg.description(channel.description)
    fg.link(href=channel.self_url, rel="self")
    fg.link(href=channel.page_url, rel="alternate")
    fg.language(channel.language)
    fg.generator("trainersite", version=__version__)
    fg.lastBuildDate(stamp)
    for entry in entries:
        course, session = entry.course, entry.session
        when = format_session(session, channel.locale)
        facts = [when, session_format(course, session, labels)]
        if session.location:
            facts.append(f"{labels['location']}: {session.location}")
        if seats := seats_text(session, labels):
            facts.append(seats)
        item = fg.add_entry(order="append")
        uid = session_uid(course, session, host)
        item.id(uid)
        item.guid(uid, permalink=False)
        item.title(f"{course.title}: {when}")
        item.link(href=absolute_url(channel.site_url, course.url))
        item.description(f"{' · '.join(facts)}. {course.summary}")
        item.pubDate(stamp)
    return fg.rss_str(pretty=True)


# -- what templates show -------------------------------------------------------------------------


def signup_query(entry: AgendaEntry) -> str:
    """The contact form's query that preselects the course and the session (see contact-form.js)."""
    return f"?{urlencode({'training': entry.course.slug, 'datum': entry.session.start.date().isoformat()})}"


def agenda_view(entries: Sequence[AgendaEntry], locale: str, labels: Mapping[str, str]) -> list[dict]:
    """The agenda page's months, each with its sessions as plain values for the template."""
    return [
        {
            "key": month.key,
            "title": month.title,
            "sessions": [
                {
                    "start": entry.session.start.isoformat() if entry.session.has_time else entry.session.start.date().isoformat(),
                    "text": format_session(entry.session, locale),
                    "course": entry.course.title,
                    "url": entry.course.url,
                    "format": session_format(entry.course, entry.session, labels),
                    "location": entry.session.location,
                    "seats": seats_text(entry.session, labels),
                    "full": entry.session.full,
                    "signup_query": signup_query(entry),
                }
                for entry in month.entries
            ],
        }
        for month in by_month(entries, locale)
    ]


def form_sessions(entries: Sequence[AgendaEntry], locale: str) -> list[dict]:
    """The contact form's choice of dates: the option's text is what reaches the trainer."""
    return [
        {
            "training": entry.course.slug,
            "date": entry.session.start.date().isoformat(),
            "text": ", ".join(
                part for part in (entry.course.title, format_session(entry.session, locale), entry.session.location) if part
            ),
        }
        for entry in entries
    ]
