"""Queue the survey reminders that are due (run daily from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from club.surveys.models import Wave
from club.surveys.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder for everyone invited to an open survey wave who has not answered or"
        " unsubscribed after the wave's reminder delay. Each person is reminded once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        total = 0
        for wave in Wave.objects.filter(
            sent_at__isnull=False, opens_on__lte=today, closes_on__gte=today
        ):
            count = send_reminders(wave)
            total += count
            self.stdout.write(f"{wave}: {count} reminder(s) queued.")
        self.stdout.write(f"Queued {total} reminder(s).")
