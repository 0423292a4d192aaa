"""Keep seats filled when an editor raises an event's capacity, from the form or the admin."""

from __future__ import annotations

from typing import Any

from wagtail.signals import page_published


def seat_waitlist_after_publish(sender: type, instance: Any, **kwargs: Any) -> None:
    from club.events.attendance import fill_free_seats

    fill_free_seats(instance)


def connect() -> None:
    from club.events.models import EventPage

    page_published.connect(
        seat_waitlist_after_publish, sender=EventPage, dispatch_uid="events-fill-seats"
    )
