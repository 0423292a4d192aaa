"""``manage.py import_revisits FILE.csv``: record JST's re-visits (docs/revisits-import.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _

from club.members.revisit_import import RevisitImportReport, import_revisits
from club.members.roster import RosterFileError


class Command(BaseCommand):
    help = (
        "Record re-visits from a JST CSV file (UTF-8 or Shift_JIS), matched to members by roster"
        " ID or e-mail and reconciled with their own declarations. Atomic: one bad row and"
        " nothing is recorded. Columns: docs/revisits-import.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the re-visits, a CSV file")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report every row, write nothing"
        )
        parser.add_argument(
            "--encoding", help="utf-8 or shift_jis (default: detected from the file)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], "rb") as stream:
                report = import_revisits(stream, options["dry_run"], options["encoding"])
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
            raise CommandError(
                _("The database refused the import (%(error)s). Nothing was imported.")
                % {"error": error}
            ) from error
        self._print_report(report)
        if report.failed:
            raise CommandError(
                _("%(count)s invalid rows: nothing was imported. Fix them and run it again.")
                % {"count": report.invalid_rows}
            )

    def _print_report(self, report: RevisitImportReport) -> None:
        for result in report.results:
            style = self.style.ERROR if result.outcome is None else self.style.SUCCESS
            self.stdout.write(style(str(result)))
        for notice in report.notices:
            self.stdout.write(self.style.WARNING(notice))
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was written.")))
        elif report.committed:
            self.stdout.write(self.style.SUCCESS(_("Import complete.")))
