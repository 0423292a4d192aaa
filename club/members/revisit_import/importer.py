"""Importing JST's re-visit records from CSV: every row checked, all or nothing, row by row."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO

from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from club.members.models import Member, MemberStatus
from club.members.models.history import first_programme_end
from club.members.revisit_import.rows import (
    IDENTITY_COLUMNS,
    REVISIT_LAYOUT,
    RevisitRow,
    parse_row,
)
from club.members.revisits import Outcome, Stay, record_by_jst
from club.members.roster.reader import RosterReader
from club.members.roster.report import (
    RosterFileError,
    RowProblem,
    import_atomically,
    rows_read_line,
)

MAX_LISTED_ROWS = 2000


@dataclass(frozen=True, slots=True)
class RowResult:
    """What became of one row: its outcome, or why it cannot be imported."""

    line: int
    member: str
    outcome: Outcome | None
    problems: tuple[str, ...] = ()

    def __str__(self) -> str:
        who = self.member or "—"
        if self.outcome is None:
            return str(
                _("Line %(line)s (%(member)s): %(problems)s")
                % {"line": self.line, "member": who, "problems": " ".join(self.problems)}
            )
        return str(
            _("Line %(line)s (%(member)s): %(outcome)s")
            % {"line": self.line, "member": who, "outcome": self.outcome.label}
        )


@dataclass
class RevisitImportReport:
    """Every row's result; ``committed`` says whether anything was kept."""

    encoding: str = ""
    dry_run: bool = False
    results: list[RowResult] = field(default_factory=list)
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    invalid_rows: int = 0
    committed: bool = False
    notices: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.outcomes.values()) + self.invalid_rows

    @property
    def valid_rows(self) -> int:
        return self.rows - self.invalid_rows

    @property
    def failed(self) -> bool:
        """True when a bad row stopped the import (or would have, for a dry run)."""
        return self.invalid_rows > 0

    def add(self, result: RowResult) -> None:
        if result.outcome is None:
            self.invalid_rows += 1
        else:
            self.outcomes[result.outcome] += 1
        if len(self.results) < MAX_LISTED_ROWS:
            self.results.append(result)

    def summary_lines(self) -> list[str]:
        """The counts as short sentences, for the command and the admin."""
        lines = [
            rows_read_line(self.rows, self.encoding, self.invalid_rows),
            _(
                "Re-visits: %(created)s new, %(confirmed)s confirming a member's declaration,"
                " %(updated)s updated, %(unchanged)s already recorded."
            )
            % {
                "created": self.outcomes[Outcome.CREATED],
                "confirmed": self.outcomes[Outcome.CONFIRMED],
                "updated": self.outcomes[Outcome.UPDATED],
                "unchanged": self.outcomes[Outcome.UNCHANGED],
            },
        ]
        return [str(line) for line in lines]


def import_revisits(
    stream: BinaryIO, dry_run: bool = False, encoding: str | None = None
) -> RevisitImportReport:
    """Record the re-visits of a CSV file as JST's, reconciled with members' declarations.

    Raises RosterFileError when the file as a whole is unusable. Nothing is kept for a dry
    run or when any row is bad; the report then says what each row would have done.
    """
    report = RevisitImportReport(dry_run=dry_run)
    reader = RosterReader(stream, encoding, REVISIT_LAYOUT)
    try:
        report.encoding = reader.encoding
        if not set(IDENTITY_COLUMNS) & set(reader.columns):
            raise RosterFileError(
                _(
                    "The header needs a roster_id or an email column to find each member."
                    " The columns are described in docs/revisits-import.md."
                )
            )
        report.notices.extend(reader.notices())
        import_atomically(report, lambda: _import_rows(reader, report))
    finally:
        reader.close()
    return report


def _import_rows(reader: RosterReader, report: RevisitImportReport) -> None:
    width = len(reader.columns)
    seen: dict[int, list[tuple[int, Stay]]] = {}
    for raw in reader.rows():
        row, problems = parse_row(raw, width)
        given = raw.values.get("roster_id") or raw.values.get("email", "")
        member, member_problems = _find_member(raw.line, row)
        problems += member_problems
        label = (
            f"{member.display_name} ({member.roster_id or member.contact_email})"
            if member
            else given
        )
        if row is None or member is None or problems:
            report.add(RowResult(raw.line, label, None, tuple(_text(problems))))
            continue
        stay = Stay(
            kind=row.kind,
            institution=row.institution,
            start_date=row.start_date,
            end_date=row.end_date,
            funding=row.funding,
            source_note=row.source_note,
        )
        problems = _stay_problems(row, member, stay, seen.setdefault(member.pk, []))
        if problems:
            report.add(RowResult(raw.line, label, None, tuple(_text(problems))))
            continue
        seen[member.pk].append((row.line, stay))
        _revisit, outcome = record_by_jst(member, stay)
        report.add(RowResult(raw.line, label, outcome))


def _text(problems: list[RowProblem]) -> list[str]:
    return [f"{p.column}: {p.message}" if p.column else p.message for p in problems]


def _find_member(line: int, row: RevisitRow | None) -> tuple[Member | None, list[RowProblem]]:
    """The member a row is about, by roster ID and/or e-mail; both must agree."""
    if row is None or not row.identity:
        return None, []
    found: dict[str, Member | None] = {}
    problems = []
    if row.roster_id:
        found["roster_id"] = Member.objects.filter(roster_id=row.roster_id).first()
        if found["roster_id"] is None:
            message = str(_("No member has the roster ID “%(id)s”.") % {"id": row.roster_id})
            problems.append(RowProblem(line, message, "roster_id"))
    if row.email:
        owners = list(
            Member.objects.annotate(contact=Lower("contact_email"), login=Lower("user__email"))
            .filter(Q(contact=row.email) | Q(login=row.email))
            .distinct()[:2]
        )
        if not owners:
            message = str(_("No member has the e-mail address “%(email)s”.") % {"email": row.email})
            problems.append(RowProblem(line, message, "email"))
        elif len(owners) > 1:
            message = str(
                _("%(email)s matches several members; use the roster ID.") % {"email": row.email}
            )
            problems.append(RowProblem(line, message, "email"))
        found["email"] = owners[0] if len(owners) == 1 else None
    members = {member for member in found.values() if member is not None}
    if len(members) > 1:
        message = str(_("The roster ID and the e-mail address belong to two different members."))
        return None, [RowProblem(line, message)]
    member = members.pop() if members and not problems else None
    if member is not None and member.status == MemberStatus.ANONYMISED:
        message = str(_("This alumnus deleted their membership; nothing is recorded for them."))
        return None, [RowProblem(line, message)]
    return member, problems


def _stay_problems(
    row: RevisitRow, member: Member, stay: Stay, earlier: list[tuple[int, Stay]]
) -> list[RowProblem]:
    """What is wrong with this stay for this member: too early, or in the file twice."""
    problems = []
    first_end = first_programme_end(member.pk)
    if first_end and row.start_date <= first_end:
        message = _(
            "The re-visit starts %(start)s, on or before the end of the member's first"
            " Sakura Science programme (%(end)s)."
        ) % {"start": row.start_date.isoformat(), "end": first_end.isoformat()}
        problems.append(RowProblem(row.line, str(message), "start_date"))
    for line, other in earlier:
        if stay.same_as(other):
            message = _(
                "The same stay as line %(line)s (same member, same institution, overlapping"
                " dates): give each stay once."
            ) % {"line": line}
            problems.append(RowProblem(row.line, str(message)))
            break
    return problems
