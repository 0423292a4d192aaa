"""StreamField blocks of event pages: the agenda."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SessionBlock(blocks.StructBlock):
    """One item of the agenda: when, what, who."""

    start_time = blocks.TimeBlock(label=_("Starts"), help_text=_("In the event's time zone."))
    end_time = blocks.TimeBlock(label=_("Ends"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    speakers = blocks.CharBlock(
        label=_("Speakers"),
        required=False,
        max_length=300,
        help_text=_("Names, separated by commas."),
    )
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        template = "events/blocks/session_block.html"
        label = _("Session")


class AgendaBlock(blocks.StreamBlock):
    session = SessionBlock()

    class Meta:
        label = _("Agenda")
