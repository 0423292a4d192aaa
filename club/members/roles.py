"""The JST staff group and its permissions, kept in place after every migrate."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission

JST_STAFF_GROUP = "JST staff"
JST_STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("members", "view_all_profiles"),
    ("members", "export_members"),
    ("members", "import_roster"),
    ("members", "view_member"),
    ("members", "change_member"),
    ("members", "view_institution"),
    ("members", "add_institution"),
    ("members", "change_institution"),
    ("members", "view_chapter"),
    ("members", "add_chapter"),
    ("members", "change_chapter"),
    ("members", "view_subjectgroup"),
    ("members", "add_subjectgroup"),
    ("members", "change_subjectgroup"),
]


def ensure_staff_group(**_: Any) -> Group:
    """Create or refresh the 'JST staff' group (post_migrate receiver)."""
    group, _created = Group.objects.get_or_create(name=JST_STAFF_GROUP)
    for app_label, codename in JST_STAFF_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group
