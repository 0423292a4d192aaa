"""The re-visit CSV upload in the Wagtail admin: upload, row-by-row preview, import.

The shared views of ``club.members.admin.csv_import``, as for the roster, with the file kept
privately between the preview and the import. The work itself is
``club.members.revisit_import``; only staff who record re-visits (``roles.records_revisits``)
see the menu item or reach the views.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from django import forms
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from club.members.admin.csv_import import CsvImport, CsvUploadForm
from club.members.admin.viewsets import MEMBERS_MENU_HOOK
from club.members.revisit_import import REVISIT_LAYOUT, RevisitImportReport, import_revisits
from club.members.roles import records_revisits
from club.members.roster.uploads import PendingRoster

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
REPORT_TEMPLATE = "members/admin/revisit_report.html"


class PendingRevisitFile(PendingRoster):
    """An uploaded re-visit file waiting for the import."""

    session_key = "members_revisit_uploads"


class RevisitUploadForm(CsvUploadForm):
    max_bytes = MAX_UPLOAD_BYTES
    too_large = _("The file is larger than 5 MB; import it with “manage.py import_revisits”.")

    file = forms.FileField(
        label=_("Re-visit file (CSV)"),
        help_text=_("UTF-8 (with or without BOM) or Shift_JIS; at most 5 MB."),
    )


def run_revisit_import(
    stream: BinaryIO, options: dict[str, Any], dry_run: bool
) -> RevisitImportReport:
    return import_revisits(stream, dry_run, options.get("encoding") or None)


REVISIT_IMPORT = CsvImport(
    title=_("Import re-visits"),
    url_name="members-revisit-import",
    allowed=records_revisits,
    form=RevisitUploadForm,
    option_fields=("encoding",),
    pending=PendingRevisitFile,
    columns=REVISIT_LAYOUT.columns,
    run=run_revisit_import,
    upload_template="members/admin/revisit_upload.html",
    preview_template=REPORT_TEMPLATE,
    result_template=REPORT_TEMPLATE,
    imported_message=_("The re-visits were imported."),
    log_name="Re-visit",
)


@hooks.register("register_admin_urls")
def register_revisit_import_urls() -> list[URLPattern]:
    return REVISIT_IMPORT.urls("revisit-import/")


@hooks.register(MEMBERS_MENU_HOOK)
def register_revisit_import_menu_item() -> MenuItem:
    return REVISIT_IMPORT.menu_item(name="revisit-import", order=910)
