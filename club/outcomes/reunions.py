"""Reunion → re-visit: the re-visit rate of alumni who checked in at a reunion against those
who did not, and the months from the first reunion to a re-visit after it.

An association, not an effect: alumni who come to reunions differ from those who do not in
many ways. A "reunion" is any club event at which the alumnus was checked in at the door
(``RSVP.checked_in_at``); as of a day, only check-ins by then count.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from club.events.models import RSVP
from club.members.models import Revisit
from club.outcomes import queries
from club.outcomes.definitions import whole_months
from club.outcomes.disclosure import pool_small_groups
from club.outcomes.queries import GroupCount, Selection
from club.outcomes.rows import COHORT_COLUMNS, Breakdown, Column, Row, group_row, protect
from club.outcomes.suppression import THRESHOLD

REUNION, NO_REUNION = "reunion", "no_reunion"
REUNION_COLUMNS = (
    *COHORT_COLUMNS[:-1],
    Column(_("Median months from first reunion to re-visit"), "median_months", "months"),
)


def check_ins(selection: Selection) -> QuerySet[RSVP]:
    """Check-ins at any event up to the selection's cutoff."""
    return RSVP.objects.filter(checked_in_at__isnull=False, checked_in_at__lt=selection.cutoff)


def reunion_counts(selection: Selection) -> dict[str, GroupCount]:
    """Alumni, re-visitors and known status among those who checked in and those who did not."""
    attended = Q(member_id__in=check_ins(selection).values("member_id"))
    revisited = queries.revisited(selection)
    known = queries.known_status(selection)
    aggregates: dict[str, Any] = {}
    for suffix, group in (("in", attended), ("out", ~attended)):
        aggregates[f"alumni_{suffix}"] = Count("pk", filter=group)
        aggregates[f"revisited_{suffix}"] = Count("pk", filter=group & revisited)
        aggregates[f"known_{suffix}"] = Count("pk", filter=group & known)
    row = queries.alumni(selection).aggregate(**aggregates)
    return {
        REUNION: GroupCount(row["alumni_in"], row["revisited_in"], row["known_in"]),
        NO_REUNION: GroupCount(row["alumni_out"], row["revisited_out"], row["known_out"]),
    }


def months_after_first_reunion(selection: Selection) -> Counter[int]:
    """How many alumni took each number of whole months from their first reunion to the start
    of their first qualifying re-visit after it (those who re-visited only before: not here)."""
    first_check_in = (
        check_ins(selection)
        .filter(member_id=OuterRef("member_id"))
        .order_by("checked_in_at")
        .values("checked_in_at")[:1]
    )
    later_revisits = Revisit.objects.filter(
        member_id=OuterRef("member_id"),
        start_date__gt=OuterRef("first_end"),
        recorded_at__lt=selection.cutoff,
    ).filter(start_date__gt=OuterRef("first_reunion"))
    rows = (
        queries.alumni(selection)
        .filter(member_id__in=check_ins(selection).values("member_id"))
        .alias(first_reunion=TruncDate(Subquery(first_check_in)))
        .alias(
            revisit_after=Subquery(later_revisits.order_by("start_date").values("start_date")[:1])
        )
        .filter(revisit_after__isnull=False)
        .values(months=whole_months(F("first_reunion"), F("revisit_after")))
        .annotate(people=Count("pk"))
        .order_by()
    )
    return Counter({cast(int, row["months"]): row["people"] for row in rows})


def reunion_breakdown(selection: Selection) -> Breakdown:
    """The two groups as a published breakdown; nothing when either is too small to list."""
    groups = reunion_counts(selection)
    labels = {
        REUNION: str(_("Checked in at a reunion")),
        NO_REUNION: str(_("Never checked in at a reunion")),
    }
    note: Any = _(
        "An association, not an effect: alumni who come to reunions may differ in many other"
        " ways from those who do not."
    )
    # Two groups that add up to the published total: if one could not be listed by itself
    # (disclosure.pool_small_groups), the other would reveal it, so neither is shown.
    listed, pooled = pool_small_groups(groups)
    if pooled or len(listed) < len(groups):
        note = _(
            "Fewer than %(threshold)s alumni are in one of the two groups, so they are not"
            " compared."
        ) % {"threshold": THRESHOLD}
        rows: list[Row] = []
    else:
        months = {REUNION: months_after_first_reunion(selection), NO_REUNION: None}
        rows = protect(
            [group_row(key, labels[key], listed[key], months[key]) for key in (REUNION, NO_REUNION)]
        )
    return Breakdown(
        "reunion",
        _("Re-visit rate by reunion attendance"),
        _("Reunion attendance"),
        REUNION_COLUMNS,
        rows,
        note=note,
    )
