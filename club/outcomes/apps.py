from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "club.outcomes"
    verbose_name = _("Re-visit outcomes")

    def ready(self) -> None:
        from club.outcomes.refresh import connect_signals

        connect_signals()
