"""Messages in the site's language: every error text of ours has a Dutch entry in core/messages.py,
and a Dutch site builds, checks and previews with Dutch lines (an English site with English ones)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from trainersite.core.errors import ContentError, UnknownKeyError
from trainersite.core.messages import NL, language_of, lookup, say, translate
from trainersite.core.schema import SCHEMAS

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "trainersite"
RAISERS = {"ContentError", "UnknownKeyError", "DeployError", "NotAnExport"}


def _samples(node: ast.expr) -> list[str]:
    """A literal message as the code writes it; an f-string with its values filled in: by a word each,
    or by nothing (a value that is an optional piece, like `" (line 3)"`), or the first one empty."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if not isinstance(node, ast.JoinedStr):
        return []
    variants = []
    for fill in ("word", "empty", "first-empty"):
        parts, count = [], 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            else:
                empty = fill == "empty" or (fill == "first-empty" and count == 0)
                parts.append("" if empty else f"waarde{count}")
                count += 1
        variants.append("".join(parts))
    return variants


def code_messages() -> list[tuple[str, str]]:
    """(where, text) of every message argument a ContentError, DeployError or NotAnExport is raised with."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in RAISERS:
                continue
            index = 2 if name in ("ContentError", "UnknownKeyError") else 0
            texts = [node.args[index]] if len(node.args) > index else []
            texts += [keyword.value for keyword in node.keywords if keyword.arg == "hint"]
            for arg in texts:
                samples = _samples(arg)
                if samples:
                    found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", samples))
    return found


MESSAGES = code_messages()


def test_the_walk_finds_the_messages():
    assert len(MESSAGES) > 50


@pytest.mark.parametrize(("where", "samples"), MESSAGES, ids=[where for where, _ in MESSAGES])
def test_every_message_in_the_code_has_a_dutch_entry(where, samples):
    assert any(lookup(text, "nl") is not None for text in samples), (
        f"{where}: add {samples[0]!r} (its English template) with its Dutch text to NL in core/messages.py"
    )


SCHEMA_TEXTS = sorted({text for schema in SCHEMAS.values() for key in schema.keys for text in (key.expected, key.meaning)})


@pytest.mark.parametrize("text", SCHEMA_TEXTS)
def test_every_expectation_and_meaning_in_the_schema_has_a_dutch_entry(text):
    assert lookup(text, "nl") is not None, f"add {text!r} with its Dutch text to NL in core/messages.py"


def test_placeholders_match_in_both_languages():
    import re

    for english, dutch in NL.items():
        assert sorted(re.findall(r"\{(\w+)\}", english)) == sorted(re.findall(r"\{(\w+)\}", dutch)), english


def test_a_content_error_in_both_languages():
    err = ContentError("posts/x.md", "date", "a date like 2024-03-05 or 2024-03-05 14:30", "morgen")
    assert str(err) == "posts/x.md: 'date': expected a date like 2024-03-05 or 2024-03-05 14:30, got 'morgen'"
    assert err.message("en") == str(err)
    assert err.message("nl") == (
        "posts/x.md: 'date': verwacht een datum zoals 2024-03-05 of 2024-03-05 14:30, maar er staat 'morgen'"
    )
    assert err.message("nl_NL") == err.message("nl")


def test_filled_in_values_stay_as_typed_and_messages_inside_them_are_translated():
    err = ContentError("docs/trainingen/x.md", "sessions", "a list of sessions with start, end, location and seats_left", 3)
    assert "een lijst van sessies met start, end, location en seats_left" in err.message("nl")
    author = ContentError("posts/x.md", "author", "an author key from mkdocs.yml (annelies, joost)", "piet")
    assert author.message("nl") == "posts/x.md: 'author': verwacht een auteur uit mkdocs.yml (annelies, joost), maar er staat 'piet'"


def test_unknown_key_with_a_suggestion_in_both_languages():
    err = UnknownKeyError("posts/x.md", "darft", "only title, draft", "draft")
    assert err.message("en") == "posts/x.md: unknown key 'darft': did you mean 'draft'?"
    assert err.message("nl") == "posts/x.md: onbekende sleutel 'darft': bedoel je 'draft'?"


def test_languages_without_a_catalogue_are_english():
    assert language_of("fr") == "en" and language_of("nl-BE") == "nl"
    assert translate("a text", "de") == "a text"
    assert say("New draft: {path}", "en", path="posts/x.md") == "New draft: posts/x.md"
    assert say("New draft: {path}", "nl", path="posts/x.md") == "Nieuw concept: posts/x.md"
