"""Durable background work for events: the RSVP emails."""

from __future__ import annotations

from django_tasks import task

from club.events.emails import deliver


@task(backend="durable")
def send_rsvp_email(rsvp_id: int, kind: str) -> bool:
    """Send a confirmation, waitlist, promotion or reminder email (see club.events.emails)."""
    return deliver(rsvp_id, kind)
