"""Every key the trainer can write, declared once per content type: post, comment, course, session,
testimonial, author, contact data and newsletter settings.

Each `Key` says its type, whether it is required, what is expected (the words of the error
message), a short example and a one-line meaning. From these tables come: the unknown-key check
(with a did-you-mean), the small validators every reader uses (`text`, `text_list`, `flag`,
`whole_number`), the JSON Schema files in `schemas/` (`json_schema`) and the key reference in the
documentation.
"""

from __future__ import annotations

import difflib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from .errors import ContentError, UnknownKeyError
from .hints import list_as_text

# Value kinds. Each maps to a JSON Schema fragment in `_json_type`.
TEXT = "text"  # a string (a number is read as its text)
TEXTS = "texts"  # a list of texts; one text counts as a list of one
DATE = "date"  # a date or date and time (see core/dates.py)
BOOL = "bool"
NUMBER = "number"  # zero or more
WHOLE = "whole"  # a whole number (see `minimum`)
ITEMS = "items"  # a list of tables, each checked by `item`
TABLE = "table"  # one table, checked by `item`
CHOICES = "choices"  # a list of values from `choices`; one value counts as a list of one


@dataclass(frozen=True)
class Key:
    name: str
    kind: str
    expected: str  # the end of "'key': expected ..." in an error message
    example: Any
    meaning: str
    required: bool = False
    minimum: int | None = None
    choices: tuple[str, ...] = ()
    item: str | None = None  # the name of the Schema each list item or table follows


@dataclass(frozen=True)
class Schema:
    name: str
    keys: tuple[Key, ...]
    # Keys allowed beside ours but not ours to document (MkDocs' own page keys on course pages).
    also_allowed: frozenset[str] = frozenset()
    # "course": an unknown key says "expected one of the course keys (...)"; else "expected only ...".
    noun: str | None = None
    closed: bool = True  # unknown keys are an error

    def __getitem__(self, name: str) -> Key:
        return self.by_name[name]

    @property
    def by_name(self) -> dict[str, Key]:
        return {key.name: key for key in self.keys}

    @property
    def names(self) -> frozenset[str]:
        return frozenset(key.name for key in self.keys)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(key.name for key in self.keys if key.required)

    def check_keys(self, data: Mapping, source: str, where: str = "") -> None:
        """An unknown key is a ContentError; a near miss (`darft`, `Draft`) suggests the known key."""
        if not self.closed:
            return
        unknown = sorted(str(key) for key in data if str(key) not in self.names | self.also_allowed)
        if not unknown:
            return
        key = unknown[0]
        listed = ", ".join(sorted(self.names))
        expected = f"one of the {self.noun} keys ({listed})" if self.noun else f"only {listed}"
        raise UnknownKeyError(source, f"{where}.{key}" if where else key, expected, suggest(key, self.names))


def suggest(key: str, known: frozenset[str] | set[str]) -> str | None:
    """The known key the trainer most likely meant: the same in other case, else the closest spelling."""
    folded = {name.casefold(): name for name in known}
    if key.casefold() in folded:
        return folded[key.casefold()]
    close = difflib.get_close_matches(key.casefold(), sorted(known), n=1, cutoff=0.75)
    return close[0] if close else None


# -- the one set of small validators -------------------------------------------------------------


def _place(key: str, where: str) -> str:
    return f"{where}.{key}" if where else key


def text(data: Mapping[str, Any], key: str, source: str, where: str = "", required: bool = False) -> str | None:
    """A text (a number counts as its text); None when absent or blank, unless required."""
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ContentError(source, _place(key, where), "a non-empty text")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ContentError(source, _place(key, where), "a text", value)
    return str(value).strip()


def text_list(data: Mapping[str, Any], key: str, source: str, where: str = "") -> tuple[str, ...]:
    """A list of texts, without repeats; a single text is accepted as a list of one."""
    value = data.get(key)
    if value is None:
        return ()
    as_text = list_as_text(key, value) if key in ("categories", "tags") else None
    if as_text:  # `categories: A, B` is one text to YAML, not the list it looks like
        raise ContentError(source, _place(key, where), f"a list like [{as_text[0]}]", value, hint=as_text[1],
                           example=f"{key}: [{as_text[0]}]")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list):
        raise ContentError(source, _place(key, where), "a list of texts", value)
    items = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
            raise ContentError(source, _place(key, where), "a list of non-empty texts", item)
        items.append(str(item).strip())
    return tuple(dict.fromkeys(items))


