"""Reading dates from front matter and showing them in the site's language.

Accepted forms (YAML values or quoted strings): `2024-03-05`, `2024-03-05 14:30`,
`2024-03-05T14:30:00`, optionally with a UTC offset (`+01:00`), and a written date in the
site's language or English such as `5 maart 2024`. A date without time means midnight in the
site's time zone, so it never shifts to the previous day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names

from .errors import ContentError
from .hints import date_hint, iso_date

DATE_EXPECTED = "a date like 2024-03-05 or 2024-03-05 14:30"
_ISO = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$"
)
_WRITTEN = re.compile(r"^(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})$")


@dataclass(frozen=True)
class When:
    """A moment from front matter: aware datetime plus whether a time was given."""

    moment: datetime
    has_time: bool

    @property
    def day(self) -> date:
        return self.moment.date()


@lru_cache(maxsize=16)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder name or a very long name
        raise ContentError("mkdocs.yml", "timezone", "a time zone name like Europe/Amsterdam", name) from None


@lru_cache(maxsize=8)
def _month_numbers(locale: str) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for loc in {locale, "en"}:
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=loc).items():
                numbers[name.lower().rstrip(".")] = number
    return numbers


def _offset(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_when(value: object, source: str, key: str, tz: ZoneInfo, locale: str = "nl") -> When:
    """A front-matter date value as a `When`, or a ContentError naming file and key."""
    try:
        if isinstance(value, datetime):
            moment = value if value.tzinfo else value.replace(tzinfo=tz)
            return When(moment.astimezone(tz), True)
        if isinstance(value, date):
            return When(datetime.combine(value, time(0, 0), tz), False)
        if isinstance(value, str):
            text = value.strip()
            match = _ISO.match(text)
            if match:
                year, month, day, hour, minute, second, offset = match.groups()
                d = date(int(year), int(month), int(day))
                if hour is None:
                    return When(datetime.combine(d, time(0, 0), tz), False)
                t = time(int(hour), int(minute), int(second or 0))
                moment = datetime.combine(d, t, _offset(offset) if offset else tz)
                return When(moment.astimezone(tz), True)
            match = _WRITTEN.match(text)
            if match:
                month = _month_numbers(locale).get(match.group(2).lower())
                if month:
                    d = date(int(match.group(3)), month, int(match.group(1)))
                    return When(datetime.combine(d, time(0, 0), tz), False)
    except (ValueError, OverflowError):
        pass
    raise ContentError(source, key, DATE_EXPECTED, value, hint=date_hint(value), example=iso_date(value) or "2024-03-05")


def format_day(day: date, locale: str) -> str:
    """`6 september 2011` in Dutch, `September 6, 2011` in English."""
    return babel_format_date(day, format="long", locale=locale)
