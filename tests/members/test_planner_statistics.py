"""After a bulk load, PostgreSQL's planner knows how many rows the loaded tables hold."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection

from club.members.models import Member
from club.members.roster import import_roster
from search.models import DirectoryEntry
from tests.members.test_import_command import COLUMNS, person

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="planner statistics (ANALYZE) are refreshed on PostgreSQL only",
    ),
]


def planned_rows(model: type) -> float:
    """What the planner believes the table holds (pg_class.reltuples, set by ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
        )
        return cursor.fetchone()[0]


def roster(count: int) -> io.BytesIO:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS)
    writer.writeheader()
    for n in range(count):
        writer.writerow(
            person(
                roster_id=f"SSP-2019-{n:04}", email=f"alumnus{n}@example.org", given_name=f"A{n}"
            )
        )
    return io.BytesIO(out.getvalue().encode())


def test_a_roster_import_leaves_statistics_of_what_it_loaded(db):
    report = import_roster(roster(40))

    assert report.committed
    assert planned_rows(Member) == Member.objects.count() >= 40
    assert planned_rows(DirectoryEntry) == DirectoryEntry.objects.count() >= 40
