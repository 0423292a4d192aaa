"""``manage.py refresh_outcomes``: re-derive the rows behind the re-visit outcome figures."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from club.outcomes.refresh import drift, rebuild


class Command(BaseCommand):
    help = (
        "Re-derive one outcome row per alumnus from members, participations and re-visits. "
        "Saves keep the rows current; run this after bulk writes that send no signals "
        "(seed_demo, SQL). --check only reports rows that differ, exiting 1 if any do."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="compare with a fresh derivation, change nothing"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        try:
            if options["check"]:
                stale, missing = drift()
            else:
                count = rebuild()
        except DatabaseError as error:
            raise CommandError(f"The outcome rows could not be derived: {error}") from error
        elapsed = time.monotonic() - started
        if not options["check"]:
            self.stdout.write(f"Derived {count:,} alumni in {elapsed:.1f} s.")
            return
        if stale or missing:
            raise CommandError(
                f"{stale:,} stored rows are out of date and {missing:,} are missing;"
                " run manage.py refresh_outcomes."
            )
        self.stdout.write(f"The outcome rows are current ({elapsed:.1f} s).")
