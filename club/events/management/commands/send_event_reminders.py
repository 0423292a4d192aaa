"""Queue reminder emails for events starting within 48 hours (run it hourly)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from club.events.reminders import REMINDER_WINDOW, queue_reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder email, with the event's .ics, for every confirmed attendee of an event"
        f" starting within {int(REMINDER_WINDOW.total_seconds() // 3600)} hours. Each attendee"
        " is reminded once, however often this runs; the durable worker sends the emails."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        count = queue_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
