"""HANDLEIDING.md, the trainer's manual: its key tables are the schema's, so it cannot drift."""

from __future__ import annotations

import re

from trainersite.tools.cli import COMMANDS

from sitebuilder import REPO

from trainersite.core.schema import SCHEMAS
from trainersite.tools.manual import key_table, update_manual

MANUAL = REPO / "HANDLEIDING.md"


def test_the_manual_matches_the_schema():
    text = MANUAL.read_text(encoding="utf-8")
    assert update_manual(text) == text, (
        "HANDLEIDING.md differs from core/schema.py: run `.venv/bin/python -m trainersite.tools.manual HANDLEIDING.md`"
    )


def test_every_key_a_trainer_writes_is_in_the_manual():
    text = MANUAL.read_text(encoding="utf-8")
    for name in ("post", "comment", "course", "session", "testimonial", "newsletter", "home", "hero", "button"):
        assert f"<!-- sleutels: {name} -->" in text, name
        for key in SCHEMAS[name].keys:
            assert f"| `{key.name}` |" in text, (name, key.name)


def test_a_changed_schema_makes_the_drift_visible():
    text = "<!-- sleutels: session -->\n| oud |\n<!-- /sleutels -->\n"
    assert update_manual(text) == "<!-- sleutels: session -->\n" + key_table("session") + "<!-- /sleutels -->\n"


def test_the_tables_are_dutch_and_show_examples():
    table = key_table("post")
    assert "| `title` | tekst | ja | de titel van het bericht | `title: Doe niet zo moeilijk` |" in table
    assert "| `draft` | true of false | nee |" in table and "`date: 2024-03-05`" in table


def test_the_readme_sends_the_trainer_to_the_manual_and_the_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "HANDLEIDING.md" in readme and "shared/SPEC.md" not in readme
    trainer = readme.split("## Een bericht schrijven", 1)[1].split("\n## ", 1)[0]
    assert "trainersite nieuw" in trainer and "trainersite bekijk" in trainer and "trainersite publiceer" in trainer
    for command in re.findall(r"trainersite ([a-z][\w-]*)", MANUAL.read_text(encoding="utf-8")):
        assert command in {name for names in COMMANDS.values() for name in names}, command
