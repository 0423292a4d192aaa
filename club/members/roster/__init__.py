"""Importing JST participant rosters (CSV) into members and participations.

``import_roster`` is used by the ``import_alumni`` command and the admin import view.
"""

from club.members.roster.importer import ImportOptions, import_roster
from club.members.roster.report import ImportReport, RosterFileError, RowOutcome, RowProblem

__all__ = [
    "ImportOptions",
    "ImportReport",
    "RosterFileError",
    "RowOutcome",
    "RowProblem",
    "import_roster",
]
