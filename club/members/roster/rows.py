"""Validating one roster row into typed values, with every problem it has."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.bounds import EARLIEST, LATEST, parse_id, within
from club.members.models import FieldTag, Institution, Member, NameOrder
from club.members.programmes import Programme
from club.members.roster.reader import RawRow
from club.members.roster.report import RowProblem

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

MAX_FIELDS_PER_ROW = 20
_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_FIELD_SEPARATORS = re.compile(r"[;；]")


def column_max_length(model: type[models.Model], name: str) -> int:
    """The maximum length of a text column, as the model declares it."""
    field = model._meta.get_field(name)
    if not isinstance(field, models.CharField) or field.max_length is None:
        raise TypeError(f"{model.__name__}.{name} is not a text column with a maximum length")
    return field.max_length


# Column → the database limit it must fit; taken from the models so the two never disagree.
_LIMITS = {
    "roster_id": column_max_length(Member, "roster_id"),
    "email": column_max_length(Member, "contact_email"),
    "given_name": column_max_length(Member, "given_name"),
    "family_name": column_max_length(Member, "family_name"),
    "native_name": column_max_length(Member, "native_name"),
    "position": column_max_length(Member, "position"),
    "organisation": column_max_length(Member, "organisation"),
    "sending_institution": column_max_length(Institution, "name"),
    "host_institution": column_max_length(Institution, "name"),
}
_FIELD_LIMIT = column_max_length(FieldTag, "name")


@dataclass(slots=True)
class RosterRow:
    """A valid row. Empty strings mean "not given": they never overwrite stored values."""

    line: int
    roster_id: str
    email: str
    given_name: str
    family_name: str
    native_name: str
    name_order: str
    nationality: str
    country: str
    programme: str
    fiscal_year: int
    start_date: date
    end_date: date
    sending_institution: str
    host_institution: str
    fields: list[str]
    position: str
    organisation: str
    preferred_language: str

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.given_name, self.family_name) if part)


class CellReader:
    """Reads cells of one raw row, collecting problems instead of stopping at the first."""

    def __init__(self, raw: RawRow) -> None:
        self.raw = raw
        self.problems: list[RowProblem] = []

    def fail(self, column: str, message: StrOrPromise) -> None:
        self.problems.append(RowProblem(self.raw.line, str(message), column))

    def check_width(self, width: int) -> None:
        """More filled cells than the header has columns: most likely an unquoted comma."""
        if self.raw.cell_count > width:
            self.fail(
                "",
                _(
                    "This row has %(found)s values but the header has %(expected)s columns;"
                    " check for an unquoted comma."
                )
                % {"found": self.raw.cell_count, "expected": width},
            )

    def text(self, column: str, required: bool = False) -> str:
        value = self.raw.values.get(column, "")
        if required and not value:
            self.fail(column, _("This column is required."))
        limit = _LIMITS.get(column)
        if limit and len(value) > limit:
            self.fail(column, _("Longer than %(limit)s characters.") % {"limit": limit})
        return value

    def choice(self, column: str, lookup: dict[str, str], hint: str) -> str:
        value = self.raw.values.get(column, "")
        if not value:
            return ""
        found = lookup.get(value.casefold())
        if found is None:
            message = _("“%(value)s” is not allowed here; use %(hint)s.")
            self.fail(column, message % {"value": value, "hint": hint})
            return ""
        return found

    def country(self, column: str) -> str:
        value = self.raw.values.get(column, "")
        if not value:
            return ""
        code = country_code(value)
        if not code:
            self.fail(
                column,
                _(
                    "“%(value)s” is not a known country; use a two-letter code such as IN"
                    " or an English name such as India."
                )
                % {"value": value},
            )
        return code

    def date(self, column: str) -> date | None:
        value = self.raw.values.get(column, "")
        if not value:
            self.fail(column, _("This column is required."))
            return None
        match = _DATE.fullmatch(value)
        try:
            if match is None:
                raise ValueError(value)
            day = date(*(int(part) for part in match.groups()))
            if not within(day):
                raise ValueError(value)
            return day
        except ValueError:
            self.fail(
                column,
                _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": value},
            )
            return None


def parse_row(raw: RawRow, width: int) -> tuple[RosterRow | None, list[RowProblem]]:
    """Validate one raw row: the typed row, or None and every problem found in it."""
    row = CellReader(raw)
    row.check_width(width)
    roster_id = row.text("roster_id")
    email = row.text("email").lower()
    if not roster_id and not email:
        row.fail("", _("Give a roster ID, an email address or both."))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            row.fail("email", _("“%(value)s” is not a valid email address.") % {"value": email})
    given_name = row.text("given_name", required=True)
    family_name = row.text("family_name")
    native_name = row.text("native_name")
    name_order = row.choice("name_order", _name_orders(), "given_first, family_first")
    nationality = row.country("nationality")
    country = row.country("country_of_residence")
    programme = row.text("programme", required=True) and row.choice(
        "programme", _programmes(), ", ".join(Programme.values)
    )
    start_date, end_date = row.date("start_date"), row.date("end_date")
    if start_date and end_date and end_date < start_date:
        row.fail(
            "end_date",
            _("The end date %(end)s is before the start date %(start)s.")
            % {"end": end_date.isoformat(), "start": start_date.isoformat()},
        )
    fiscal_year = _fiscal_year(row, start_date)
    sending = row.text("sending_institution")
    if sending and not (nationality or country):
        row.fail(
            "sending_institution",
            _("A sending institution needs the nationality or the country of residence."),
        )
    host = row.text("host_institution")
    fields = _fields(row)
    position, organisation = row.text("position"), row.text("organisation")
    language = row.choice("preferred_language", _languages(), "en, ja")
    # A missing or bad date is always among the problems; the test only narrows the types.
    if row.problems or start_date is None or end_date is None:
        return None, row.problems
    return (
        RosterRow(
            line=raw.line,
            roster_id=roster_id,
            email=email,
            given_name=given_name,
            family_name=family_name,
            native_name=native_name,
            name_order=name_order,
            nationality=nationality,
            country=country,
            programme=programme,
            fiscal_year=fiscal_year or 0,
            start_date=start_date,
            end_date=end_date,
            sending_institution=sending,
            host_institution=host,
            fields=fields,
            position=position,
            organisation=organisation,
            preferred_language=language,
        ),
        [],
    )


def fiscal_year_of(day: date) -> int:
    """The Japanese fiscal year (April to March) a day falls in."""
    return day.year if day.month >= 4 else day.year - 1


def _fiscal_year(row: CellReader, start: date | None) -> int | None:
    value = row.raw.values.get("fiscal_year", "")
    if not value:
        return fiscal_year_of(start) if start else None
    if (year := parse_id(value)) is None or not EARLIEST.year <= year <= LATEST.year:
        row.fail("fiscal_year", _("“%(value)s” is not a fiscal year.") % {"value": value})
        return None
    if start and fiscal_year_of(start) != year:
        row.fail(
            "fiscal_year",
            _("Fiscal year %(year)s does not contain the start date %(start)s.")
            % {"year": year, "start": start.isoformat()},
        )
    return year


def _fields(row: CellReader) -> list[str]:
    value = row.raw.values.get("fields", "")
    names: dict[str, str] = {}
    for part in _FIELD_SEPARATORS.split(value):
        name = " ".join(part.split())
        if not name:
            continue
        if len(name) > _FIELD_LIMIT:
            row.fail("fields", _("Longer than %(limit)s characters.") % {"limit": _FIELD_LIMIT})
        names.setdefault(name.casefold(), name)
    if len(names) > MAX_FIELDS_PER_ROW:
        row.fail("fields", _("At most %(count)s fields.") % {"count": MAX_FIELDS_PER_ROW})
    return list(names.values())


@lru_cache(maxsize=2048)
def country_code(value: str) -> str:
    """The ISO code for a code (IN, IND, 356) or a name in English or Japanese; '' if unknown."""
    code = countries.alpha2(value) if len(value) <= 3 else ""
    return code or countries.by_name(value) or countries.by_name(value, language="ja")


def choice_lookup(
    choices: Sequence[tuple[str, object]], extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Lower-cased values and labels (in every site language) mapped to the stored value,
    with ``extra`` spellings on top."""
    lookup: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choices:
                text = str(label).casefold()
                lookup[text] = value
                lookup[text.split(":")[0].strip()] = value  # "course a" for "Course A: …"
    for value, _label in choices:
        lookup[value.casefold()] = value
    lookup.update(extra or {})
    return lookup


@cache
def _programmes() -> dict[str, str]:
    extra = {"high school": "HSP", "high school program": "HSP", "y-tec": "YTEC"}
    return choice_lookup(Programme.choices, extra)


@cache
def _name_orders() -> dict[str, str]:
    extra = {"given": NameOrder.GIVEN_FIRST, "family": NameOrder.FAMILY_FIRST}
    return choice_lookup(NameOrder.choices, extra)


@cache
def _languages() -> dict[str, str]:
    return choice_lookup(list(settings.LANGUAGES))
