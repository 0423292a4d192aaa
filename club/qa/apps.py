from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "club.qa"
    verbose_name = _("Live Q&A")

    def ready(self) -> None:
        from club.qa import access_changes

        access_changes.connect()
