"""Hints for the mistakes a trainer makes most: each one says what to write instead.

Pure functions returning an English hint (core/messages.py translates it) or None.
"""

from __future__ import annotations

import re

_DUTCH_DATE = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(\s+\d{1,2}:\d{2})?\s*$")
_KEY_VALUE = re.compile(r"^(\s*)([\w-]+):\s*(.*?)\s*$")


def yaml_hint(problem: str, text: str, line_index: int | None) -> str | None:
    """A hint for a YAML syntax error: `problem` as PyYAML says it, `line_index` 0-based in `text`."""
    lines = text.splitlines()
    line = lines[line_index] if line_index is not None and 0 <= line_index < len(lines) else ""
    if "tab" in problem or "\t" in line:
        return f"use spaces instead of a tab (line {(line_index or 0) + 1})"
    if "mapping values are not allowed" in problem:
        match = _KEY_VALUE.match(line)
        if match and match.group(3):
            indent, key, value = match.groups()
            quoted = value.replace("\\", "\\\\").replace('"', '\\"')
            return f'put the text in quotes: {indent}{key}: "{quoted}"'.strip()
    return None


def iso_date(value: object) -> str | None:
    """`05-03-2024` (day-month-year, as written in Dutch) -> `2024-03-05`; None for anything else."""
    if not isinstance(value, str):
        return None
    match = _DUTCH_DATE.match(value)
    if not match:
        return None
    day, month, year, time = match.groups()
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}" + (f" {time.strip()}" if time else "")


def date_hint(value: object) -> str | None:
    iso = iso_date(value)
    return f"write the date as year-month-day: {iso}" if iso else None


def list_as_text(key: str, value: object) -> tuple[str, str] | None:
    """`categories: A, B` -> (the list's items as YAML, the hint); None when `value` is no such text."""
    if not isinstance(value, str) or "," not in value:
        return None
    items = [item.strip() for item in value.split(",") if item.strip()]
    if len(items) < 2:
        return None
    shown = ", ".join(items)
    return shown, f"write a list in square brackets: {key}: [{shown}]"
