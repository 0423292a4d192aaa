"""What an import did, or would do: counts, the per-row problems and a preview of rows.

``FileImportReport`` is what every CSV import's report offers (the roster's here, the
re-visits' in club/members/revisit_import/), for the shared admin views and commands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# A whole roster of bad rows must not fill memory or the admin page; the count stays exact.
MAX_LISTED_PROBLEMS = 500
MAX_PREVIEW_ROWS = 200


class FileImportReport(Protocol):
    """The report of one CSV import run, whatever the file."""

    dry_run: bool
    committed: bool
    invalid_rows: int
    notices: list[str]

    @property
    def rows(self) -> int: ...

    @property
    def failed(self) -> bool: ...

    def summary_lines(self) -> list[str]: ...


def import_atomically(report: FileImportReport, import_rows: Callable[[], None]) -> None:
    """Run ``import_rows`` in one transaction, kept only for a real import no row stopped.

    Raises RosterFileError when the file has a header but no rows.
    """
    with transaction.atomic():
        import_rows()
        if report.rows == 0:
            raise RosterFileError(_("The file has a header but no rows."))
        if report.dry_run or report.failed:
            transaction.set_rollback(True)
        else:
            report.committed = True


def rows_read_line(rows: int, encoding: str, invalid: int) -> str:
    """The first line of every import's summary."""
    return _("%(rows)s rows read (%(encoding)s): %(valid)s valid, %(invalid)s invalid.") % {
        "rows": rows,
        "encoding": encoding,
        "valid": rows - invalid,
        "invalid": invalid,
    }


class RosterFileError(Exception):
    """The file as a whole cannot be imported (empty, binary, bad header): nothing was written."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(message)
        self.message = str(message)


@dataclass(frozen=True, slots=True)
class RowProblem:
    """Why one row was rejected."""

    line: int
    message: str
    column: str = ""

    def __str__(self) -> str:
        if self.column:
            return str(
                _("Line %(line)s, %(column)s: %(message)s")
                % {"line": self.line, "column": self.column, "message": self.message}
            )
        return str(_("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message})


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What happened to one valid row, for the admin preview."""

    line: int
    roster_id: str
    name: str
    native_name: str
    email: str
    programme: str
    member_action: str  # "create", "update" or "unchanged"
    participation_action: str


@dataclass
class ImportReport:
    """Counts and problems of one import run; ``committed`` says whether anything was kept."""

    encoding: str = ""
    dry_run: bool = False
    skip_invalid: bool = False
    rows: int = 0
    invalid_rows: int = 0
    members_created: int = 0
    members_updated: int = 0
    members_unchanged: int = 0
    participations_created: int = 0
    participations_updated: int = 0
    participations_unchanged: int = 0
    institutions_created: int = 0
    fields_created: int = 0
    invitations_sent: int = 0
    # Rows of alumni who deleted their membership: valid, but skipped so they stay deleted.
    erased_lines: list[int] = field(default_factory=list)
    committed: bool = False
    problems: list[RowProblem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    preview: list[RowOutcome] = field(default_factory=list)

    @property
    def valid_rows(self) -> int:
        return self.rows - self.invalid_rows

    @property
    def unlisted_problems(self) -> int:
        """Bad rows beyond the listed ones (the list is capped)."""
        return max(0, self.invalid_rows - len(self.problems))

    @property
    def failed(self) -> bool:
        """True when bad rows stopped an atomic import (or would have, for a dry run)."""
        return self.invalid_rows > 0 and not self.skip_invalid

    def add_problem(self, problem: RowProblem) -> None:
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(problem)

    def add_erased(self, line: int) -> None:
        self.erased_lines.append(line)

    def add_preview(self, outcome: RowOutcome) -> None:
        if len(self.preview) < MAX_PREVIEW_ROWS:
            self.preview.append(outcome)

    def summary_lines(self) -> list[str]:
        """The counts as short sentences, for the command and the admin."""
        lines = [
            rows_read_line(self.rows, self.encoding, self.invalid_rows),
            _("Members: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "created": self.members_created,
                "updated": self.members_updated,
                "unchanged": self.members_unchanged,
            },
            _("Participations: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % {
                "created": self.participations_created,
                "updated": self.participations_updated,
                "unchanged": self.participations_unchanged,
            },
            _("New institutions: %(institutions)s. New fields: %(fields)s.")
            % {"institutions": self.institutions_created, "fields": self.fields_created},
        ]
        if self.invitations_sent:
            lines.append(_("Invitations sent: %(count)s.") % {"count": self.invitations_sent})
        if self.erased_lines:
            shown = ", ".join(str(line) for line in self.erased_lines[:MAX_LISTED_PROBLEMS])
            more = len(self.erased_lines) - MAX_LISTED_PROBLEMS
            lines.append(
                ngettext(
                    "Skipped %(count)s row of an alumnus who deleted their membership (line"
                    " %(lines)s).",
                    "Skipped %(count)s rows of alumni who deleted their membership (lines"
                    " %(lines)s).",
                    len(self.erased_lines),
                )
                % {
                    "count": len(self.erased_lines),
                    "lines": shown + (f", … (+{more})" if more > 0 else ""),
                }
            )
        return [str(line) for line in lines]
