"""Keep seats filled when an editor raises an event's capacity, from the form or the admin."""

from __future__ import annotations

from typing import Any

from wagtail.signals import page_published

from club.events.attendance import fill_free_seats
from club.events.models import EventPage


def seat_waitlist_after_publish(sender: type, instance: Any, **kwargs: Any) -> None:
    fill_free_seats(instance)


def connect() -> None:
    page_published.connect(
        seat_waitlist_after_publish, sender=EventPage, dispatch_uid="events-fill-seats"
    )
