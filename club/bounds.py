"""Sane input that people type: numbers and dates in range, search text on one clean line.

A year-1 event overflowed the time-zone conversion and year 9999 the database; a roster
row in year 0001 made fiscal year 0; "²" passed ``str.isdigit()`` and then broke ``int()``.
A NUL typed into a search box is refused by PostgreSQL.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = date(1990, 1, 1)  # before the first JST exchange programmes the club records
LATEST = date(2100, 12, 31)
MAX_ID_DIGITS = 18  # a 64-bit integer, as database ids are
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def within(day: date | datetime) -> bool:
    """Whether a date (or the date of a datetime) lies in the range the site accepts."""
    value = day.date() if isinstance(day, datetime) else day
    return EARLIEST <= value <= LATEST


def validate_sane_date(day: date | datetime) -> None:
    if not within(day):
        raise ValidationError(
            _("Choose a date between %(earliest)s and %(latest)s."),
            code="out_of_range",
            params={"earliest": EARLIEST.year, "latest": LATEST.year},
        )


def parse_id(text: str) -> int | None:
    """A database id or page number typed or posted by a person: ASCII digits only."""
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_ID_DIGITS:
        return None
    return int(text)


def one_line(text: str) -> str:
    """``text`` on one line: control characters (NUL, newlines, tabs) and runs of spaces
    become single spaces, and the ends are stripped."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())
