"""Who may see re-visit figures: JST staff all of them, coordinators their chapter's."""

from __future__ import annotations

from typing import Any

from club.members.groups import active_member, is_coordinator
from club.members.models import Chapter, GroupRole
from club.members.privacy import STAFF_PERMISSION


def is_staff(user: Any) -> bool:
    """JST staff see every chapter and the admin dashboard."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(STAFF_PERMISSION))


def may_see_chapter(user: Any, chapter: Chapter) -> bool:
    return is_staff(user) or is_coordinator(user, chapter)


def coordinated_chapters(user: Any) -> list[Chapter]:
    """The chapters whose figures ``user`` may see: all for staff, their own for coordinators."""
    if is_staff(user):
        return list(Chapter.objects.order_by("name"))
    member = active_member(user)
    if member is None:
        return []
    return list(
        Chapter.objects.filter(
            memberships__member=member, memberships__role=GroupRole.COORDINATOR
        ).order_by("name")
    )
