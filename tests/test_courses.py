"""Unit tests of the course core: reading and validating course files, sessions, prices, JSON-LD, iCalendar."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import icalendar
import pytest
import yaml

from trainersite.courses.courses import (
    check_trainings,
    course_json_ld,
    format_price,
    format_session,
    next_dates,
    NextDates,
    parse_course,
    sorted_courses,
    upcoming_sessions,
)
from trainersite.core.errors import ContentError
from trainersite.courses.ical import course_calendar
from trainersite.core.jsonld import json_ld_script, json_ld_text

TZ = ZoneInfo("Europe/Amsterdam")
SOURCE = "docs/trainingen/test.md"
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=TZ)
PROVIDER = {"name": "Verbeek Klantcontact", "url": "https://www.example.nl/"}


def course_text(body: str = "Tekst.", **meta) -> str:
    meta = {"title": "Klantgericht communiceren", "summary": "Twee dagen oefenen.", **meta}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body + "\n"


def parse(text: str, slug: str = "test"):
    return parse_course(text, SOURCE, slug, f"trainingen/{slug}/", TZ, "nl")


SESSIONS = [
    {"start": "2025-10-14 09:30", "end": "2025-10-15 17:00", "location": "Utrecht", "seats_left": 0},
    {"start": "2027-03-09 09:30", "end": "2027-03-10 17:00", "location": "Utrecht", "seats_left": 0},
    {"start": "2027-06-15 09:30", "end": "2027-06-15 17:00", "location": "Amersfoort", "seats_left": 4},
]


def test_a_full_course_is_read_with_every_field():
    course = parse(
        course_text(
            duration="2 dagen",
            format=["incompany", "open"],
            price=1295,
            audience="Medewerkers klantenservice",
            goals=["Luisteren", "Doorvragen"],
            max_participants=12,
            sessions=SESSIONS,
            testimonials=[{"quote": "Heel praktisch.", "name": "Sanne K.", "role": "Teamleider"}],
            image="/assets/images/x.svg",
            categories=["Klantgerichtheid", "Één vraag"],
            order=2,
        )
    )
    assert course.title == "Klantgericht communiceren"
    assert course.formats == ("open", "incompany")  # shown in a fixed order
    assert course.price == Decimal("1295")
    assert course.goals == ("Luisteren", "Doorvragen")
    assert [s.location for s in course.sessions] == ["Utrecht", "Utrecht", "Amersfoort"]
    assert course.sessions[0].start == datetime(2025, 10, 14, 9, 30, tzinfo=TZ)
    assert course.sessions[0].full and not course.sessions[2].full
    assert course.testimonials[0].role == "Teamleider"
    assert [c.slug for c in course.categories] == ["klantgerichtheid", "een-vraag"]
    assert course.order == 2 and course.url == "trainingen/test/"


def test_a_course_without_price_or_sessions_is_valid():
    course = parse(course_text(format="incompany"))
    assert course.price is None and course.sessions == () and course.formats == ("incompany",)


@pytest.mark.parametrize(
    ("meta", "key", "expected"),
    [
        ({"title": None}, "title", "non-empty text"),
        ({"summary": ""}, "summary", "non-empty text"),
        ({"format": ["klassikaal"]}, "format", "open, online, incompany"),
        ({"price": "duizend euro"}, "price", "number"),
        ({"price": -5}, "price", "number"),
        ({"price": True}, "price", "number"),
        ({"max_participants": 0}, "max_participants", "whole number of at least 1"),
        ({"order": "eerst"}, "order", "whole number"),
        ({"prijs": 100}, "prijs", "one of the course keys"),
        ({"sessions": "morgen"}, "sessions", "a list of sessions"),
        ({"sessions": [{"start": "2027-01-05 09:00"}]}, "sessions[1].end", "date and time"),
        ({"sessions": [{"start": "2027-01-05 09:00", "end": "gisteren"}]}, "sessions[1].end", "a date like"),
        ({"sessions": [{"start": "2027-01-05 17:00", "end": "2027-01-05 09:00"}]}, "sessions[1].end", "after the start"),
        ({"sessions": [{"start": "2027-01-05 09:00", "end": "2027-01-06"}]}, "sessions[1].end", "a time if and only if"),
        ({"sessions": [{"start": "2027-01-05 09:00", "end": "2027-01-05 17:00", "seats_left": -1}]}, "sessions[1].seats_left", "at least 0"),
        ({"sessions": [{"start": "2027-01-05 09:00", "end": "2027-01-05 17:00", "room": "A"}]}, "sessions[1].room", "only end, id, location"),
        (
            {"max_participants": 8, "sessions": [{"start": "2027-01-05 09:00", "end": "2027-01-05 17:00", "seats_left": 9}]},
            "sessions[1].seats_left",
            "at most max_participants (8)",
        ),
        ({"testimonials": [{"quote": "Top"}]}, "testimonials[1].name", "non-empty text"),
        ({"testimonials": ["Top"]}, "testimonials[1]", "quote, name and role"),
        ({"goals": {"a": 1}}, "goals", "list of texts"),
    ],
)
def test_bad_front_matter_names_file_key_and_expectation(meta, key, expected):
    with pytest.raises(ContentError) as caught:
        parse(course_text(**meta))
    message = str(caught.value)
    assert caught.value.key == key
    assert message.startswith(f"{SOURCE}: '{key}': expected")
    assert expected in message


def test_invalid_yaml_is_a_content_error():
    with pytest.raises(ContentError, match="valid YAML"):
        parse("---\ntitle: [niet af\n---\nTekst\n")


def test_upcoming_sessions_leave_out_the_past_and_what_has_started():
    course = parse(course_text(sessions=SESSIONS))
    upcoming = upcoming_sessions(course, NOW)
    assert [s.start.date().isoformat() for s in upcoming] == ["2027-03-09", "2027-06-15"]
    started = upcoming_sessions(course, datetime(2027, 3, 9, 10, 0, tzinfo=TZ))
    assert [s.start.date().isoformat() for s in started] == ["2027-06-15"]


def test_courses_sort_by_order_then_title_with_unordered_last():
    courses = [
        parse(course_text(title="Zeker weten", order=1), "z"),
        parse(course_text(title="Bellen"), "b"),
        parse(course_text(title="Afspraken"), "a"),
        parse(course_text(title="Mailen", order=1), "m"),
    ]
    assert [c.slug for c in sorted_courses(courses)] == ["m", "z", "a", "b"]


def test_prices_in_dutch_and_english():
    assert format_price(Decimal("1295"), "nl") == "€\xa01.295"
    assert format_price(Decimal("12.5"), "nl") == "€\xa012,50"
    assert format_price(Decimal("1295"), "en") == "€1,295"


def test_session_dates_in_dutch():
    course = parse(course_text(sessions=SESSIONS + [{"start": "2027-09-01", "end": "2027-09-02"}]))
    texts = [format_session(s, "nl") for s in course.sessions]
    assert texts[2] == "dinsdag 15 juni 2027, 09:30–17:00"
    assert texts[1] == "dinsdag 9 maart 2027 – woensdag 10 maart 2027, 09:30–17:00"
    assert texts[3] == "woensdag 1 september 2027 – donderdag 2 september 2027"


def test_unknown_training_in_a_post_names_the_post_and_the_known_slugs():
    class FakePost:
        source = "posts/2024-01-01-x.md"
        training = "bestaat-niet"

    courses = {"klachten": parse(course_text(), "klachten")}
    with pytest.raises(ContentError) as caught:
        check_trainings([FakePost()], courses)
    assert str(caught.value).startswith("posts/2024-01-01-x.md: 'training': expected the slug of a course (klachten)")


def test_course_json_ld_has_course_instances_with_offers():
    course = parse(course_text(format=["open", "online"], price=495, sessions=SESSIONS))
    data = course_json_ld(course, upcoming_sessions(course, NOW), "https://www.example.nl/", PROVIDER)
    assert data["@type"] == "Course" and data["provider"]["name"] == "Verbeek Klantcontact"
    assert data["url"] == "https://www.example.nl/trainingen/test/"
    instances = data["hasCourseInstance"]
    assert [i["@type"] for i in instances] == ["CourseInstance", "CourseInstance"]
    assert instances[0]["startDate"] == "2027-03-09T09:30:00+01:00"
    assert instances[0]["offers"]["availability"].endswith("SoldOut")
    assert instances[1]["offers"]["availability"].endswith("InStock")
    assert instances[1]["offers"]["price"] == "495" and instances[1]["offers"]["priceCurrency"] == "EUR"
    assert instances[1]["location"] == {"@type": "Place", "name": "Amersfoort"}


def test_online_sessions_have_a_virtual_location():
    course = parse(course_text(format="online", sessions=[{"start": "2027-01-05 13:00", "end": "2027-01-05 16:30", "location": "Zoom"}]))
    instance = course_json_ld(course, course.sessions, "https://www.example.nl/", PROVIDER)["hasCourseInstance"][0]
    assert instance["courseMode"] == "online" and instance["location"]["@type"] == "VirtualLocation"
    assert "offers" not in instance  # no price: on request


def test_json_ld_cannot_break_out_of_its_script_element():
    hostile = '</script><script>alert("x")</script> & <!--'
    text = json_ld_text({"name": hostile})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": hostile}
    script = str(json_ld_script({"name": hostile}))
    assert script.count("</script>") == 1 and script.endswith("</script>")


def test_calendar_parses_back_with_the_upcoming_sessions():
    course = parse(course_text(sessions=SESSIONS + [{"start": "2027-09-01", "end": "2027-09-02", "location": "Zwolle"}]))
    upcoming = upcoming_sessions(course, NOW)
    data = course_calendar(course, upcoming, "https://www.example.nl/trainingen/test/", "www.example.nl", NOW)
    calendar = icalendar.Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert [e.decoded("dtstart") for e in events[:2]] == [s.start for s in upcoming[:2]]
    assert events[0].decoded("dtend") == datetime(2027, 3, 10, 17, 0, tzinfo=TZ)
    assert str(events[1]["location"]) == "Amersfoort"
    assert str(events[0]["summary"]) == "Klantgericht communiceren"
    # whole days: the end is exclusive, the day after the last day
    assert events[2].decoded("dtstart").isoformat() == "2027-09-01"
    assert events[2].decoded("dtend").isoformat() == "2027-09-03"
    assert len({str(e["uid"]) for e in events}) == 3
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Amsterdam"


def test_next_dates_skip_full_sessions_for_the_first_with_places():
    course = parse(course_text(sessions=SESSIONS))
    dates = next_dates(course, NOW)  # 2025 is over, 9 March 2027 is full, 15 June has 4 places
    assert dates.bookable.start.date().isoformat() == "2027-06-15"
    assert [s.start.date().isoformat() for s in dates.full] == ["2027-03-09"]
    assert next_dates(course, NOW, keep_full=0).full == ()


def test_next_dates_when_every_date_is_full_or_none_is_planned():
    full = [dict(s, seats_left=0) for s in SESSIONS]
    dates = next_dates(parse(course_text(sessions=full)), NOW)
    assert dates.bookable is None and [s.start.date().isoformat() for s in dates.full] == ["2027-03-09"]
    assert next_dates(parse(course_text()), NOW) is None
    untold = [{k: v for k, v in s.items() if k != "seats_left"} for s in SESSIONS]  # seats not told: bookable
    assert next_dates(parse(course_text(sessions=untold)), NOW) == NextDates(parse(course_text(sessions=untold)).sessions[1])
