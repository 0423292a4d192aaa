from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "club.members"
    verbose_name = _("Members")

    def ready(self) -> None:
        from club.members import changes
        from club.members.roles import ensure_staff_group

        changes.connect()

        # Every app's post_migrate, not only ours: the permissions it grants are
        # created by other apps' receivers, which may run after ours.
        post_migrate.connect(ensure_staff_group, dispatch_uid="members.ensure_staff_group")