def flag(data: Mapping[str, Any], key: str, source: str, where: str = "") -> bool:
    value = data.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ContentError(source, _place(key, where), "true or false", value)
    return value


def whole_number(data: Mapping[str, Any], key: str, source: str, minimum: int | None, where: str = "") -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or (minimum is not None and value < minimum):
        at_least = f" of at least {minimum}" if minimum is not None else ""
        raise ContentError(source, _place(key, where), f"a whole number{at_least}", value)
    return value


def table(value: object, schema: Schema, source: str, where: str, expected: str | None = None) -> Mapping[str, Any]:
    """A mapping whose keys `schema` knows; `expected` is what to say when it is no mapping."""
    if not isinstance(value, dict):
        raise ContentError(source, where, expected or f"a table with {', '.join(sorted(schema.names))}", value)
    schema.check_keys(value, source, where)
    return value


def items(value: object, schema: Schema, source: str, key: str, expected: str) -> list[tuple[str, Mapping[str, Any]]]:
    """A list of tables, each with its place (`sessions[2]`) for messages; `expected` names one item."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ContentError(source, key, f"a list of {expected}", value)
    return [
        (f"{key}[{index}]", table(item, schema, source, f"{key}[{index}]", expected))
        for index, item in enumerate(value, start=1)
    ]


# -- the tables ----------------------------------------------------------------------------------

COMMENT = Schema("comment", (
    Key("author", TEXT, "a non-empty text", "Sanne", "who wrote the comment", required=True),
    Key("date", DATE, "a date like 2024-03-05", "2014-02-27 10:12", "when it was written", required=True),
    Key("text", TEXT, "a non-empty text", "Herkenbaar verhaal!", "the comment itself, shown as plain text", required=True),
    Key("replies", ITEMS, "a list of comments with author, date and text", [], "answers to this comment, same keys", item="comment"),
))

POST = Schema("post", (
    Key("title", TEXT, "a non-empty text", "Doe niet zo moeilijk", "the post's title", required=True),
    Key("date", DATE, "a publication date like 2024-03-05", "2024-03-05", "publication date (and time); a future date waits", required=True),
    Key("updated", DATE, "a date like 2024-03-05", "2024-04-01", "date of the last real change, shown and used in feeds"),
    Key("author", TEXTS, "an author key from mkdocs.yml", "annelies", "author key from the authors table (default: the site's default author)"),
    Key("authors", TEXTS, "a list of author keys from mkdocs.yml", ["annelies", "mark"], "several authors; use either author or authors"),
    Key("categories", TEXTS, "a list of texts", ["Klantgerichtheid"], "categories as readers see them; the address is derived"),
    Key("tags", TEXTS, "a list of texts", ["telefoon", "klachten"], "tags"),
    Key("summary", TEXT, "a text", "Eén of twee zinnen.", "short text for listings, search engines and the newsletter"),
    Key("description", TEXT, "a text", "Eén of twee zinnen.", "older name for summary (used when summary is absent)"),
    Key("image", TEXT, "an https:// address or an image file in docs/ that exists", "/assets/images/blog/koffie.jpg", "featured image: page header, social cards, feed"),
    Key("video", TEXT, "a YouTube or Vimeo link", "https://youtu.be/dQw4w9WgXcQ", "a video shown as click-to-load"),
    Key("slug", TEXT, "a text", "doe-niet-zo-moeilijk", "the last part of the address (default: from the title)"),
    Key("draft", BOOL, "true or false", True, "true: only shown in the preview (scripts/serve), never published"),
    Key("aliases", TEXTS, "a list of texts", ["/?p=123"], "old addresses that redirect to this post"),
    Key("training", TEXT, "the slug of a course", "klantgericht-communiceren", "a course promoted under the post"),
    Key("comments", ITEMS, "a list of comments with author, date and text", [], "archived comments, shown read-only", item="comment"),
    Key("guid", TEXT, "a text", "https://www.example.nl/?p=123", "keeps the feed identity of an imported or renamed post"),
), noun=None)

SESSION = Schema("session", (
    Key("start", DATE, "a date and time like 2027-03-09 09:30", "2027-03-09 09:30", "when the session starts", required=True),
    Key("end", DATE, "a date and time like 2027-03-09 09:30", "2027-03-10 17:00", "when it ends (a time if and only if the start has one)", required=True),
    Key("location", TEXT, "a text", "Utrecht", "where it is held"),
    Key("seats_left", WHOLE, "a whole number of at least 0", 4, "places still free; 0 shows 'Vol'", minimum=0),
    Key("id", TEXT, "letters, digits and hyphens, like voorjaar-2027", "voorjaar-2027",
        "keeps the session's calendar UID when its day is corrected (else the start day is used)"),
))

TESTIMONIAL = Schema("testimonial", (
    Key("quote", TEXT, "a non-empty text", "Direct toepasbaar.", "what a participant said", required=True),
    Key("name", TEXT, "a non-empty text", "Sanne K.", "who said it", required=True),
    Key("role", TEXT, "a text", "Teamleider", "their role"),
))

FORMATS = ("open", "online", "incompany")  # the order badges and filters are shown in

# Page keys that MkDocs and mkdocs-material themselves understand; allowed beside the course keys.
MKDOCS_PAGE_KEYS = frozenset({"template", "description", "hide", "search", "status", "subtitle", "icon", "tags", "social"})

COURSE = Schema("course", (
    Key("title", TEXT, "a non-empty text", "Klantgericht communiceren", "the course's name", required=True),
    Key("summary", TEXT, "a non-empty text", "Eén of twee zinnen voor de kaart.", "short text for the catalogue card", required=True),
    Key("duration", TEXT, "a text", "2 dagen", "how long it takes"),
    Key("format", CHOICES, f"a list of {', '.join(FORMATS)}", ["open", "incompany"], "open enrolment, online and/or in-company", choices=FORMATS),
    Key("price", NUMBER, "an amount in euro excl. btw as a number, like 1295 (or no price: on request)", 1295, "price in euro excl. btw; absent: on request"),
    Key("audience", TEXT, "a text", "Voor medewerkers klantenservice.", "who it is for"),
    Key("goals", TEXTS, "a list of texts", ["Eerste leerdoel"], "learning goals"),
    Key("max_participants", WHOLE, "a whole number of at least 1", 12, "largest group size", minimum=1),
    Key("sessions", ITEMS, "a list of sessions with start, end, location and seats_left", [], "planned dates", item="session"),
    Key("testimonials", ITEMS, "a list of testimonials with quote, name and role", [], "what participants said", item="testimonial"),
    Key("image", TEXT, "an image file in docs/, like /assets/images/trainingen/x.svg", "/assets/images/trainingen/x.svg", "picture for the card and page"),
    Key("categories", TEXTS, "a list of texts", ["Klantgerichtheid"], "blog categories: their posts are listed under the course"),
    Key("order", WHOLE, "a whole number", 1, "place in the catalogue (then by title)"),
), also_allowed=MKDOCS_PAGE_KEYS, noun="course")

AUTHOR = Schema("author", (
    Key("name", TEXT, "a non-empty text", "Annelies Verbeek", "the name shown with posts", required=True),
    Key("bio", TEXT, "a text", "Trainer klantcontact.", "a line about the author, shown under posts"),
    Key("avatar", TEXT, "an https:// address or an image file in docs/ that exists", "/assets/images/annelies.jpg", "a portrait"),
    Key("email", TEXT, "a text", "annelies@example.nl", "shown as a mail link in the author box"),
))

ADDRESS = Schema("address", (
    Key("street", TEXT, "a non-empty text", "Voorbeeldstraat 1", "street and number", required=True),
    Key("postal_code", TEXT, "a non-empty text", "3511 AB", "postal code", required=True),
    Key("city", TEXT, "a non-empty text", "Utrecht", "city", required=True),
    Key("country", TEXT, "a two-letter country code like NL", "NL", "country code (default NL)"),
))

SOCIAL_LINK = Schema("social link", (
    Key("name", TEXT, "a non-empty text", "LinkedIn", "the network's name", required=True),
    Key("url", TEXT, "a web address starting with https://", "https://www.linkedin.com/in/voorbeeld", "the profile address", required=True),
))

CONTACT = Schema("contact", (
    Key("name", TEXT, "a non-empty text", "Verbeek Klantcontact", "the business's name", required=True),
    Key("person", TEXT, "a text", "Annelies Verbeek", "the trainer behind it"),
    Key("email", TEXT, "an e-mail address like info@example.nl", "info@example.nl", "e-mail address", required=True),
    Key("phone", TEXT, "a phone number like 030 123 45 67 or +31 30 123 45 67", "030 123 45 67", "phone number"),
    Key("address", TABLE, "a table with city, country, postal_code, street", {}, "postal address", item="address"),
    Key("kvk", TEXT, "a chamber of commerce (KvK) number of 8 digits", "12345678", "chamber of commerce number"),
    Key("social", ITEMS, "a list of links with name and url", [], "social media profiles", item="social link"),
    Key("form_endpoint", TEXT, "a web address starting with https://", "https://formspree.io/f/voorbeeld", "where the contact form is sent (absent: the visitor's mail program)"),
    Key("honeypot_field", TEXT, "a text", "_gotcha", "the spam-trap field the form service checks"),
    Key("privacy_url", TEXT, "an https:// address or a page of the site", "privacy/", "the privacy statement, linked from the footer and the forms"),
))

NEWSLETTER = Schema("newsletter", (
    Key("signup_url", TEXT, "an https:// address of the provider's signup form", "https://example.us1.list-manage.com/subscribe/post?u=1", "the provider's signup form (absent: RSS link only)"),
    Key("email_field", TEXT, "a non-empty text", "EMAIL", "the provider's name for the e-mail field (default: email)"),
    Key("honeypot_field", TEXT, "a non-empty text", "b_name", "a field bots fill in and people never see (default: website)"),
    Key("privacy_url", TEXT, "an https:// address or a page of the site", "privacy/", "where the privacy line links to"),
    Key("unsubscribe", TEXT, "a non-empty text", "*|UNSUB|*", "the provider's unsubscribe merge tag, for the digest e-mail"),
))

HOME_BUTTON = Schema("button", (
    Key("label", TEXT, "a non-empty text", "Bekijk de trainingen", "the button's text", required=True),
    Key("url", TEXT, "a page of the site or an https:// address", "trainingen/", "where the button leads", required=True),
))

HERO = Schema("hero", (
    Key("title", TEXT, "a non-empty text", "Klantcontact dat werkt", "the big heading at the top of the home page", required=True),
    Key("text", TEXT, "a text", "Ik train teams die elke dag klanten spreken.", "one sentence: what you do, for whom"),
    Key("image", TEXT, "an image file in docs/, like /assets/images/portret.svg", "/assets/images/portret.svg", "your portrait beside the heading"),
    Key("image_alt", TEXT, "a text", "Portret van Annelies Verbeek", "what the portrait shows, for screen readers"),
    Key("buttons", ITEMS, "a list of buttons with label and url", [], "at most two buttons, the first one stands out", item="button"),
))

HOME = Schema("home", (
    Key("hero", TABLE, "a table with title, text, image, image_alt and buttons", {}, "the top of the home page", item="hero"),
    Key("courses", TEXTS, "a list of course slugs", ["klantgericht-communiceren"], "the courses shown as cards (default: all, in catalogue order)"),
    Key("courses_title", TEXT, "a text", "Wat ik aanbied", "the heading above the course cards"),
    Key("testimonials", WHOLE, "a whole number of at least 0", 2, "how many quotes from the courses' testimonials are shown", minimum=0),
    Key("posts", WHOLE, "a whole number of at least 0", 3, "how many of the newest posts are shown", minimum=0),
    Key("newsletter", BOOL, "true or false", True, "false: no newsletter signup on the home page"),
    Key("contact", TEXT, "a text", "Benieuwd wat ik voor jullie team kan doen?", "the sentence of the contact block at the bottom"),
), also_allowed=MKDOCS_PAGE_KEYS | {"title"}, noun="home page")

SCHEMAS: dict[str, Schema] = {
    schema.name: schema
    for schema in (POST, COMMENT, COURSE, SESSION, TESTIMONIAL, AUTHOR, CONTACT, ADDRESS, SOCIAL_LINK, NEWSLETTER,
                   HOME, HERO, HOME_BUTTON)
}


# -- JSON Schema, for editors (schemas/*.json) ----------------------------------------------------


def _json_type(key: Key, refs: dict[str, str]) -> dict[str, Any]:
    scalar = {"type": ["string", "number"]}
    if key.kind == TEXT:
        return scalar
    if key.kind == TEXTS:
        return {"anyOf": [scalar, {"type": "array", "items": scalar}]}
    if key.kind == DATE:
        # YAML dates reach an editor's schema check as text: `2024-03-05`, `5 maart 2024`.
        return {"type": "string"}
    if key.kind == BOOL:
        return {"type": ["boolean", "null"]}
    if key.kind == NUMBER:
        return {"type": "number", "minimum": 0}
    if key.kind == WHOLE:
        return {"type": "integer", **({"minimum": key.minimum} if key.minimum is not None else {})}
    if key.kind == CHOICES:
        one = {"enum": list(key.choices)}
        return {"anyOf": [one, {"type": "array", "items": one}]}
    if key.kind == ITEMS:
        return {"type": "array", "items": {"$ref": refs[key.item]}}
    if key.kind == TABLE:
        return {"$ref": refs[key.item]}
    raise ValueError(f"no JSON Schema type for kind {key.kind!r}")


def _object(schema: Schema, refs: dict[str, str]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key in schema.keys:
        properties[key.name] = {
            "description": f"{key.meaning[:1].upper()}{key.meaning[1:]}. Expected: {key.expected}.",
            **_json_type(key, refs),
            **({"examples": [key.example]} if key.kind not in (ITEMS, TABLE) else {}),
        }
    for name in sorted(schema.also_allowed - schema.names):
        properties[name] = {"description": "a page setting of MkDocs or its theme"}
    data: dict[str, Any] = {"type": "object", "properties": properties}
    if schema.required:
        data["required"] = list(schema.required)
    if schema.closed:
        data["additionalProperties"] = False
    return data


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one content type's front matter, e.g. `post`."""
    top = SCHEMAS[name]
    nested: list[str] = []

    def collect(schema: Schema) -> None:
        for key in schema.keys:
            if key.item and key.item not in nested:
                nested.append(key.item)
                collect(SCHEMAS[key.item])

    collect(top)
    refs = {item: f"#/$defs/{item.replace(' ', '_')}" for item in nested}
    data: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Front matter of a {name}",
        "description": "Generated from plugins/trainersite/core/schema.py; do not edit by hand.",
        **_object(top, refs),
    }
    if nested:
        data["$defs"] = {item.replace(" ", "_"): _object(SCHEMAS[item], refs) for item in nested}
    return data


