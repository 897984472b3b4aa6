"""Property tests: whatever the trainer types into front matter or the blog config, reading it gives
a valid Post (or authors table) or a ContentError naming the file, the key and what was expected,
never any other exception.

Examples are bounded so the whole file runs in a few seconds.
"""

from __future__ import annotations

import functools
import os
import string
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sitebuilder import REPO

from trainersite.core.dates import DATE_EXPECTED, parse_when, zone
from trainersite.core.errors import ContentError
from trainersite.blog.models import Author, Post
from trainersite.core.schema import POST
from trainersite.blog.posts import ReadSettings, decode_source, parse_authors, parse_post, split_front_matter

SOURCE = "posts/2024-03-05-fuzz.md"
TZ = ZoneInfo("Europe/Amsterdam")
AUTHORS = {"annelies": Author("annelies", "Annelies Verbeek"), "joost": Author("joost", "Joost Hendriks")}
READ = ReadSettings(authors=AUTHORS, default_author="annelies", tz=TZ, now=datetime(2025, 1, 1, tzinfo=TZ))
VALID = {"title": "Een goed gesprek", "date": date(2024, 3, 5)}

# FUZZ_EXAMPLES=5000 for a deep search now and then; the suite's default keeps it to seconds.
FAST = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    database=None,  # nothing written into the repository
    suppress_health_check=[HealthCheck.too_slow],
)

# -- what the trainer might type -------------------------------------------------------------

ODD_TEXT = st.lists(
    st.sampled_from(list("aé ß\u00a0\u200b\u202e\ufeffİı中文😀\t'\"\\:#&*!|>%@`-?{}[],\u0301") + ["\U0001f9d1\u200d\U0001f3eb"]),
    max_size=30,
).map("".join)
HUGE_TEXT = st.integers(min_value=1_000, max_value=20_000).map(lambda n: ("Één vraag " * n)[:n])
DATE_FORMATS = [
    "%Y-%m-%d", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S%z", "%d-%m-%Y",
    "%d/%m/%Y", "%m/%d/%Y", "%d %B %Y", "%B %d, %Y", "%Y%m%d", "%-d %b. %Y",
]
DUTCH_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december"]
DATE_STRINGS = st.one_of(
    st.builds(lambda moment, fmt: moment.strftime(fmt), st.datetimes(timezones=st.just(timezone.utc)),
              st.sampled_from(DATE_FORMATS)),
    st.builds(lambda d: f"{d.day} {DUTCH_MONTHS[d.month - 1]} {d.year}", st.dates()),
    st.builds(lambda y, m, d: f"{y}-{m}-{d}", st.integers(0, 10_000), st.integers(0, 13), st.integers(0, 32)),
    st.builds(lambda day, month, year: f"{day} {month} {year}", st.integers(0, 40), ODD_TEXT, st.integers(0, 9999)),
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40), ODD_TEXT, HUGE_TEXT,
    st.dates(), st.datetimes(), st.datetimes(timezones=st.timezones()), DATE_STRINGS,
)
SMALL_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), ODD_TEXT, st.dates(), DATE_STRINGS
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=4),
    max_leaves=10,
)
# Raw YAML as typed, so syntax errors, tags, anchors and odd scalars reach the parser too.
RAW_YAML = st.one_of(
    st.text(alphabet=string.printable + "éë€\u00a0\ufeff", max_size=40),
    st.sampled_from([
        "[", "{a: 1", "'open", "&a [*a]", "*nope", "!!int abc", "!!timestamp x", "!!binary 'xx='",
        "!!python/object:os.system {}", "2024-02-30", "2024-03-05 25:00:00", "0001-01-01 00:00:00+05:00",
        "? [a]\n  : b", "!!set {a, b}", "- a\n- b", "|\n  lang\n  verhaal", ">-\n  gevouwen", "~", ".nan",
        "-.inf", "0x1F", "0o17", "1_000", "'5 maart 2024'", "5 maart 2024", "Communicatie", "yes", "off",
    ]),
)


def fm(meta: dict, body: str = "Tekst.\n") -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def read(text: str, source: str = SOURCE) -> Post | ContentError:
    """The outcome of reading a post; any exception other than ContentError fails the test."""
    try:
        post = parse_post(text, source, READ)
    except ContentError as err:
        assert_good_error(err, source)
        return err
    assert isinstance(post, Post)
    assert post.title.strip() and post.slug and post.url.endswith(f"{post.slug}/")
    assert post.date.tzinfo is not None and post.date_text
    assert post.authors and all(isinstance(a, Author) for a in post.authors)
    return post


