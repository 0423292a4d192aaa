"""Keep the ``Alumnus`` table in step with the members tables.

Rows are derived in the database with set-based statements: INSERT … SELECT of each
counted member's first participation, then an UPDATE for the first re-visit and the
months to it. ``refresh_members`` re-derives a few members (on every reported member
change, see ``club.members.changes``); ``rebuild`` re-derives everyone (``manage.py
refresh_outcomes``, and ``seed_demo`` after its bulk writes).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F, OuterRef, QuerySet

from club.members.changes import MembersChanged
from club.members.models import Participation, Revisit
from club.outcomes.definitions import first_participations, first_revisit_start, whole_months
from club.outcomes.models import Alumnus

# Alumnus column <- expression on the first-participation row, in INSERT order.
DERIVED_COLUMNS = {
    "member_id": "member_id",
    "cohort": "fiscal_year",
    "programme": "programme",
    "host_institution_id": "host_institution_id",
    "nationality": "member__nationality",
    "first_end": "end_date",
}
CHUNK_SIZE = 500


def derived_rows(member_ids: Iterable[int] | None = None) -> QuerySet[Participation]:
    """The base columns of the Alumnus rows, as the definitions derive them now."""
    queryset = first_participations()
    if member_ids is not None:
        queryset = queryset.filter(member_id__in=list(member_ids))
    return queryset.order_by().values_list(*DERIVED_COLUMNS.values())


def _insert(member_ids: Iterable[int] | None) -> None:
    sql, params = derived_rows(member_ids).query.sql_with_params()
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in DERIVED_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {quote(Alumnus._meta.db_table)} ({columns}) {sql}", params)


def _fill_revisits(rows: QuerySet[Alumnus]) -> None:
    # Only alumni with some re-visit record are looked at; the rest stay NULL.
    candidates = rows.filter(member_id__in=Revisit.objects.values("member_id"))
    candidates.update(first_revisit=first_revisit_start(OuterRef("first_end")))
    rows.filter(first_revisit__isnull=False).update(
        months_to_revisit=whole_months(F("first_end"), F("first_revisit"))
    )


def refresh_members(member_ids: Iterable[int | None]) -> None:
    """Re-derive the Alumnus rows of these members (missing members lose their row)."""
    ids = sorted({pk for pk in member_ids if pk is not None})
    for start in range(0, len(ids), CHUNK_SIZE):
        chunk = ids[start : start + CHUNK_SIZE]
        with transaction.atomic():
            Alumnus.objects.filter(member_id__in=chunk).delete()
            _insert(chunk)
            _fill_revisits(Alumnus.objects.filter(member_id__in=chunk))


def rebuild() -> int:
    """Re-derive every Alumnus row; returns how many alumni there are."""
    with transaction.atomic():
        # TRUNCATE on PostgreSQL: a DELETE would leave dead index entries for every
        # re-inserted key to step over. Still transactional, so readers see old or new.
        with connection.cursor() as cursor:
            for sql in connection.ops.sql_flush(no_style(), [Alumnus._meta.db_table]):
                cursor.execute(sql)
        _insert(None)
        _fill_revisits(Alumnus.objects.all())
        return Alumnus.objects.count()


def is_built() -> bool:
    """False when alumni exist but their rows were never derived (e.g. fresh demo data)."""
    return Alumnus.objects.exists() or not first_participations().exists()


def refresh_changed_members(change: MembersChanged) -> None:
    """Subscriber to member changes (club.members.changes): re-derive their rows."""
    refresh_members(change.member_ids)


def drift() -> tuple[int, int]:
    """Rows stored but not derivable now, and rows derivable but not stored (both 0 if current).

    One EXCEPT each way between the stored rows and a fresh derivation, for checking
    after bulk writes that bypass ``members_changed``.
    """
    derived = (
        first_participations()
        .annotate(first_revisit=first_revisit_start(OuterRef("end_date")))
        .annotate(months=whole_months(F("end_date"), F("first_revisit")))
        .order_by()
        .values_list(*DERIVED_COLUMNS.values(), "first_revisit", "months")
    )
    stored = Alumnus.objects.order_by().values_list(
        *DERIVED_COLUMNS, "first_revisit", "months_to_revisit"
    )
    return stored.difference(derived).count(), derived.difference(stored).count()
