"""python manage.py seed_demo [--members N] [--seed S] [--demo-accounts]"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from club.demo.members.accounts import create_demo_alumni
from club.demo.members.reference import ensure_reference_data
from club.demo.members.store import seed_members
from club.demo.pages.accounts import create_demo_accounts
from club.demo.pages.site import seed_site
from club.demo.qa import seed_qa_channels
from club.outcomes.refresh import rebuild as rebuild_outcomes
from club.planner_statistics import refresh_planner_statistics

# Enough alumni that chapters, the directory and the outcome figures (suppressed below five)
# show real numbers for the main countries and programmes, while seeding stays under a minute.
DEFAULT_MEMBERS = 2000


class Command(BaseCommand):
    help = (
        "Build a realistic, deterministic demo site in English and Japanese: programme pages,"
        " news, reunions, chapters and N alumni. Safe to run again; nothing is duplicated,"
        " and a larger N adds only the missing alumni."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--members",
            type=int,
            default=DEFAULT_MEMBERS,
            help="How many alumni to create.",
        )
        parser.add_argument("--seed", type=int, default=2014, help="Random seed for the demo data.")
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create sign-in accounts with published demo passwords. Never in production.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["members"] < 0:
            raise CommandError("--members must be zero or more.")
        if options["demo_accounts"] and not settings.DEBUG:
            raise CommandError("--demo-accounts is for local demos only (DEBUG must be on).")
        seed_site(report=self._done)
        if options["demo_accounts"]:
            create_demo_accounts(report=self._done)
        refs = None
        if options["members"] or options["demo_accounts"]:
            refs = ensure_reference_data(report=self._done)
        if options["members"]:
            seed_members(
                options["members"],
                options["seed"],
                report=self._done,
                progress=self._progress,
                refs=refs,
            )
        if options["demo_accounts"]:
            create_demo_alumni(report=self._done, refs=refs)
        if options["members"] or options["demo_accounts"]:
            # Bulk writes send no signals: derive the outcome figures once, at the end.
            self._done(f"re-visit outcomes for {rebuild_outcomes():,} alumni")
        seed_qa_channels(report=self._done)
        refresh_planner_statistics()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))

    def _done(self, step: str) -> None:
        self.stdout.write(f"  ✓ {step}")

    def _progress(self, line: str) -> None:
        self.stdout.write(f"    … {line}")
