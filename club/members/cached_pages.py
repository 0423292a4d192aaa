"""Cached anonymous pages that show members: their public profiles and their groups' pages.

Every page that renders a member through ``ProfileView`` declared the member's tag, so a
member change forgets their profile and every group list they appear on. A membership
saved or deleted also forgets its group's page, which lists (and counts) who belongs.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from club.members.changes import MembersChanged
from club.members.models import ChapterMembership, SubjectGroupMembership
from club.page_cache import forget, group_tag, member_tag


def forget_member_pages(change: MembersChanged) -> None:
    """A members-changed subscriber (MEMBER_CHANGE_SUBSCRIBERS)."""
    forget(*(member_tag(pk) for pk in change.member_ids))


def _forget_group_page(sender: type, instance: Any, **kwargs: Any) -> None:
    group = instance.chapter if isinstance(instance, ChapterMembership) else instance.group
    forget(group_tag(group))


def connect() -> None:
    """Connect the membership hooks (MembersConfig.ready)."""
    for model in (ChapterMembership, SubjectGroupMembership):
        uid = f"cached-pages-{model.__name__}"
        post_save.connect(_forget_group_page, sender=model, dispatch_uid=uid)
        post_delete.connect(_forget_group_page, sender=model, dispatch_uid=uid)
