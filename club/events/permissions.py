"""Who organises which events: coordinators of the hosting chapter, and JST staff for all."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from club.events.models import EventPage
from club.members.groups import active_member
from club.members.models import Chapter, GroupRole
from club.members.privacy import STAFF_PERMISSION


def is_event_staff(user: Any) -> bool:
    """JST staff (and superusers) organise every event, with or without a chapter."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.has_perm(STAFF_PERMISSION)


def organised_chapters(user: Any) -> QuerySet[Chapter]:
    """The chapters whose events the user may create and edit."""
    if is_event_staff(user):
        return Chapter.objects.all()
    member = active_member(user)
    if member is None:
        return Chapter.objects.none()
    return Chapter.objects.filter(
        memberships__member=member, memberships__role=GroupRole.COORDINATOR
    )


def can_create_events(user: Any) -> bool:
    return is_event_staff(user) or organised_chapters(user).exists()


def can_organise(user: Any, event: EventPage) -> bool:
    """Edit the event, see its door list, export it and check people in.

    Decided on the original language version, so a translation cannot be moved
    to another chapter to gain access.
    """
    if is_event_staff(user):
        return True
    chapter_id = event.canonical.chapter_id
    if chapter_id is None:
        return False
    return organised_chapters(user).filter(pk=chapter_id).exists()
