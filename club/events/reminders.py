"""Reminders for events starting soon, queued once per confirmed attendee."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from club.events.emails import EmailKind
from club.events.models import RSVP, RSVPQuerySet
from club.events.tasks import queue_email

REMINDER_WINDOW = timedelta(hours=48)


def due_reminders(now: datetime) -> RSVPQuerySet:
    """Confirmed RSVPs to live events starting within the window, not yet reminded."""
    return RSVP.objects.going().filter(
        reminder_queued_at__isnull=True,
        event__live=True,
        event__start__gt=now,
        event__start__lte=now + REMINDER_WINDOW,
    )


def queue_reminders(now: datetime | None = None) -> int:
    """Queue a reminder for every due RSVP and mark it, so a second run queues nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        # skip_locked: two overlapping runs (cron and a manual one) split the work.
        rsvps = list(
            due_reminders(now).select_for_update(of=("self",), skip_locked=True).order_by("pk")
        )
        RSVP.objects.filter(pk__in=[rsvp.pk for rsvp in rsvps]).update(reminder_queued_at=now)
        for rsvp in rsvps:
            queue_email(rsvp, EmailKind.REMINDER)
    return len(rsvps)
