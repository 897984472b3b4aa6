"""Unit tests of reading posts: front matter -> Post, and every one-line error."""

from datetime import datetime

import pytest

from trainersite.core.dates import zone
from trainersite.core.errors import ContentError
from trainersite.blog.models import Author
from trainersite.blog.posts import ReadSettings, check_unique_slugs, decode_source, parse_authors, parse_post

TZ = zone("Europe/Amsterdam")
SETTINGS = ReadSettings(
    authors={"annelies": Author("annelies", "Annelies"), "joost": Author("joost", "Joost")},
    default_author="annelies",
    tz=TZ,
    now=datetime(2026, 1, 1, tzinfo=TZ),
)


def parse(front: str, body: str = "Tekst.") -> object:
    return parse_post(f"---\n{front}\n---\n{body}\n", "posts/x.md", SETTINGS)


def error_of(front: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse(front)
    return caught.value


def test_minimal_post_gets_defaults():
    post = parse("title: Één vraag\ndate: 2011-09-06")
    assert post.slug == "een-vraag"
    assert post.url == "blog/een-vraag/"
    assert post.date_text == "6 september 2011"
    assert post.date.isoformat() == "2011-09-06T00:00:00+02:00"
    assert post.authors[0].key == "annelies"
    assert not post.draft and not post.scheduled


def test_all_keys_are_read():
    post = parse(
        "title: T\ndate: 2020-03-05 14:30\nupdated: 2021-01-02\nauthors: [annelies, joost]\n"
        "categories: [Communicatie, communicatie, Klachten]\ntags: [a, b]\nsummary: Kort\nslug: eigen-slug\n"
        "image: /img.png\ndraft: true\naliases: [/oud/]\ntraining: cursus\nguid: vast-id"
    )
    assert post.date.hour == 14 and post.date_has_time
    assert post.updated_text == "2 januari 2021"
    assert [a.key for a in post.authors] == ["annelies", "joost"]
    assert [c.slug for c in post.categories] == ["communicatie", "klachten"]
    assert post.tags == ("a", "b") and post.summary == "Kort" and post.slug == "eigen-slug"
    assert post.draft and post.aliases == ("/oud/",) and post.training == "cursus" and post.guid == "vast-id"


def test_single_category_string_is_a_list_of_one():
    assert [c.name for c in parse("title: T\ndate: 2020-01-01\ncategories: Communicatie").categories] == ["Communicatie"]


def test_future_post_is_scheduled():
    assert parse("title: T\ndate: 2099-01-01").scheduled


def test_guid_survives_title_slug_and_date_edits():
    first = parse("title: Oud\ndate: 2020-01-01")
    second = parse("title: Nieuw\nslug: anders\ndate: 2020-02-02")
    assert first.guid == second.guid and first.guid.startswith("urn:uuid:")


@pytest.mark.parametrize(
    "front, key, expected",
    [
        ("date: 2020-01-01", "title", "non-empty text"),
        ("title: T", "date", "publication date"),
        ("title: T\ndate: gisteren", "date", "2024-03-05"),
        ("title: T\ndate: 2020-13-45", "date", "2024-03-05"),
        ("title: T\ndate: 2020-01-01\nauthor: piet", "author", "annelies, joost"),
        ("title: T\ndate: 2020-01-01\ncategories: {a: b}", "categories", "list of texts"),
        ("title: T\ndate: 2020-01-01\ndraft: misschien", "draft", "true or false"),
        ("title: [T\ndate: 2020-01-01", "front matter", "valid YAML"),
        ("title: T\ntitle: U\ndate: 2020-01-01", "front matter", "appears twice"),
        ("title: '!!!'\ndate: 2020-01-01", "slug", "letter or digit"),
        ("title: T\ndate: 2020-01-01\ncomments: [{author: A, text: x}]", "comments[1].date", "date"),
    ],
)
def test_bad_front_matter_names_key_and_expectation(front, key, expected):
    err = error_of(front)
    assert err.source == "posts/x.md" and err.key == key
    assert expected in str(err) and "\n" not in str(err)


@pytest.mark.parametrize(
    "front, message",
    [
        ("title: T\ndate: 2020-01-01\ndarft: true", "posts/x.md: unknown key 'darft': did you mean 'draft'?"),
        ("title: T\ndate: 2020-01-01\nDraft: true", "posts/x.md: unknown key 'Draft': did you mean 'draft'?"),
        ("title: T\ndate: 2020-01-01\ncatagories: [A]", "posts/x.md: unknown key 'catagories': did you mean 'categories'?"),
        (
            "title: T\ndate: 2020-01-01\ncomments: [{author: A, date: 2020-01-02, txt: x}]",
            "posts/x.md: unknown key 'comments[1].txt': did you mean 'comments[1].text'?",
        ),
    ],
)
def test_a_misspelt_key_is_an_error_that_suggests_the_known_key(front, message):
    assert str(error_of(front)) == message


def test_a_key_nothing_resembles_lists_the_known_keys():
    err = error_of("title: T\ndate: 2020-01-01\nstemming: blij")
    assert err.key == "stemming"
    assert str(err).startswith("posts/x.md: 'stemming': expected only aliases, author, authors, categories")


def test_written_dutch_date_is_accepted():
    assert parse("title: T\ndate: 5 maart 2024").date_text == "5 maart 2024"


def test_missing_front_matter_is_an_error():
    with pytest.raises(ContentError, match="YAML block"):
        parse_post("Alleen tekst\n", "posts/x.md", SETTINGS)


def test_decode_accepts_bom_and_crlf_but_not_latin1():
    assert decode_source("\ufeff---\r\ntitle: T\r\n".encode(), "p.md") == "---\ntitle: T\n"
    with pytest.raises(ContentError, match="UTF-8"):
        decode_source("caf\xe9".encode("latin-1"), "posts/x.md")


def test_duplicate_slugs_name_both_files():
    a = parse_post("---\ntitle: Zelfde\ndate: 2020-01-01\n---\n", "posts/a.md", SETTINGS)
    b = parse_post("---\ntitle: Zelfde\ndate: 2021-01-01\n---\n", "posts/b.md", SETTINGS)
    with pytest.raises(ContentError) as caught:
        check_unique_slugs([a, b])
    assert "posts/a.md" in str(caught.value) and "posts/b.md" in str(caught.value)


def test_authors_table_validation():
    assert parse_authors({"a": {"name": "A", "email": "a@example.nl"}}, "a")["a"].email == "a@example.nl"
    with pytest.raises(ContentError, match="default_author"):
        parse_authors({"a": {"name": "A"}}, "b")
    with pytest.raises(ContentError, match="authors.a.website"):
        parse_authors({"a": {"name": "A", "website": "x"}}, "a")
