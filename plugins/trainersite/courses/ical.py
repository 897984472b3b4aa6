"""A course's upcoming sessions as an iCalendar file (RFC 5545), made with `icalendar`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable

import icalendar

from .courses import Course, Session


def session_uid(course: Course, session: Session, host: str) -> str:
    """Stable per course and start, so a calendar that imported the file twice updates, not duplicates."""
    return f"{course.slug}-{session.start:%Y%m%dT%H%M}@{host}"


def course_calendar(course: Course, sessions: Iterable[Session], page_url: str, host: str, stamp: datetime) -> bytes:
    """The sessions as VEVENTs; `stamp` (the build time) is each event's DTSTAMP."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{host}//trainersite//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", course.title)
    sessions = tuple(sessions)
    for session in sessions:
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
        calendar.add_component(event)
    if sessions:
        # The VTIMEZONE (e.g. Europe/Amsterdam) so every client agrees on the hour, for the years the sessions span.
        calendar.add_missing_timezones(
            first_date=sessions[0].start.date().replace(month=1, day=1),
            last_date=max(s.end for s in sessions).date().replace(month=12, day=31),
        )
    return calendar.to_ical()
