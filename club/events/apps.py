from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "club.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from club.events import signals

        signals.connect()
