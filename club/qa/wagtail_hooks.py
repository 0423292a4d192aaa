"""Wagtail admin: JST staff create and edit Q&A channels. Moderation happens on the channel page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from club.qa.models import QuestionChannel


class QuestionChannelViewSet(ModelViewSet):
    model = QuestionChannel
    menu_label = _("Q&A channels")
    icon = "help"
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["title", "slug", "event", "subject_group", "is_public", "is_open"]
    list_filter = ["is_public", "is_open"]
    search_fields = ["title", "title_ja", "slug"]
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("title"), FieldPanel("title_ja")]),
                FieldPanel("slug"),
                FieldPanel("description"),
                FieldPanel("description_ja"),
            ],
            heading=_("Channel"),
        ),
        MultiFieldPanel(
            [FieldPanel("event"), FieldPanel("subject_group")],
            heading=_("Attached to"),
            help_text=_("An event for its live session, a subject group, or neither for a topic."),
        ),
        MultiFieldPanel(
            [FieldPanel("is_public"), FieldPanel("is_open"), FieldPanel("moderators")],
            heading=_("Access"),
        ),
    ]


@hooks.register("register_admin_viewset")
def register_question_channels() -> QuestionChannelViewSet:
    return QuestionChannelViewSet("questionchannel-admin", url_prefix="qa-channels")
