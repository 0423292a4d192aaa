"""Who may see re-visit figures: JST staff all of them, coordinators their chapter's."""

from __future__ import annotations

from typing import Any

from club.members.groups import is_coordinator
from club.members.models import Chapter
from club.members.privacy import STAFF_PERMISSION


def is_staff(user: Any) -> bool:
    """JST staff see every chapter and the admin dashboard."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(STAFF_PERMISSION))


def may_see_chapter(user: Any, chapter: Chapter) -> bool:
    return is_staff(user) or is_coordinator(user, chapter)