def assert_good_error(err: ContentError, source: str, key_needed: bool = True) -> None:
    assert err.source == source
    if key_needed:
        assert err.key, f"no key named in: {err}"
    assert err.expected
    message = str(err)
    # A misspelt key gets a suggestion instead of the list of what is expected.
    assert message.startswith(source + ": ") and ("expected" in message or "did you mean" in message)
    assert "\n" not in message, f"not one line: {message!r}"


# -- posts -----------------------------------------------------------------------------------


@FAST
@given(key=st.sampled_from(sorted(POST.names)), value=VALUES)
@example(key="categories", value="Communicatie")
@example(key="date", value="2024-02-30")
@example(key="comments", value=[{"author": "A", "text": "T", "date": [1]}])
@example(key="title", value="x" * 100_000)
def test_any_value_for_any_key_gives_a_post_or_a_content_error(key, value):
    read(fm({**VALID, key: value}))


@FAST
@given(key=st.sampled_from(sorted(POST.names | {"onbekend", "Title", ""})), raw=RAW_YAML)
def test_any_raw_yaml_for_any_key_gives_a_post_or_a_content_error(key, raw):
    head = "".join(f"{k}: {v}\n" for k, v in (("title", "Een titel"), ("date", "2024-03-05")) if k != key)
    read(f"---\n{head}{key}: {raw}\n---\nTekst.\n")


@FAST
@given(meta=st.dictionaries(st.sampled_from(sorted(POST.names)), VALUES, max_size=5))
def test_any_combination_of_keys_gives_a_post_or_a_content_error(meta):
    read(fm(meta))


@FAST
@given(
    comments=st.lists(
        st.fixed_dictionaries(
            {"author": SMALL_SCALARS, "date": SMALL_SCALARS, "text": SMALL_SCALARS},
            optional={
                "replies": st.lists(
                    st.fixed_dictionaries({"author": SMALL_SCALARS, "date": SMALL_SCALARS, "text": SMALL_SCALARS}),
                    max_size=2,
                )
            },
        ),
        max_size=3,
    )
)
def test_any_comment_thread_gives_a_post_or_a_content_error(comments):
    outcome = read(fm({**VALID, "comments": comments}))
    if isinstance(outcome, ContentError):
        assert outcome.key.startswith("comments") or outcome.key == "front matter"


@FAST
@given(text=st.text(max_size=200) | st.builds(lambda a, b: f"---\n{a}\n---\n{b}", st.text(max_size=80), st.text(max_size=20)))
def test_any_file_text_gives_a_post_or_a_content_error(text):
    read(text)


@FAST
@given(raw=st.binary(max_size=120) | st.text(max_size=60).map(lambda t: ("\ufeff---\r\ntitle: T\r\ndate: 2024-03-05\r\n---\r\n" + t).encode("utf-8")))
def test_any_bytes_decode_to_text_or_give_a_content_error(raw):
    try:
        text = decode_source(raw, SOURCE)
    except ContentError as err:
        assert_good_error(err, SOURCE, key_needed=False)
        assert "UTF-8" in str(err)
        return
    assert "\r" not in text and not text.startswith("\ufeff")
    read(text)


def test_a_recursive_yaml_alias_in_comments_is_an_error_not_a_crash():
    text = "---\ntitle: T\ndate: 2024-03-05\ncomments: &c\n  - {author: A, date: 2024-03-05, text: x, replies: *c}\n---\n"
    outcome = read(text)
    assert isinstance(outcome, ContentError) and outcome.key.startswith("comments[1]")


# -- dates: the documented forms parse, everything else names the expected form ----------------


@FAST
@given(moment=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)))
def test_documented_date_forms_parse_to_the_same_day(moment):
    day = moment.date()
    forms = [
        day, day.isoformat(), moment.replace(second=0, microsecond=0), moment.strftime("%Y-%m-%d %H:%M"),
        moment.strftime("%Y-%m-%dT%H:%M:%S"), f"{day.day} {DUTCH_MONTHS[day.month - 1]} {day.year}",
    ]
    for value in forms:
        assert parse_when(value, SOURCE, "date", TZ).day == day, value


@FAST
@given(value=VALUES)
def test_parse_when_gives_a_moment_or_names_the_expected_form(value):
    try:
        when = parse_when(value, SOURCE, "date", TZ)
    except ContentError as err:
        assert_good_error(err, SOURCE)
        assert err.expected == DATE_EXPECTED
        return
    assert when.moment.tzinfo is not None


