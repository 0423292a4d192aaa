"""Wagtail admin: the "Re-visit outcomes" dashboard, its exports and a full recompute."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import URLPattern, URLResolver, include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from club.members.roles import sees_all_outcomes
from club.outcomes import views

admin_urls: list[URLPattern] = [
    path("", views.AdminDashboardView.as_view(), name="dashboard"),
    re_path(r"^export\.(?P<fmt>csv|xlsx)$", views.AdminExportView.as_view(), name="export"),
    path("recompute/", views.AdminRebuildView.as_view(), name="rebuild"),
]


@hooks.register("register_admin_urls")
def register_outcome_urls() -> list[URLResolver]:
    return [path("outcomes/", include((admin_urls, "outcomes-admin"), namespace="outcomes-admin"))]


class OutcomesMenuItem(MenuItem):
    """Shown to staff who see every chapter's outcomes."""

    def is_shown(self, request: HttpRequest) -> bool:
        return sees_all_outcomes(request.user)


@hooks.register("register_admin_menu_item")
def register_outcomes_menu_item() -> MenuItem:
    return OutcomesMenuItem(
        _("Re-visit outcomes"),
        reverse("outcomes-admin:dashboard"),
        name="revisit-outcomes",
        icon_name="table",
        order=300,
    )
