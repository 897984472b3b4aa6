"""Property tests for course front matter (docs/trainingen/<slug>.md): any value for any key gives a
valid Course or a ContentError naming the file, the key and what was expected, never another exception.

The value strategies are shared with the post fuzz tests; examples are bounded to keep this fast.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from test_fuzz_posts import FAST, RAW_YAML, SMALL_SCALARS, VALUES, assert_good_error

from trainersite.courses.courses import (
    Course,
    format_price,
    format_session,
    parse_course,
    sorted_courses,
    upcoming_sessions,
)
from trainersite.core.errors import ContentError
from trainersite.core.schema import COURSE, SESSION, TESTIMONIAL

SOURCE = "docs/trainingen/klantgericht-communiceren.md"
TZ = ZoneInfo("Europe/Amsterdam")
VALID = {"title": "Klantgericht communiceren", "summary": "Twee dagen oefenen.", "price": 1295}


def fm(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\nOver de training.\n"


def read(text: str) -> Course | ContentError:
    """Parse, then use the course the way the catalogue page does; only ContentError may come out."""
    try:
        course = parse_course(text, SOURCE, "klantgericht-communiceren", "trainingen/klantgericht-communiceren/", TZ)
    except ContentError as err:
        assert_good_error(err, SOURCE)
        return err
    assert isinstance(course, Course) and course.title and course.summary
    if course.price is not None:
        assert format_price(course.price, "nl")
    for session in upcoming_sessions(course, datetime(2020, 1, 1, tzinfo=TZ)):
        assert format_session(session, "nl")
    assert sorted_courses([course]) == (course,)
    return course


@FAST
@given(key=st.sampled_from(sorted(COURSE.names)), value=VALUES)
@example(key="price", value=float("nan"))
@example(key="price", value=float("inf"))
@example(key="format", value="online")
@example(key="categories", value="Communicatie")
def test_any_value_for_any_course_key_gives_a_course_or_a_content_error(key, value):
    read(fm({**VALID, key: value}))


@FAST
@given(key=st.sampled_from(sorted(COURSE.names | {"prijs", "Title"})), raw=RAW_YAML)
def test_any_raw_yaml_for_any_course_key_gives_a_course_or_a_content_error(key, raw):
    head = "".join(f"{k}: {v}\n" for k, v in (("title", "Training"), ("summary", "Kort")) if k != key)
    read(f"---\n{head}{key}: {raw}\n---\nTekst.\n")


@FAST
@given(meta=st.dictionaries(st.sampled_from(sorted(COURSE.names)), VALUES, max_size=4))
def test_any_combination_of_course_keys_gives_a_course_or_a_content_error(meta):
    read(fm(meta))


@FAST
@given(
    sessions=st.lists(st.dictionaries(st.sampled_from(sorted(SESSION.names)), SMALL_SCALARS | VALUES), max_size=3),
    testimonials=st.lists(st.dictionaries(st.sampled_from(sorted(TESTIMONIAL.names)), SMALL_SCALARS | VALUES), max_size=2),
    max_participants=SMALL_SCALARS,
)
def test_any_sessions_and_testimonials_give_a_course_or_a_content_error(sessions, testimonials, max_participants):
    outcome = read(fm({**VALID, "sessions": sessions, "testimonials": testimonials, "max_participants": max_participants}))
    if isinstance(outcome, ContentError):
        assert outcome.key.split("[")[0] in {"sessions", "testimonials", "max_participants", "front matter"}, outcome.key


@FAST
@given(
    start=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
    form=st.sampled_from(["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]),
)
def test_a_session_in_a_documented_date_form_is_read(start, form):
    text = start.strftime(form)
    course = read(fm({**VALID, "sessions": [{"start": text, "end": text, "location": "Utrecht"}]}))
    assert isinstance(course, Course)
    assert course.sessions[0].start.replace(tzinfo=None) == start.replace(second=start.second if "%S" in form else 0, microsecond=0)
