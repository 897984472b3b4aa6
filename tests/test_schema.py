"""The front-matter schema (core/schema.py): the published JSON Schema files are generated from it,
and the example content passes both the JSON Schema (as an editor checks it) and the readers."""

from __future__ import annotations

import json
from datetime import date, datetime

import jsonschema
import pytest
import yaml
from sitebuilder import REPO

from trainersite.blog.posts import split_front_matter
from trainersite.core.errors import ContentError, UnknownKeyError
from trainersite.core.schema import COURSE, POST, PUBLISHED, SCHEMAS, json_schema, json_schema_text, key_table, suggest

EXAMPLES = {
    "post": sorted((REPO / "posts").glob("*.md")),
    "course": sorted(p for p in (REPO / "docs" / "trainingen").glob("*.md") if p.name != "index.md"),
}


def as_editor_sees_it(value):
    """YAML dates as text, the way an editor's YAML language server hands them to a JSON Schema."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: as_editor_sees_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_sees_it(item) for item in value]
    return value


def front_matter(path):
    return as_editor_sees_it(split_front_matter(path.read_text(encoding="utf-8"), path.name)[0])


@pytest.mark.parametrize("name", PUBLISHED)
def test_committed_json_schema_is_the_generated_one(name):
    committed = (REPO / "schemas" / f"{name}.json").read_text(encoding="utf-8")
    assert committed == json_schema_text(name), f"run: .venv/bin/python -m trainersite.core.schema schemas"


@pytest.mark.parametrize("name", PUBLISHED)
def test_json_schema_is_valid(name):
    jsonschema.Draft202012Validator.check_schema(json_schema(name))


@pytest.mark.parametrize(
    ("name", "path"), [(name, path) for name, paths in EXAMPLES.items() for path in paths], ids=lambda p: getattr(p, "name", p)
)
def test_example_content_validates_against_the_json_schema(name, path):
    schema = json.loads((REPO / "schemas" / f"{name}.json").read_text(encoding="utf-8"))
    jsonschema.validate(front_matter(path), schema, cls=jsonschema.Draft202012Validator)


def test_there_is_example_content_of_each_kind():
    assert len(EXAMPLES["post"]) >= 5 and len(EXAMPLES["course"]) >= 2


@pytest.mark.parametrize(
    ("name", "meta"),
    [
        ("post", {"title": "T", "date": "2024-03-05", "darft": True}),
        ("post", {"date": "2024-03-05"}),
        ("post", {"title": "T", "date": "2024-03-05", "draft": "misschien"}),
        ("post", {"title": "T", "date": "2024-03-05", "comments": [{"author": "A", "date": "2024-03-06"}]}),
        ("course", {"title": "T", "summary": "S", "format": ["webinar"]}),
        ("course", {"title": "T", "summary": "S", "sessions": [{"start": "2027-01-05 09:00", "end": "2027-01-05 17:00", "room": "A"}]}),
        ("course", {"title": "T", "summary": "S", "max_participants": 0}),
    ],
)
def test_json_schema_rejects_what_the_reader_rejects(name, meta):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(meta, json_schema(name), cls=jsonschema.Draft202012Validator)


def test_every_key_has_its_documentation():
    for schema in SCHEMAS.values():
        for key in schema.keys:
            assert key.expected and key.meaning and key.example is not None, (schema.name, key.name)
            assert "\n" not in key.meaning and len(key.meaning) < 120, (schema.name, key.name)


@pytest.mark.parametrize(
    ("written", "meant"),
    [("darft", "draft"), ("Draft", "draft"), ("TITLE", "title"), ("catagories", "categories"), ("summery", "summary"), ("stemming", None)],
)
def test_suggestions_for_misspelt_keys(written, meant):
    assert suggest(written, POST.names) == meant


def test_an_unknown_course_key_names_the_course_keys_or_suggests_one():
    with pytest.raises(ContentError) as caught:
        COURSE.check_keys({"title": "T", "prijs": 1}, "docs/trainingen/x.md")
    assert str(caught.value).startswith("docs/trainingen/x.md: 'prijs': expected one of the course keys (audience, ")
    with pytest.raises(UnknownKeyError, match=r"unknown key 'sumary': did you mean 'summary'\?"):
        COURSE.check_keys({"sumary": "S"}, "docs/trainingen/x.md")
    COURSE.check_keys({"title": "T", "hide": ["toc"]}, "docs/trainingen/x.md")  # MkDocs' own page keys pass


@pytest.mark.parametrize("name", PUBLISHED)
def test_readme_key_tables_are_the_schema(name):
    """The README's key reference is generated from the schema, so it cannot drift from what the build accepts."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start, end = f"<!-- keys:{name} -->\n", f"<!-- /keys:{name} -->"
    assert start in readme and end in readme
    shown = readme.split(start, 1)[1].split(end, 1)[0]
    assert shown == key_table(name), f"update README.md with key_table({name!r}) from trainersite.core.schema"
