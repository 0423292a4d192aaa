"""The roster's columns: the one list the reader, the row validator and docs/import.md follow."""

from __future__ import annotations

import re
from dataclasses import dataclass


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


def normalise_header(cell: str) -> str:
    """Map a header cell such as ' Given name ' or 'E-mail' to a column name."""
    key = re.sub(r"[\s\-]+", "_", cell.replace("\ufeff", "").strip().lower())
    return HEADER_ALIASES.get(key, key)
