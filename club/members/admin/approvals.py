"""Wagtail admin: pending self-registrations, with approve and reject, for JST staff."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, include, path, reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from club.members.models import Member
from club.members.registration import (
    APPROVE_PERMISSION,
    approve_registration,
    pending_registrations,
    reject_registration,
)


def _check_approver(request: HttpRequest) -> None:
    # Wagtail turns PermissionDenied into its "no permission" redirect.
    if not request.user.has_perm(APPROVE_PERMISSION):
        raise PermissionDenied


def _pending_member(pk: int) -> Member | None:
    return pending_registrations().filter(pk=pk).first()


def _already_decided(request: HttpRequest) -> HttpResponse:
    # Two staff may decide at once, or a page may be stale: say so instead of a 404.
    messages.warning(request, _("That registration was already approved or rejected."))
    return redirect("member-registrations:index")


class PendingRegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    """Everyone who registered themselves and waits for a decision, oldest first."""

    template_name = "members/accounts/approvals_index.html"
    page_title = _("Pending registrations")
    header_icon = "user"
    _breadcrumb = {"url": reverse_lazy("member-registrations:index"), "label": page_title}
    breadcrumbs_items = [*WagtailAdminTemplateMixin.breadcrumbs_items, _breadcrumb]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        _check_approver(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["registrations"] = pending_registrations()
        return context


@method_decorator(require_POST, name="dispatch")
class ApproveRegistrationView(PendingRegistrationsView):
    """Activate the account and send the welcome email."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        member = _pending_member(pk)
        if member is None:
            return _already_decided(request)
        approve_registration(member)
        messages.success(
            request, _("Approved %(name)s; a welcome email is on its way.") % {"name": member}
        )
        return redirect("member-registrations:index")


class RejectRegistrationView(PendingRegistrationsView):
    """Ask for confirmation, then delete the registration and tell the person."""

    template_name = "members/accounts/approvals_reject.html"
    page_title = _("Reject registration")
    http_method_names = ["get", "post"]

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        member = _pending_member(pk)
        if member is None:
            return _already_decided(request)
        return self.render_to_response(self.get_context_data(member=member))

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        member = _pending_member(pk)
        if member is None:
            return _already_decided(request)
        name = str(member)
        reject_registration(member)
        messages.success(
            request, _("Rejected and deleted the registration of %(name)s.") % {"name": name}
        )
        return redirect("member-registrations:index")


registration_urls: list[URLPattern] = [
    path("", PendingRegistrationsView.as_view(), name="index"),
    path("<int:pk>/approve/", ApproveRegistrationView.as_view(), name="approve"),
    path("<int:pk>/reject/", RejectRegistrationView.as_view(), name="reject"),
]


@hooks.register("register_admin_urls")
def register_registration_urls() -> list[URLPattern | URLResolver]:
    return [
        path(
            "members/registrations/",
            include((registration_urls, "member-registrations"), namespace="member-registrations"),
        )
    ]


class PendingRegistrationsMenuItem(MenuItem):
    """Shown only to staff who may approve registrations."""

    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(APPROVE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item() -> MenuItem:
    return PendingRegistrationsMenuItem(
        _("Pending registrations"),
        reverse("member-registrations:index"),
        name="pending-registrations",
        icon_name="user",
        order=290,
    )


class PendingRegistrationsPanel(Component):
    """Dashboard reminder of registrations that wait for a decision."""

    name = "pending_registrations"
    template_name = "members/accounts/approvals_panel.html"
    order = 90

    def __init__(self, count: int) -> None:
        self.count = count

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {"count": self.count, "url": reverse("member-registrations:index")}


@hooks.register("construct_homepage_panels")
def add_pending_registrations_panel(request: HttpRequest, panels: list[Component]) -> None:
    if not request.user.has_perm(APPROVE_PERMISSION):
        return
    count = pending_registrations().count()
    if count:
        panels.append(PendingRegistrationsPanel(count))