@pytest.mark.parametrize("value", ["5 maart 2024", "5 Maart 2024", "5 mrt. 2024", "5 March 2024", "'2024-03-05'"])
def test_written_dutch_dates_parse_or_show_the_expected_form(value):
    text = f"---\ntitle: T\ndate: {value}\n---\n"
    outcome = read(text)
    assert isinstance(outcome, Post) and outcome.date.date() == date(2024, 3, 5)


@pytest.mark.parametrize("value", ["5 maar 2024", "maart 2024", "05-03-2024", "2024/03/05", "gisteren"])
def test_unreadable_dates_show_the_expected_form(value):
    outcome = read(f"---\ntitle: T\ndate: {value}\n---\n")
    assert isinstance(outcome, ContentError) and outcome.key == "date"
    assert "2024-03-05" in str(outcome) and value in str(outcome)


# -- front matter splitting and config ------------------------------------------------------


@FAST
@given(text=st.text(max_size=120))
def test_split_front_matter_gives_a_dict_or_a_content_error(text):
    try:
        meta, body = split_front_matter("---\n" + text + "\n---\nbody", SOURCE)
    except ContentError as err:
        assert_good_error(err, SOURCE)
        return
    assert isinstance(meta, dict) and isinstance(body, str)


AUTHOR_TABLES = st.one_of(
    VALUES,
    st.dictionaries(
        st.text(max_size=10) | st.integers() | st.booleans(),
        st.one_of(
            VALUES,
            st.dictionaries(st.sampled_from(["name", "bio", "avatar", "email", "naam", 3]), VALUES, max_size=4),
        ),
        max_size=3,
    ),
)


@FAST
@given(table=AUTHOR_TABLES, default=st.text(max_size=10) | st.sampled_from(["annelies", ""]))
@example(table={"a": {"name": "x", 1: 2, "b": 3}}, default="a")
def test_any_authors_table_gives_authors_or_a_content_error(table, default):
    try:
        authors = parse_authors(table, default)
    except ContentError as err:
        assert err.source == "mkdocs.yml" and err.key and err.expected
        assert str(err).startswith("mkdocs.yml: ")
        return
    assert default in authors and all(isinstance(a, Author) and a.name for a in authors.values())


@FAST
@given(name=st.text(max_size=300) | st.sampled_from(["America", "Europe", "../etc", "a" * 300, "Europe/Amsterdam"]))
def test_any_time_zone_name_gives_a_zone_or_a_content_error(name):
    try:
        zone(name)
    except ContentError as err:
        assert err.source == "mkdocs.yml" and err.key == "timezone"


# -- the plugin options in mkdocs.yml --------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _site_config():
    from mkdocs.config import load_config

    return load_config(str(REPO / "mkdocs.yml"))


@FAST
@given(data=st.data())
@example(data=None)
def test_any_plugin_option_value_gives_a_config_error_or_a_working_plugin(data):
    from mkdocs.exceptions import PluginError

    from trainersite.adapters.blog_plugin import TrainerBlogPlugin
    from trainersite.adapters.courses_plugin import TrainerCoursesPlugin
    from trainersite.core.html_tools import read_minutes

    if data is None:  # the shipped example config must simply work
        name, options = "trainersite-blog", {}
    else:
        name = data.draw(st.sampled_from(["trainersite-blog", "trainersite-courses"]))
        plugin_class = TrainerBlogPlugin if name == "trainersite-blog" else TrainerCoursesPlugin
        keys = sorted(plugin_class.config_class().keys()) + ["onbekend"]
        values = SMALL_SCALARS | st.lists(SMALL_SCALARS, max_size=3) | st.dictionaries(st.text(max_size=8), SMALL_SCALARS, max_size=3)
        options = data.draw(st.dictionaries(st.sampled_from(keys), values, min_size=1, max_size=2))
    config = _site_config()
    plugin = config.plugins[name].__class__()
    shipped = {**dict(config.plugins[name].config)}
    errors, _warnings = plugin.load_config({**shipped, **options})
    if errors:
        return  # MkDocs reports these as "Config value 'plugins': Plugin ... option ..."
    try:
        plugin.on_config(config)
    except PluginError as err:
        assert str(err).startswith("mkdocs.yml: '") and "\n" not in str(err), str(err)
        return
    if name == "trainersite-blog":  # what every build does with the options
        urls = plugin.urls
        assert urls.post_url("x") and urls.paged(urls.blog, 2) and urls.category_url("x") and urls.archive_url(2024)
        assert read_minutes("<p>een twee drie</p>", plugin.config.words_per_minute) >= 1
