from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "club.qa"
    verbose_name = _("Live Q&A")

    def ready(self) -> None:
        from club.qa import access_changes
        from club.qa.roles import grant_staff_permissions

        access_changes.connect()
        # Every app's post_migrate: the auth permissions may be created after ours.
        post_migrate.connect(grant_staff_permissions, dispatch_uid="qa.grant_staff_permissions")
