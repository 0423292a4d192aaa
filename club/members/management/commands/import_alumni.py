"""``manage.py import_alumni FILE.csv``: import a JST participant roster (see docs/import.md)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils.translation import gettext as _

from club.members.roster import ImportOptions, ImportReport, RosterFileError, import_roster
from club.progress import progress_bar


class Command(BaseCommand):
    help = (
        "Import a JST roster CSV (UTF-8 or Shift_JIS) into members and participations. "
        "Atomic by default: one bad row and nothing is imported. Columns: docs/import.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the roster, a CSV file")
        parser.add_argument(
            "--dry-run", action="store_true", help="validate and report, write nothing"
        )
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
            "--encoding", help="utf-8 or shift_jis (default: detected from the file)"
        )
        parser.add_argument(
            "--chunk-size", type=int, default=1000, help="rows written per batch (default 1000)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["chunk_size"] < 1:
            raise CommandError(_("--chunk-size must be at least 1."))
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
            with open(options["file"], "rb") as stream:
                report = import_roster(stream, import_options, progress=progress)
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
        finally:
            bar.close()
        self._print_report(report)
        if report.failed:
            raise CommandError(
                _("%(count)s invalid rows: nothing was imported. Fix them or use --skip-invalid.")
                % {"count": report.invalid_rows}
            )

    def _print_report(self, report: ImportReport) -> None:
        for problem in report.problems:
            self.stdout.write(self.style.ERROR(str(problem)))
        if report.unlisted_problems:
            self.stdout.write(
                self.style.ERROR(
                    _("… and %(count)s more invalid rows.") % {"count": report.unlisted_problems}
                )
            )
        for notice in report.notices:
            self.stdout.write(self.style.WARNING(notice))
        for line in report.summary_lines():
            self.stdout.write(line)
        if report.dry_run:
            self.stdout.write(self.style.WARNING(_("Dry run: nothing was written.")))
        elif report.committed and report.invalid_rows:
            self.stdout.write(
                self.style.WARNING(
                    _("Imported the valid rows; %(count)s invalid rows were skipped.")
                    % {"count": report.invalid_rows}
                )
            )
        elif report.committed:
            self.stdout.write(self.style.SUCCESS(_("Import complete.")))
