"""The re-visit CSV upload in the Wagtail admin: upload, row-by-row preview, import.

Like the roster import (``club.members.admin.roster``), with the file kept privately between
the preview and the import. The work itself is ``club.members.revisit_import``; only staff
who record re-visits (``roles.records_revisits``) see the menu item or reach the views.
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

from club.members.admin.viewsets import MEMBERS_MENU_HOOK
from club.members.revisit_import import REVISIT_LAYOUT, RevisitImportReport, import_revisits
from club.members.roles import records_revisits
from club.members.roster import RosterFileError
from club.members.roster.uploads import PendingRoster

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class PendingRevisitFile(PendingRoster):
    """An uploaded re-visit file waiting for the import."""

    session_key = "members_revisit_uploads"


class RevisitUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Re-visit file (CSV)"),
        help_text=_("UTF-8 (with or without BOM) or Shift_JIS; at most 5 MB."),
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

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if upload.size is None or upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 5 MB; import it with “manage.py import_revisits”.")
            )
        return upload


class RevisitImportView(WagtailAdminTemplateMixin, View):
    """Shared by the upload and confirm views: the permission check and running an import."""

    header_icon = "upload"
    page_title = _("Import re-visits")
    breadcrumbs_items = [
        *WagtailAdminTemplateMixin.breadcrumbs_items,
        {"url": reverse_lazy("members-revisit-import"), "label": _("Import re-visits")},
    ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not records_revisits(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def run_import(self, pending: PendingRoster, dry_run: bool) -> RevisitImportReport | str:
        """The report, or a message saying why the file could not be imported at all."""
        try:
            with pending.path.open("rb") as stream:
                return import_revisits(stream, dry_run, pending.options.get("encoding") or None)
        except RosterFileError as error:
            return error.message
        except (DatabaseError, OSError):
            logger.exception("Re-visit import of %s failed", pending.filename)
            return str(_("The import failed unexpectedly and nothing was imported. Try again."))

    def render_page(self, template: str, **context: Any) -> HttpResponse:
        self.template_name = template
        context.setdefault("columns", REVISIT_LAYOUT.columns)
        response: HttpResponse = self.render_to_response(self.get_context_data(**context))
        return response


UPLOAD_TEMPLATE = "members/admin/revisit_upload.html"
REPORT_TEMPLATE = "members/admin/revisit_report.html"


@method_decorator(never_cache, name="dispatch")
class RevisitUploadView(RevisitImportView):
    """Upload a file; a valid upload is dry-run and every row's result shown as a preview."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_page(UPLOAD_TEMPLATE, form=RevisitUploadForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        form = RevisitUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(UPLOAD_TEMPLATE, form=form)
        options = {"encoding": form.cleaned_data["encoding"]}
        try:
            pending = PendingRevisitFile.keep(request, form.cleaned_data["file"], options)
        except OSError:
            logger.exception("Cannot store an uploaded re-visit file")
            form.add_error("file", _("The file could not be stored on the server. Try again."))
            return self.render_page(UPLOAD_TEMPLATE, form=form)
        report = self.run_import(pending, dry_run=True)
        if isinstance(report, str):
            pending.discard(request)
            form.add_error("file", report)
            return self.render_page(UPLOAD_TEMPLATE, form=form)
        if report.failed:
            pending.discard(request)  # an atomic import of this file would do nothing
        return self.render_page(REPORT_TEMPLATE, report=report, pending=pending)


@method_decorator(never_cache, name="dispatch")
class RevisitConfirmView(RevisitImportView):
    """Import a file previewed in this session."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        pending = PendingRevisitFile.find(request, request.POST.get("token", ""))
        if pending is None:
            messages.error(
                request, _("That upload has expired or was already imported. Upload it again.")
            )
            return redirect("members-revisit-import")
        report = self.run_import(pending, dry_run=False)
        pending.discard(request)
        if isinstance(report, str):
            messages.error(request, report)
            return redirect("members-revisit-import")
        if report.committed:
            messages.success(request, _("The re-visits were imported."))
        else:
            messages.error(request, _("Nothing was imported: the file has invalid rows."))
        return self.render_page(REPORT_TEMPLATE, report=report)


class RevisitImportMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return records_revisits(request.user)


@hooks.register("register_admin_urls")
def register_revisit_import_urls() -> list[URLPattern]:
    return [
        path("revisit-import/", RevisitUploadView.as_view(), name="members-revisit-import"),
        path(
            "revisit-import/confirm/",
            RevisitConfirmView.as_view(),
            name="members-revisit-import-confirm",
        ),
    ]


@hooks.register(MEMBERS_MENU_HOOK)
def register_revisit_import_menu_item() -> MenuItem:
    return RevisitImportMenuItem(
        _("Import re-visits"),
        reverse("members-revisit-import"),
        name="revisit-import",
        icon_name="upload",
        order=910,
    )
