"""Wagtail admin: JST staff define survey waves, send them and read the wave page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from club.members.roles import RUN_SURVEYS, runs_surveys
from club.surveys import admin_views
from club.surveys.models import Wave

ALLOWED_ACTIONS = {"add", "change", "view", "delete"}


class SurveyPermissionPolicy(ModelPermissionPolicy):
    """Everything about waves is the one capability ``run_surveys`` (club.members.roles)."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in ALLOWED_ACTIONS and runs_surveys(user)

    def users_with_any_permission(self, actions: Any) -> QuerySet[Any]:
        codename = RUN_SURVEYS.split(".")[1]
        users: QuerySet[Any] = self._get_users_with_any_permission_codenames([codename])
        return users

    def users_with_permission(self, action: str) -> QuerySet[Any]:
        if action not in ALLOWED_ACTIONS:
            return get_user_model().objects.none()
        return self.users_with_any_permission([action])


register_permission_policy(Wave, SurveyPermissionPolicy(Wave))


class WaveViewSet(ModelViewSet):
    model = Wave
    menu_label = _("Survey waves")
    icon = "mail"
    add_to_admin_menu = True
    menu_order = 310
    add_view_class = admin_views.WaveCreateView
    edit_view_class = admin_views.WaveEditView
    search_fields = ["title", "title_ja"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("title"), FieldPanel("title_ja")])], heading=_("Wave")
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("cohort_from"), FieldPanel("cohort_to")]),
                    FieldPanel("countries"),
                    FieldPanel("programmes"),
                    FieldPanel("chapters"),
                    FieldPanel("skip_answered_months"),
                ],
                heading=_("Audience"),
                help_text=_(
                    "Empty filters select everyone. Alumni who withdrew consent for surveys are"
                    " never asked."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                    FieldPanel("reminder_after_days"),
                ],
                heading=_("Dates and reminders"),
            ),
            InlinePanel(
                "extra_questions",
                heading=_("Extra questions"),
                label=_("Extra question"),
                help_text=_(
                    "Asked after the core questions (re-visits, current position, country)."
                ),
            ),
        ],
        base_form_class=admin_views.WaveForm,
    )

    @property
    def list_display(self) -> list[Any]:
        return [
            TitleColumn("title", label=_("Title"), url_name=self.get_url_name("report")),
            Column("opens_on", label=_("Opens on")),
            Column("closes_on", label=_("Closes on")),
            Column("sent_at", label=_("Sent")),
        ]

    def get_urlpatterns(self) -> list[URLPattern]:
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/", admin_views.WaveReportView.as_view(), name="report"),
            path("<int:pk>/send/", admin_views.SendWaveView.as_view(), name="send"),
            path("<int:pk>/remind/", admin_views.RemindView.as_view(), name="remind"),
        ]


@hooks.register("register_admin_viewset")
def register_waves() -> WaveViewSet:
    return WaveViewSet("surveys-admin", url_prefix="survey-waves")
