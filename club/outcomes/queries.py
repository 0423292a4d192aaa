"""The aggregation service: raw outcome counts for a selection, computed in the database.

Every figure is a GROUP BY over the ``Alumnus`` rows of the selection (one row per
alumnus, derived by ``refresh`` with the rules in ``definitions``), or over their
qualifying re-visits. Python receives grouped rows only: a handful per breakdown, and
one row per (cohort, whole months) pair for the times to re-visit. Nothing here is fit
to publish; ``report`` applies small-number suppression.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Count, Exists, OuterRef, QuerySet

from club.members.models import Chapter, ChapterMembership, Institution, Revisit
from club.outcomes.models import Alumnus

# Breakdown name -> the Alumnus column it groups by.
GROUP_FIELDS = {
    "cohort": "cohort",
    "country": "nationality",
    "programme": "programme",
    "host": "host_institution_id",
}
# Breakdown name -> the re-visit column it groups by.
REVISIT_FIELDS = {"kind": "kind", "source": "source"}


@dataclass(frozen=True)
class Selection:
    """Which alumni the figures cover; empty fields mean "all"."""

    nationality: str = ""
    programme: str = ""
    cohort_from: int | None = None
    cohort_to: int | None = None
    host: Institution | None = None
    chapter: Chapter | None = None


@dataclass(frozen=True)
class GroupCount:
    """Alumni in one group and how many of them re-visited (unpublished)."""

    alumni: int
    revisited: int


def alumni(selection: Selection) -> QuerySet[Alumnus]:
    """The Alumnus rows in the selection."""
    queryset = Alumnus.objects.all()
    if selection.nationality:
        queryset = queryset.filter(nationality=selection.nationality)
    if selection.programme:
        queryset = queryset.filter(programme=selection.programme)
    if selection.cohort_from is not None:
        queryset = queryset.filter(cohort__gte=selection.cohort_from)
    if selection.cohort_to is not None:
        queryset = queryset.filter(cohort__lte=selection.cohort_to)
    if selection.host is not None:
        queryset = queryset.filter(host_institution=selection.host)
    if selection.chapter is not None:
        memberships = ChapterMembership.objects.filter(
            member_id=OuterRef("member_id"), chapter=selection.chapter
        )
        queryset = queryset.filter(Exists(memberships))
    return queryset


def total(selection: Selection) -> GroupCount:
    """Alumni in the selection and how many of them re-visited."""
    # COUNT(column) skips NULLs: first_revisit is set exactly for those who re-visited.
    counts = alumni(selection).aggregate(alumni=Count("pk"), revisited=Count("first_revisit"))
    return GroupCount(counts["alumni"], counts["revisited"])


def group_counts(
    selection: Selection, breakdown: str, limit: int | None = None
) -> dict[Any, GroupCount]:
    """Alumni and re-visitors per value of ``breakdown``, largest groups first.

    ``limit`` keeps the largest groups only (ties broken by key), for "top N" breakdowns.
    """
    field = GROUP_FIELDS[breakdown]
    rows = (
        alumni(selection)
        .values(field)
        .annotate(alumni=Count("pk"), revisited=Count("first_revisit"))
        .order_by("-alumni", field)
    )
    if limit is not None:
        rows = rows[:limit]
    return {row[field]: GroupCount(row["alumni"], row["revisited"]) for row in rows}


def revisitors_by(selection: Selection, breakdown: str) -> dict[str, int]:
    """Alumni in the selection with at least one qualifying re-visit, per kind or source."""
    field = REVISIT_FIELDS[breakdown]
    selected = alumni(selection).filter(
        member_id=OuterRef("member_id"), first_end__lt=OuterRef("start_date")
    )
    rows = (
        Revisit.objects.filter(Exists(selected))
        .values(field)
        .annotate(alumni=Count("member_id", distinct=True))
        .order_by(field)
    )
    return {row[field]: row["alumni"] for row in rows}


def months_to_revisit(selection: Selection) -> Counter[tuple[int, int]]:
    """How many re-visitors took each number of whole months, per cohort.

    A histogram keyed by (cohort, months): medians and cumulative curves follow from it
    without fetching one row per person.
    """
    rows = (
        alumni(selection)
        .filter(months_to_revisit__isnull=False)
        .values("cohort", "months_to_revisit")
        .annotate(people=Count("pk"))
        .order_by()
    )
    # months_to_revisit is nullable, but the rows without one were filtered out above.
    return Counter(
        {(row["cohort"], cast(int, row["months_to_revisit"])): row["people"] for row in rows}
    )
