"""Keep seats filled when an editor raises an event's capacity, from the form or the admin."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from club.events.attendance import fill_free_seats
from club.events.models import RSVP, EventPage
from club.page_cache import event_tag, forget


def seat_waitlist_after_publish(sender: type, instance: Any, **kwargs: Any) -> None:
    fill_free_seats(instance)


def forget_cached_seats(sender: type, instance: Any, **kwargs: Any) -> None:
    forget(event_tag(instance.event_id))


def connect() -> None:
    page_published.connect(
        seat_waitlist_after_publish, sender=EventPage, dispatch_uid="events-fill-seats"
    )
    # Every answer, from any writer, changes the seats that cached event pages show.
    post_save.connect(forget_cached_seats, sender=RSVP, dispatch_uid="events-forget-seats")
    post_delete.connect(forget_cached_seats, sender=RSVP, dispatch_uid="events-forget-seats-del")
