"""Give the JST staff group every capability permission, so existing staff keep them all.

Until now one permission (view_all_profiles) also meant seeing all outcomes, organising every
event and moderating every Q&A channel.
"""

from django.db import migrations

JST_STAFF_GROUP = "JST staff"
CAPABILITIES = {
    "view_all_profiles": "Can see every profile section (JST staff)",
    "see_all_outcomes": "Can see every chapter's re-visit outcomes (JST staff)",
    "manage_all_events": "Can organise every event (JST staff)",
    "moderate_all_qa": "Can moderate every live Q&A channel (JST staff)",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    group = Group.objects.filter(name=JST_STAFF_GROUP).first()
    if group is None:
        return  # a fresh database: the post_migrate receiver creates the group with them all
    # Permissions are otherwise created after the last migration; this one needs them now.
    content_type, _ = ContentType.objects.get_or_create(app_label="members", model="member")
    for codename, name in CAPABILITIES.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0003_capability_permissions"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
