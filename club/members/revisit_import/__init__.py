"""Importing JST's re-visit records (CSV), reconciled with members' declarations.

``import_revisits`` is used by the ``import_revisits`` command and the admin upload.
"""

from club.members.revisit_import.importer import RevisitImportReport, RowResult, import_revisits
from club.members.revisit_import.rows import REVISIT_LAYOUT

__all__ = ["REVISIT_LAYOUT", "RevisitImportReport", "RowResult", "import_revisits"]
