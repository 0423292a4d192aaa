"""``manage.py import_alumni FILE.csv``: import a JST participant roster (see docs/import.md)."""

from __future__ import annotations

from typing import Any, BinaryIO

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from club.members.management.csv_import import CsvImportCommand
from club.members.roster import ImportOptions, ImportReport, import_roster
from club.progress import progress_bar


class Command(CsvImportCommand[ImportReport]):
    help = (
        "Import a JST roster CSV (UTF-8 or Shift_JIS) into members and participations. "
        "Atomic by default: one bad row and nothing is imported. Columns: docs/import.md."
    )
    file_help = "the roster, a CSV file"
    invalid_rows_message = gettext_lazy(
        "%(count)s invalid rows: nothing was imported. Fix them or use --skip-invalid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--invite",
            action="store_true",
            help="email a claim link to every new member with an email address",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and report the others (exit code 0)",
        )
        parser.add_argument(
            "--chunk-size", type=int, default=1000, help="rows written per batch (default 1000)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["chunk_size"] < 1:
            raise CommandError(_("--chunk-size must be at least 1."))
        super().handle(*args, **options)

    def import_file(self, stream: BinaryIO, options: dict[str, Any]) -> ImportReport:
        import_options = ImportOptions(
            dry_run=options["dry_run"],
            skip_invalid=options["skip_invalid"],
            invite=options["invite"] and not options["dry_run"],
            encoding=options["encoding"],
            chunk_size=options["chunk_size"],
        )
        bar = progress_bar(self.stderr, unit="B", unit_scale=True, enabled=options["verbosity"] > 0)

        def progress(rows: int, bytes_read: int, total_bytes: int | None) -> None:
            # Rows are counted as they stream; the bar's fill is the share of the file read.
            bar.set_postfix_str(f"{rows:,} rows", refresh=False)
            bar.to(bytes_read, total_bytes)

        try:
            return import_roster(stream, import_options, progress=progress)
        finally:
            bar.close()

    def print_rows(self, report: ImportReport) -> None:
        for problem in report.problems:
            self.stdout.write(self.style.ERROR(str(problem)))
        if report.unlisted_problems:
            self.stdout.write(
                self.style.ERROR(
                    _("… and %(count)s more invalid rows.") % {"count": report.unlisted_problems}
                )
            )

    def print_committed(self, report: ImportReport) -> None:
        if report.invalid_rows:
            self.stdout.write(
                self.style.WARNING(
                    _("Imported the valid rows; %(count)s invalid rows were skipped.")
                    % {"count": report.invalid_rows}
                )
            )
        else:
            super().print_committed(report)
