"""python manage.py seed_demo [--members N] [--seed S]"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from club.pages.demo.accounts import create_demo_accounts
from club.pages.demo.site import seed_site


class Command(BaseCommand):
    help = (
        "Build a realistic, deterministic demo site in English and Japanese: programme pages,"
        " news, reunions and chapters. Safe to run again; nothing is duplicated."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--members", type=int, default=300, help="How many alumni to create.")
        parser.add_argument("--seed", type=int, default=2014, help="Random seed for the demo data.")
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create sign-in accounts with published demo passwords. Never in production.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["members"] < 0:
            raise CommandError("--members must be zero or more.")
        seed_site(report=lambda step: self.stdout.write(f"  ✓ {step}"))
        if options["demo_accounts"]:
            if not settings.DEBUG:
                raise CommandError("--demo-accounts is for local demos only (DEBUG must be on).")
            create_demo_accounts(report=lambda step: self.stdout.write(f"  ✓ {step}"))
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
