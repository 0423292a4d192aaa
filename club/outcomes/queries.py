"""The aggregation service: raw outcome counts for a selection, computed in the database.

Every figure is a GROUP BY over the ``Alumnus`` rows of the selection (one row per
alumnus, derived by ``refresh`` with the rules in ``definitions``), or over their
qualifying re-visits. Python receives grouped rows only: a handful per breakdown, and
one row per (cohort, whole months) pair for the times to re-visit. Nothing here is fit
to publish; ``report`` applies small-number suppression.

Figures "as of" a past day (``Selection.as_of``) count only what the club knew by the end
of that day: alumni whose record existed, re-visits recorded (``Revisit.recorded_at``) and
profile confirmations made by then. The stored first re-visit ignores when it was recorded,
so that path finds each alumnus's first re-visit again with a subquery.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from club.members.models import (
    Chapter,
    ChapterMembership,
    Institution,
    ProfileConfirmation,
    Revisit,
)
from club.outcomes.definitions import whole_months
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
    # None: as of now. A past day: only what was on record by the end of that day.
    as_of: date | None = None
    # A confirmation this many years old or newer makes an alumnus's status known.
    coverage_years: int | None = None

    @property
    def cutoff(self) -> datetime:
        """The moment the figures are taken at: now, or the end of the ``as_of`` day."""
        if self.as_of is None:
            return timezone.now()
        next_day = datetime.combine(self.as_of + timedelta(days=1), time.min)
        return timezone.make_aware(next_day)

    @property
    def window_years(self) -> int:
        """N of "known status": the selection's own, else the OUTCOMES_COVERAGE_YEARS setting."""
        return self.coverage_years or int(settings.OUTCOMES_COVERAGE_YEARS)


@dataclass(frozen=True)
class GroupCount:
    """Alumni in one group, how many of them re-visited, and how many have a known status."""

    alumni: int
    revisited: int
    known: int = 0


def years_before(moment: datetime, years: int) -> datetime:
    """The same moment ``years`` years earlier (29 February becomes the 28th)."""
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:
        return moment.replace(year=moment.year - years, day=28)


def confirmed_members(
    since: datetime, until: datetime, kinds: tuple[str, ...] = ()
) -> QuerySet[ProfileConfirmation, Any]:
    """Ids of members who confirmed their profile in [since, until), of any or these kinds."""
    confirmations = ProfileConfirmation.objects.filter(
        confirmed_at__gte=since, confirmed_at__lt=until
    )
    if kinds:
        confirmations = confirmations.filter(kind__in=kinds)
    return confirmations.values("member_id")


def known_status(selection: Selection) -> Q:
    """On an Alumnus queryset from ``alumni()``: re-visited (as of the cutoff), or confirmed
    their profile within the coverage window before it."""
    cutoff = selection.cutoff
    since = years_before(cutoff, selection.window_years)
    return revisited(selection) | Q(member_id__in=confirmed_members(since, cutoff))


def revisit_start_field(selection: Selection) -> str:
    """The column (or annotation) of ``alumni()`` rows holding the first re-visit's start."""
    return "first_revisit" if selection.as_of is None else "revisit_start"


def revisited(selection: Selection) -> Q:
    """On ``alumni()`` rows: re-visited, as of the selection's cutoff."""
    return Q(**{f"{revisit_start_field(selection)}__isnull": False})


def _recorded_first_revisit(cutoff: datetime) -> Subquery:
    """Start of the outer alumnus's first qualifying re-visit recorded before ``cutoff``."""
    revisits = Revisit.objects.filter(
        member_id=OuterRef("member_id"),
        start_date__gt=OuterRef("first_end"),
        recorded_at__lt=cutoff,
    )
    return Subquery(revisits.order_by("start_date").values("start_date")[:1])


def alumni(selection: Selection) -> QuerySet[Alumnus]:
    """The Alumnus rows in the selection. As of a past day, only members on record by then,
    with ``revisit_start``: their first re-visit recorded by then (``revisit_start_field``)."""
    queryset = Alumnus.objects.all()
    if selection.as_of is not None:
        cutoff = selection.cutoff
        queryset = queryset.filter(member__created_at__lt=cutoff).annotate(
            revisit_start=_recorded_first_revisit(cutoff)
        )
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


def counts(selection: Selection) -> dict[str, Any]:
    """The aggregates of a GroupCount, for ``aggregate()`` or ``annotate()``."""
    # COUNT(column) skips NULLs: the start is set exactly for those who re-visited.
    return {
        "alumni": Count("pk"),
        "revisited": Count(revisit_start_field(selection)),
        "known": Count("pk", filter=known_status(selection)),
    }


def total(selection: Selection) -> GroupCount:
    """Alumni in the selection, how many of them re-visited and how many have a known status."""
    row = alumni(selection).aggregate(**counts(selection))
    return GroupCount(row["alumni"], row["revisited"], row["known"])


def group_counts(
    selection: Selection, breakdown: str, limit: int | None = None
) -> dict[Any, GroupCount]:
    """Alumni and re-visitors per value of ``breakdown``, largest groups first.

    ``limit`` keeps the largest groups only (ties broken by key), for "top N" breakdowns.
    """
    field = GROUP_FIELDS[breakdown]
    rows = alumni(selection).values(field).annotate(**counts(selection)).order_by("-alumni", field)
    if limit is not None:
        rows = rows[:limit]
    return {row[field]: GroupCount(row["alumni"], row["revisited"], row["known"]) for row in rows}


def revisitors_by(selection: Selection, breakdown: str) -> dict[str, int]:
    """Alumni in the selection with at least one qualifying re-visit, per kind or source."""
    field = REVISIT_FIELDS[breakdown]
    selected = alumni(selection).filter(
        member_id=OuterRef("member_id"), first_end__lt=OuterRef("start_date")
    )
    revisits = Revisit.objects.filter(Exists(selected))
    if selection.as_of is not None:
        revisits = revisits.filter(recorded_at__lt=selection.cutoff)
    rows = revisits.values(field).annotate(alumni=Count("member_id", distinct=True)).order_by(field)
    return {row[field]: row["alumni"] for row in rows}


def months_to_revisit(selection: Selection) -> Counter[tuple[int, int]]:
    """How many re-visitors took each number of whole months, per cohort.

    A histogram keyed by (cohort, months): medians and cumulative curves follow from it
    without fetching one row per person.
    """
    if selection.as_of is None:
        months: Any = F("months_to_revisit")
    else:
        months = whole_months(F("first_end"), F("revisit_start"))
    rows = (
        alumni(selection)
        .filter(revisited(selection))
        .values("cohort", months=months)
        .annotate(people=Count("pk"))
        .order_by()
    )
    # The months are nullable, but the rows without a re-visit were filtered out above.
    return Counter({(row["cohort"], cast(int, row["months"])): row["people"] for row in rows})
