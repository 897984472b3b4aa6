"""The key tables of HANDLEIDING.md, made from the schema (core/schema.py) so the manual cannot drift.

HANDLEIDING.md is written by hand except between marker lines such as
`<!-- sleutels: post -->` ... `<!-- /sleutels -->`: there `update_manual` puts the table of that
content type's keys (key, kind, required, meaning, example) in the manual's language, Dutch.
Run `python -m trainersite.tools.manual HANDLEIDING.md` after changing the schema;
tests/test_manual.py fails while the file differs from what this module makes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from ..core import schema as s
from ..core.messages import translate

LANGUAGE = "nl"
_BLOCK = re.compile(r"(<!-- sleutels: ([\w ]+?) -->\n)(.*?)(<!-- /sleutels -->)", re.DOTALL)

# What kind of value each key takes, in the trainer's words.
KINDS = {
    s.TEXT: "tekst",
    s.TEXTS: "lijst van teksten (één tekst mag ook)",
    s.DATE: "datum, eventueel met tijd",
    s.BOOL: "true of false",
    s.NUMBER: "getal (0 of meer)",
    s.WHOLE: "heel getal",
    s.ITEMS: "lijst van tabellen",
    s.TABLE: "tabel",
    s.CHOICES: "lijst, keuze uit",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _kind(key: s.Key) -> str:
    kind = KINDS[key.kind]
    if key.kind == s.CHOICES:
        kind += " " + ", ".join(key.choices)
    if key.kind == s.WHOLE and key.minimum is not None:
        kind += f" (minstens {key.minimum})"
    if key.kind in (s.ITEMS, s.TABLE) and key.item:
        kind += f" (zie *{key.item}*)"
    return kind


def _example(key: s.Key) -> str:
    if key.kind in (s.ITEMS, s.TABLE):
        return ""
    if key.kind == s.DATE:
        value = str(key.example)
    else:
        value = yaml.safe_dump(key.example, default_flow_style=True, allow_unicode=True, width=1000)
        value = value.strip().removesuffix("...").strip()
    return f"`{key.name}: {value}`"


def key_table(name: str) -> str:
    """The Markdown table of one schema's keys."""
    rows = ["| Sleutel | Soort | Verplicht | Betekenis | Voorbeeld |", "|---|---|---|---|---|"]
    for key in s.SCHEMAS[name].keys:
        rows.append("| " + " | ".join(_cell(part) for part in (
            f"`{key.name}`", _kind(key), "ja" if key.required else "nee", translate(key.meaning, LANGUAGE), _example(key),
        )) + " |")
    return "\n".join(rows) + "\n"


def update_manual(text: str) -> str:
    """`text` with every marked block replaced by the current table; an unknown schema name is an error."""
    def table(match: re.Match) -> str:
        name = match.group(2)
        if name not in s.SCHEMAS:
            raise KeyError(f"HANDLEIDING.md: no schema '{name}' (known: {', '.join(s.SCHEMAS)})")
        return match.group(1) + key_table(name) + match.group(4)

    return _BLOCK.sub(table, text)


def main(argv: list[str] | None = None) -> int:
    path = Path((argv if argv is not None else sys.argv[1:] or ["HANDLEIDING.md"])[0])
    path.write_text(update_manual(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
