"""Course sessions as iCalendar files (RFC 5545), made with `icalendar`: one per course, and the agenda's."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Sequence

import icalendar

from .courses import Course, Session


def session_uid(course: Course, session: Session, host: str) -> str:
    """Stable per course and session: the course slug and the session's `id`, else its start day.

    A calendar that subscribed (or imported the file twice) updates the event when its time, end or
    location is edited, instead of adding a second one. The course's own file and the agenda use
    the same UID, so both describe one event.
    """
    return f"{course.slug}-{session.key}@{host}"


def session_event(course: Course, session: Session, page_url: str, host: str, stamp: datetime) -> icalendar.Event:
    """One session as a VEVENT; `stamp` (the build time) is its DTSTAMP."""
    event = icalendar.Event()
    event.add("uid", session_uid(course, session, host))
    event.add("dtstamp", stamp)
    if session.has_time:
        event.add("dtstart", session.start)
        event.add("dtend", session.end)
    else:
        # Whole days: DTEND is the day after the last day (exclusive).
        event.add("dtstart", session.start.date())
        event.add("dtend", session.end.date() + timedelta(days=1))
    event.add("summary", course.title)
    event.add("description", course.summary)
    if session.location:
        event.add("location", session.location)
    event.add("url", page_url)
    return event


def sessions_calendar(
    name: str, sessions: Sequence[tuple[Course, Session, str]], host: str, stamp: datetime, tz_name: str | None = None
) -> bytes:
    """A calendar of (course, session, absolute course page URL), in the order given."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{host}//trainersite//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    if tz_name:
        calendar.add("x-wr-timezone", tz_name)  # what Google and Outlook show a subscribed calendar in
    for course, session, page_url in sessions:
        calendar.add_component(session_event(course, session, page_url, host, stamp))
    if sessions:
        # The VTIMEZONE (e.g. Europe/Amsterdam) so every client agrees on the hour, for the years the sessions span.
        calendar.add_missing_timezones(
            first_date=min(s.start for _, s, _ in sessions).date().replace(month=1, day=1),
            last_date=max(s.end for _, s, _ in sessions).date().replace(month=12, day=31),
        )
    return calendar.to_ical()


def course_calendar(course: Course, sessions: Iterable[Session], page_url: str, host: str, stamp: datetime) -> bytes:
    """A course's upcoming sessions as a calendar named after the course."""
    return sessions_calendar(course.title, [(course, session, page_url) for session in sessions], host, stamp)
