"""``manage.py import_revisits FILE.csv``: record JST's re-visits (docs/revisits-import.md)."""

from __future__ import annotations

from typing import Any, BinaryIO

from django.utils.translation import gettext_lazy

from club.members.management.csv_import import CsvImportCommand
from club.members.revisit_import import RevisitImportReport, import_revisits


class Command(CsvImportCommand[RevisitImportReport]):
    help = (
        "Record re-visits from a JST CSV file (UTF-8 or Shift_JIS), matched to members by roster"
        " ID or e-mail and reconciled with their own declarations. Atomic: one bad row and"
        " nothing is recorded. Columns: docs/revisits-import.md."
    )
    file_help = "the re-visits, a CSV file"
    dry_run_help = "check and report every row, write nothing"
    invalid_rows_message = gettext_lazy(
        "%(count)s invalid rows: nothing was imported. Fix them and run it again."
    )

    def import_file(self, stream: BinaryIO, options: dict[str, Any]) -> RevisitImportReport:
        return import_revisits(stream, options["dry_run"], options["encoding"])

    def print_rows(self, report: RevisitImportReport) -> None:
        for result in report.results:
            style = self.style.ERROR if result.outcome is None else self.style.SUCCESS
            self.stdout.write(style(str(result)))
