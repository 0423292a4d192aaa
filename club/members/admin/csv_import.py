"""A CSV import in the Wagtail admin: upload, dry-run preview with a per-row report, import.

The roster import (``club.members.admin.roster``) and the re-visit import
(``club.members.admin.revisit_import``) each describe themselves as a ``CsvImport``; the two
views here do the rest. The file is kept privately between the preview and the import
(``club.members.roster.uploads``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from django import forms
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import URLPattern, path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from club.members.roster.columns import Column
from club.members.roster.report import FileImportReport, RosterFileError
from club.members.roster.uploads import PendingRoster

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser
    from django_stubs_ext import StrOrPromise

logger = logging.getLogger(__name__)

# The file, the options chosen on upload, dry run or not → the report.
ImportRunner = Callable[[BinaryIO, dict[str, Any], bool], FileImportReport]


class CsvUploadForm(forms.Form):
    """The file and its encoding; each import names its file and sets its size limit."""

    max_bytes: ClassVar[int]
    too_large: ClassVar[StrOrPromise]  # the error for a file above ``max_bytes``

    file = forms.FileField()
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
        if upload.size is None or upload.size > self.max_bytes:
            raise forms.ValidationError(self.too_large)
        return upload


@dataclass(frozen=True)
class CsvImport:
    """One kind of CSV import: who may run it, its form, its work and its pages."""

    title: StrOrPromise
    url_name: str  # the upload page; the confirm page is ``<url_name>-confirm``
    allowed: Callable[[AbstractBaseUser | AnonymousUser], bool]
    form: type[CsvUploadForm]
    option_fields: tuple[str, ...]  # form fields kept with the upload for the import
    pending: type[PendingRoster]
    columns: Sequence[Column]
    run: ImportRunner
    upload_template: str
    preview_template: str
    result_template: str
    imported_message: StrOrPromise
    log_name: str  # "Roster", "Re-visit": for the server log

    def urls(self, prefix: str) -> list[URLPattern]:
        """The upload page at ``prefix`` and the confirm page below it."""
        return [
            path(prefix, CsvUploadView.as_view(csv_import=self), name=self.url_name),
            path(
                f"{prefix}confirm/",
                CsvConfirmView.as_view(csv_import=self),
                name=f"{self.url_name}-confirm",
            ),
        ]

    def menu_item(self, name: str, order: int) -> MenuItem:
        return CsvImportMenuItem(
            self, self.title, reverse(self.url_name), name=name, icon_name="upload", order=order
        )


class CsvImportView(WagtailAdminTemplateMixin, View):
    """Shared by the upload and confirm views: the permission check and running an import."""

    header_icon = "upload"
    csv_import: CsvImport | None = None  # given to as_view()

    @property
    def spec(self) -> CsvImport:
        if self.csv_import is None:
            raise ImproperlyConfigured("CsvImportView needs as_view(csv_import=...)")
        return self.csv_import

    def get_page_title(self) -> str:
        return str(self.spec.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            *WagtailAdminTemplateMixin.breadcrumbs_items,
            {"url": reverse(self.spec.url_name), "label": self.spec.title},
        ]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.spec.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def run_import(self, pending: PendingRoster, dry_run: bool) -> FileImportReport | str:
        """The report, or a message saying why the file could not be imported at all."""
        try:
            with pending.path.open("rb") as stream:
                return self.spec.run(stream, pending.options, dry_run)
        except RosterFileError as error:
            return error.message
        except (DatabaseError, OSError):
            logger.exception("%s import of %s failed", self.spec.log_name, pending.filename)
            return str(_("The import failed unexpectedly and nothing was imported. Try again."))

    def render_page(self, template: str, **context: Any) -> HttpResponse:
        self.template_name = template
        context.setdefault("columns", self.spec.columns)
        context["import_url"] = reverse(self.spec.url_name)
        context["confirm_url"] = reverse(f"{self.spec.url_name}-confirm")
        response: HttpResponse = self.render_to_response(self.get_context_data(**context))
        return response


@method_decorator(never_cache, name="dispatch")
class CsvUploadView(CsvImportView):
    """Upload a file; a valid upload is dry-run and its report shown as a preview."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render_page(self.spec.upload_template, form=self.spec.form())

    def post(self, request: HttpRequest) -> HttpResponse:
        spec = self.spec
        form = spec.form(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_page(spec.upload_template, form=form)
        options = {name: form.cleaned_data[name] for name in spec.option_fields}
        try:
            pending = spec.pending.keep(request, form.cleaned_data["file"], options)
        except OSError:
            logger.exception("Cannot store an uploaded %s file", spec.log_name.lower())
            form.add_error("file", _("The file could not be stored on the server. Try again."))
            return self.render_page(spec.upload_template, form=form)
        report = self.run_import(pending, dry_run=True)
        if isinstance(report, str):
            pending.discard(request)
            form.add_error("file", report)
            return self.render_page(spec.upload_template, form=form)
        if report.failed:
            pending.discard(request)  # an atomic import of this file would do nothing
        return self.render_page(spec.preview_template, report=report, pending=pending)


@method_decorator(never_cache, name="dispatch")
class CsvConfirmView(CsvImportView):
    """Import a file previewed in this session."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest) -> HttpResponse:
        spec = self.spec
        pending = spec.pending.find(request, request.POST.get("token", ""))
        if pending is None:
            messages.error(
                request, _("That upload has expired or was already imported. Upload it again.")
            )
            return redirect(spec.url_name)
        report = self.run_import(pending, dry_run=False)
        pending.discard(request)
        if isinstance(report, str):
            messages.error(request, report)
            return redirect(spec.url_name)
        if report.committed:
            messages.success(request, spec.imported_message)
        else:
            messages.error(request, _("Nothing was imported: the file has invalid rows."))
        return self.render_page(spec.result_template, report=report)


class CsvImportMenuItem(MenuItem):
    """Shown only to those allowed to run the import."""

    def __init__(self, csv_import: CsvImport, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.csv_import = csv_import

    def is_shown(self, request: HttpRequest) -> bool:
        return self.csv_import.allowed(request.user)
