"""Who may see re-visit figures: staff who see all outcomes, coordinators their chapter's."""

from __future__ import annotations

from typing import Any

from club.members.models import Chapter
from club.members.roles import coordinated, is_coordinator, sees_all_outcomes


def may_see_chapter(user: Any, chapter: Chapter) -> bool:
    return sees_all_outcomes(user) or is_coordinator(user, chapter)


def outcome_chapters(user: Any) -> list[Chapter]:
    """The chapters whose figures ``user`` may see: all for staff, their own for coordinators."""
    chapters = Chapter.objects.all() if sees_all_outcomes(user) else coordinated(user)
    return list(chapters.order_by("name"))
