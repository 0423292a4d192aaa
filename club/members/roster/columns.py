"""The roster's columns: the one list the reader, the row validator and docs/import.md follow."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    """One roster column; ``required`` columns must be in the header (cells may still be empty)."""

    name: str
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("roster_id", required=True),
    Column("email", required=True),
    Column("given_name", required=True),
    Column("family_name", required=True),
    Column("native_name"),
    Column("name_order"),
    Column("nationality"),
    Column("country_of_residence"),
    Column("programme", required=True),
    Column("fiscal_year"),
    Column("start_date", required=True),
    Column("end_date", required=True),
    Column("sending_institution"),
    Column("host_institution"),
    Column("fields"),
    Column("position"),
    Column("organisation"),
    Column("preferred_language"),
)

COLUMN_NAMES = frozenset(column.name for column in COLUMNS)
REQUIRED_COLUMNS = tuple(column.name for column in COLUMNS if column.required)

# Headers people write by hand or that spreadsheets produce, mapped to our names.
HEADER_ALIASES = {
    "id": "roster_id",
    "jst_id": "roster_id",
    "e_mail": "email",
    "email_address": "email",
    "first_name": "given_name",
    "last_name": "family_name",
    "surname": "family_name",
    "country": "country_of_residence",
    "residence": "country_of_residence",
    "program": "programme",
    "course": "programme",
    "organization": "organisation",
    "language": "preferred_language",
}


def normalise_header(cell: str, aliases: Mapping[str, str] = HEADER_ALIASES) -> str:
    """Map a header cell such as ' Given name ' or 'E-mail' to a column name."""
    key = re.sub(r"[\s\-]+", "_", cell.replace("\ufeff", "").strip().lower())
    return aliases.get(key, key)


@dataclass(frozen=True)
class FileLayout:
    """The columns one kind of CSV file has, for ``RosterReader``: the roster's by default,
    the re-visit import's (club/members/revisit_import/) too."""

    columns: tuple[Column, ...]
    aliases: Mapping[str, str] = field(default_factory=dict)
    guide: str = "docs/import.md"

    @property
    def names(self) -> frozenset[str]:
        return frozenset(column.name for column in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)


ROSTER_LAYOUT = FileLayout(COLUMNS, HEADER_ALIASES, "docs/import.md")
