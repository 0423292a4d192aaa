"""Roster import in the Wagtail admin: upload, dry-run preview with a per-row report, import.

Only users with ``members.import_roster`` (the JST staff group) see the menu item or
reach the views. The work itself is ``club.members.roster.import_roster``.
"""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from club.members.roster import ImportOptions, ImportReport, RosterFileError, import_roster
from club.members.roster.columns import COLUMNS
from club.members.roster.uploads import PendingRoster

logger = logging.getLogger(__name__)

PERMISSION = "members.import_roster"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class RosterUploadForm(forms.Form):
    """The roster file and the import options."""

    file = forms.FileField(
        label=_("Roster file (CSV)"),
        help_text=_("UTF-8 (with or without BOM) or Shift_JIS; at most 50 MB."),
    )
    encoding = forms.ChoiceField(
        label=_("Encoding"),
        required=False,
        choices=[
            ("", _("Detect automatically")),
            ("utf-8", _("UTF-8")),
            ("shift_jis", _("Shift_JIS")),
        ],
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows even if some rows are invalid"), required=False
    )
    invite = forms.BooleanField(
        label=_("Email a claim invitation to every new member with an email address"),
        required=False,
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 50 MB; import it with “manage.py import_alumni”.")
            )
        return upload


class RosterAdminView(WagtailAdminTemplateMixin, View):
    """Shared by the roster views: the permission check and running an import safely."""

    header_icon = "upload"
    page_title = _("Import roster")
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("members-roster-import"), "label": _("Import roster")},
    ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def run_import(self, pending: PendingRoster, dry_run: bool) -> ImportReport | str:
        """The report, or a message saying why the file could not be imported at all."""
        options = ImportOptions(
            dry_run=dry_run,
            skip_invalid=pending.options.get("skip_invalid", False),
            invite=pending.options.get("invite", False) and not dry_run,
            encoding=pending.options.get("encoding") or None,
        )
        try:
            with pending.path.open("rb") as stream:
                return import_roster(stream, options)
        except RosterFileError as error:
            return error.message
        except (DatabaseError, OSError):
            logger.exception("Roster import of %s failed", pending.filename)
            return str(_("The import failed unexpectedly and nothing was imported. Try again."))

    def render_page(self, template: str, **context: Any) -> HttpResponse:
        self.template_name = template
        context.setdefault("columns", COLUMNS)
        response: HttpResponse = self.render_to_response(self.get_context_data(**context))
        return response


@method_decorator(never_cache, name="dispatch")
class RosterUploadView(RosterAdminView):
    """Upload a roster; a valid upload is dry-run and its report shown as a preview."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_page("members/admin/roster_upload.html", form=RosterUploadForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = RosterUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page("members/admin/roster_upload.html", form=form)
        options = {
            "encoding": form.cleaned_data["encoding"],
            "skip_invalid": form.cleaned_data["skip_invalid"],
            "invite": form.cleaned_data["invite"],
        }
        try:
            pending = PendingRoster.keep(request, form.cleaned_data["file"], options)
        except OSError:
            logger.exception("Cannot store an uploaded roster")
            form.add_error("file", _("The file could not be stored on the server. Try again."))
            return self.render_page("members/admin/roster_upload.html", form=form)
        report = self.run_import(pending, dry_run=True)
        if isinstance(report, str):
            pending.discard(request)
            form.add_error("file", report)
            return self.render_page("members/admin/roster_upload.html", form=form)
        if report.failed:
            pending.discard(request)  # an atomic import of this file would do nothing
        return self.render_page("members/admin/roster_preview.html", report=report, pending=pending)


@method_decorator(never_cache, name="dispatch")
class RosterConfirmView(RosterAdminView):
    """Import a roster previewed in this session."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = PendingRoster.find(request, request.POST.get("token", ""))
        if pending is None:
            messages.error(
                request, _("That upload has expired or was already imported. Upload it again.")
            )
            return redirect("members-roster-import")
        report = self.run_import(pending, dry_run=False)
        pending.discard(request)
        if isinstance(report, str):
            messages.error(request, report)
            return redirect("members-roster-import")
        if report.committed:
            messages.success(request, _("The roster was imported."))
        else:
            messages.error(request, _("Nothing was imported: the file has invalid rows."))
        return self.render_page("members/admin/roster_result.html", report=report)


class RosterMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_roster_urls() -> list[URLPattern]:
    return [
        path("roster-import/", RosterUploadView.as_view(), name="members-roster-import"),
        path(
            "roster-import/confirm/",
            RosterConfirmView.as_view(),
            name="members-roster-import-confirm",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_roster_menu_item() -> MenuItem:
    return RosterMenuItem(
        _("Import roster"),
        reverse("members-roster-import"),
        name="roster-import",
        icon_name="upload",
        order=290,
    )
