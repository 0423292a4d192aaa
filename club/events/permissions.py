"""Who organises which events: coordinators of the hosting chapter, and event staff for all."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from club.events.models import EventPage
from club.members.models import Chapter
from club.members.roles import (
    coordinated,
    coordinated_ids,
    coordinates_a_chapter,
    manages_all_events,
)


def organised_chapters(user: Any) -> QuerySet[Chapter]:
    """The chapters whose events the user may create and edit."""
    return Chapter.objects.all() if manages_all_events(user) else coordinated(user)


def can_create_events(user: Any) -> bool:
    return manages_all_events(user) or coordinates_a_chapter(user)


def can_organise(user: Any, event: EventPage) -> bool:
    """Edit the event, see its door list, export it and check people in.

    Decided on the original language version, so a translation cannot be moved
    to another chapter to gain access.
    """
    if manages_all_events(user):
        return True
    chapter_id = event.canonical.chapter_id
    if chapter_id is None:
        return False
    return chapter_id in coordinated_ids(user)
