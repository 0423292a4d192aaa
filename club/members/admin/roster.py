"""Roster import in the Wagtail admin: upload, dry-run preview with a per-row report, import.

Only users with ``members.import_roster`` (the JST staff group) see the menu item or
reach the views. The work itself is ``club.members.roster.import_roster``; the views are
the shared ones of ``club.members.admin.csv_import``.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from django import forms
from django.urls import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from club.members.admin.csv_import import CsvImport, CsvUploadForm
from club.members.roster import ImportOptions, ImportReport, import_roster
from club.members.roster.columns import COLUMNS
from club.members.roster.uploads import PendingRoster

PERMISSION = "members.import_roster"
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


class RosterUploadForm(CsvUploadForm):
    """The roster file and the import options."""

    max_bytes = MAX_UPLOAD_BYTES
    too_large = _("The file is larger than 50 MB; import it with “manage.py import_alumni”.")

    file = forms.FileField(
        label=_("Roster file (CSV)"),
        help_text=_("UTF-8 (with or without BOM) or Shift_JIS; at most 50 MB."),
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid rows even if some rows are invalid"), required=False
    )
    invite = forms.BooleanField(
        label=_("Email a claim invitation to every new member with an email address"),
        required=False,
    )


def may_import_roster(user: Any) -> bool:
    return bool(user.has_perm(PERMISSION))


def run_roster_import(stream: BinaryIO, options: dict[str, Any], dry_run: bool) -> ImportReport:
    return import_roster(
        stream,
        ImportOptions(
            dry_run=dry_run,
            skip_invalid=options.get("skip_invalid", False),
            invite=options.get("invite", False) and not dry_run,
            encoding=options.get("encoding") or None,
        ),
    )


ROSTER_IMPORT = CsvImport(
    title=_("Import roster"),
    url_name="members-roster-import",
    allowed=may_import_roster,
    form=RosterUploadForm,
    option_fields=("encoding", "skip_invalid", "invite"),
    pending=PendingRoster,
    columns=COLUMNS,
    run=run_roster_import,
    upload_template="members/admin/roster_upload.html",
    preview_template="members/admin/roster_preview.html",
    result_template="members/admin/roster_result.html",
    imported_message=_("The roster was imported."),
    log_name="Roster",
)


@hooks.register("register_admin_urls")
def register_roster_urls() -> list[URLPattern]:
    return ROSTER_IMPORT.urls("roster-import/")


@hooks.register("register_admin_menu_item")
def register_roster_menu_item() -> MenuItem:
    return ROSTER_IMPORT.menu_item(name="roster-import", order=290)