# -- the key reference, for the README and the manual ---------------------------------------------


def _example_text(key: Key) -> str:
    if key.kind in (ITEMS, TABLE):
        nested = SCHEMAS[key.item]
        return ("a list of tables with " if key.kind == ITEMS else "a table with ") + ", ".join(k.name for k in nested.keys)
    value = key.example
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "`[" + ", ".join(map(str, value)) + "]`"
    return f"`{value}`"


def key_table(name: str) -> str:
    """The keys of one content type as a Markdown table: key, required, meaning, example."""
    rows = ["| key | required | meaning | example |", "|---|---|---|---|"]
    for key in SCHEMAS[name].keys:
        cells = [f"`{key.name}`", "yes" if key.required else "", key.meaning, _example_text(key)]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


PUBLISHED = ("post", "course")  # the front matter the trainer writes: schemas/post.json, schemas/course.json


def json_schema_text(name: str) -> str:
    """`json_schema(name)` as the text committed in schemas/<name>.json."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"


def write_json_schemas(folder: Path) -> list[Path]:
    """Write schemas/post.json and schemas/course.json (run `python -m trainersite.core.schema schemas`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in PUBLISHED:
        target = folder / f"{name}.json"
        target.write_text(json_schema_text(name), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_json_schemas(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas")):
        print(path)
