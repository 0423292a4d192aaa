"""The Q&A permissions JST staff hold, granted after every migrate."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

from club.members.roles import JST_STAFF_GROUP

STAFF_CODENAMES = [
    "view_questionchannel",
    "add_questionchannel",
    "change_questionchannel",
    "delete_questionchannel",
]


def grant_staff_permissions(**_: Any) -> None:
    """Give the 'JST staff' group the right to manage Q&A channels in the Wagtail admin."""
    permissions = Permission.objects.filter(
        content_type__app_label="qa", codename__in=STAFF_CODENAMES
    )
    if not permissions:
        return
    group, _created = Group.objects.get_or_create(name=JST_STAFF_GROUP)
    group.permissions.add(*permissions)
