"""The shape every CSV import command shares: read FILE, ``--dry-run``, ``--encoding``, print
the report, exit non-zero when the file or any row stops the import.

``import_alumni`` and ``import_revisits`` subclass ``CsvImportCommand``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO, Generic, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _

from club.members.roster.report import FileImportReport, RosterFileError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

ReportT = TypeVar("ReportT", bound=FileImportReport)


class CsvImportCommand(BaseCommand, Generic[ReportT]):
    """Import one CSV file and print its report; subclasses do the import and list the rows."""

    file_help = "the file, a CSV file"
    dry_run_help = "validate and report, write nothing"
    # "%(count)s invalid rows: nothing was imported. …", shown when bad rows stopped the import
    invalid_rows_message: StrOrPromise = ""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=self.file_help)
        parser.add_argument("--dry-run", action="store_true", help=self.dry_run_help)
        parser.add_argument(
            "--encoding", help="utf-8 or shift_jis (default: detected from the file)"
        )

    def import_file(self, stream: BinaryIO, options: dict[str, Any]) -> ReportT:
        raise NotImplementedError

    def print_rows(self, report: ReportT) -> None:
        """The rows the report lists (problems, or every row's result)."""
        raise NotImplementedError

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], "rb") as stream:
                report = self.import_file(stream, options)
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": options["file"], "error": error.strerror or error}
            ) from None
        except RosterFileError as error:
            raise CommandError(
                _("%(file)s: %(error)s Nothing was imported.")
                % {"file": options["file"], "error": error.message}
            ) from None
        except DatabaseError as error:
            # For example another import creating the same people at the same time.
            raise CommandError(
                _("The database refused the import (%(error)s). Nothing was imported.")
                % {"error": error}
            ) from error
        self.print_report(report)
        if report.failed:
            raise CommandError(self.invalid_rows_message % {"count": report.invalid_rows})

    def print_report(self, report: ReportT) -> None:
        self.print_rows(report)
        for notice in report.notices:
            self.stdout.write(self.style.WARNING(notice))
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was written.")))
        elif report.committed:
            self.print_committed(report)

    def print_committed(self, report: ReportT) -> None:
        self.stdout.write(self.style.SUCCESS(_("Import complete.")))
