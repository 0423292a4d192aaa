"""The re-visit CSV's columns and the checks on one row's cells (docs/revisits-import.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from django.utils.translation import gettext_lazy as _

from club.members.models import Funding, Institution, Revisit, RevisitKind
from club.members.models.history import far_future_problems
from club.members.roster.columns import Column, FileLayout
from club.members.roster.reader import RawRow
from club.members.roster.report import RowProblem
from club.members.roster.rows import CellReader, choice_lookup

REVISIT_LAYOUT = FileLayout(
    columns=(
        Column("roster_id"),
        Column("email"),
        Column("kind", required=True),
        Column("institution"),
        Column("start_date", required=True),
        Column("end_date"),
        Column("funding"),
        Column("source_note"),
    ),
    aliases={
        "id": "roster_id",
        "jst_id": "roster_id",
        "e_mail": "email",
        "email_address": "email",
        "type": "kind",
        "institution_in_japan": "institution",
        "host_institution": "institution",
        "start": "start_date",
        "end": "end_date",
        "note": "source_note",
        "source": "source_note",
    },
    guide="docs/revisits-import.md",
)
IDENTITY_COLUMNS = ("roster_id", "email")
NOTE_LIMIT = Revisit._meta.get_field("source_note").max_length or 1000


@dataclass(slots=True)
class RevisitRow:
    """The cells of a row, checked and typed; the member is found by the importer."""

    line: int
    roster_id: str
    email: str
    kind: str
    institution: Institution | None
    start_date: date
    end_date: date | None
    funding: str
    source_note: str

    @property
    def identity(self) -> str:
        return self.roster_id or self.email


def parse_row(raw: RawRow, width: int) -> tuple[RevisitRow | None, list[RowProblem]]:
    """Check one row's cells: the typed row, or None and every problem found in it."""
    row = CellReader(raw)
    row.check_width(width)
    roster_id, email = row.text("roster_id"), row.text("email").lower()
    if not roster_id and not email:
        row.fail("", _("Give the member's roster ID or e-mail address."))
    kind = row.text("kind", required=True) and row.choice(
        "kind", _kinds(), ", ".join(RevisitKind.values)
    )
    funding = row.choice("funding", _fundings(), ", ".join(Funding.values))
    institution = _institution(row)
    start = row.date("start_date")
    end = row.date("end_date") if raw.values.get("end_date") else None
    if start and end and end < start:
        row.fail(
            "end_date",
            _("The end date %(end)s is before the start date %(start)s.")
            % {"end": end.isoformat(), "start": start.isoformat()},
        )
    for column, message in far_future_problems(start, end).items():
        row.fail(column, message)
    note = raw.values.get("source_note", "")
    if len(note) > NOTE_LIMIT:
        row.fail("source_note", _("Longer than %(limit)s characters.") % {"limit": NOTE_LIMIT})
    if row.problems or start is None:
        return None, row.problems
    typed = RevisitRow(
        line=raw.line,
        roster_id=roster_id,
        email=email,
        kind=kind,
        institution=institution,
        start_date=start,
        end_date=end,
        funding=funding,
        source_note=note,
    )
    return typed, []


def _institution(row: CellReader) -> Institution | None:
    name = row.raw.values.get("institution", "")
    if not name:
        return None
    institution = (
        Institution.objects.resolve(name)
        or Institution.objects.filter(name_ja=name).order_by("pk").first()
    )
    if institution is None:
        row.fail(
            "institution",
            _(
                "“%(name)s” is not a known institution. Add it (or this spelling as an alias)"
                " under Members → Institutions first, or leave the cell empty."
            )
            % {"name": name},
        )
    return institution


@cache
def _kinds() -> dict[str, str]:
    extra = {"postdoc": RevisitKind.RESEARCHER, "degree student": RevisitKind.DEGREE}
    return choice_lookup(RevisitKind.choices, extra)


@cache
def _fundings() -> dict[str, str]:
    extra = {"self-funded": Funding.SELF, "mext scholarship": Funding.MEXT}
    return choice_lookup(Funding.choices, extra)
