"""The published outcome report: raw counts from ``queries`` with labels and suppression.

Views, charts and exports read a ``Report`` only, never the raw counts, so every
figure they show has passed small-number suppression.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.models import Institution, RevisitKind, RevisitSource
from club.members.programmes import Programme
from club.outcomes import queries
from club.outcomes.disclosure import pool_small_groups, too_small
from club.outcomes.engagement import engagement_tables, trend_table
from club.outcomes.queries import GroupCount, Selection, years_before
from club.outcomes.reunions import reunion_breakdown
from club.outcomes.rows import (
    COHORT_COLUMNS,
    GROUP_COLUMNS,
    PERCENT_PLACES,
    REVISIT_COLUMNS,
    Breakdown,
    Column,
    FigureRow,
    FigureTable,
    Row,
    display,
    export_value,
    group_row,
    median,
    percent,
    protected_rows,
    row_figure,
)
from club.outcomes.suppression import (
    THRESHOLD,
    Published,
    publish_count,
    publish_share,
)

__all__ = [
    "COHORT_COLUMNS",
    "GROUP_COLUMNS",
    "PERCENT_PLACES",
    "REVISIT_COLUMNS",
    "Breakdown",
    "CohortCurve",
    "Column",
    "CurvePoint",
    "FigureRow",
    "FigureTable",
    "Freshness",
    "Report",
    "Row",
    "build_report",
    "display",
    "export_value",
    "median",
    "percent",
    "row_figure",
]

TOP_HOSTS = 10
MAX_CURVE_YEARS = 10
NOT_RECORDED = _("Not recorded")


@dataclass(frozen=True)
class CurvePoint:
    years: int
    revisited: Published
    share: Published


@dataclass(frozen=True)
class CohortCurve:
    """Cumulative share of one cohort re-visited within 1, 2, … years (as far as observed)."""

    cohort: int
    alumni: Published
    points: list[CurvePoint]

    def point(self, years: int) -> CurvePoint | None:
        return next((p for p in self.points if p.years == years), None)


@dataclass(frozen=True)
class Freshness:
    """Alumni with an account, and how many of them confirmed their profile in the last year."""

    accounts: Published
    confirmed: Published
    share: Published


@dataclass(frozen=True)
class Report:
    """Everything the dashboard shows for one selection."""

    selection: Selection
    headline: Row
    breakdowns: list[Breakdown]
    curves: list[CohortCurve]
    curve_years: list[int]
    computed_at: Any
    freshness: Freshness
    engagement: list[FigureTable]

    @property
    def is_empty(self) -> bool:
        return self.headline.alumni.value == 0

    def breakdown(self, name: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.name == name)

    def table(self, name: str) -> FigureTable:
        return next(t for t in self.engagement if t.name == name)


def freshness(selection: Selection) -> Freshness:
    """The share of alumni with an account (by the cutoff) who confirmed their profile, in any
    way, in the 12 months before it."""
    cutoff = selection.cutoff
    has_account = Q(member__user__isnull=False, member__user__date_joined__lt=cutoff)
    recent = Q(member_id__in=queries.confirmed_members(years_before(cutoff, 1), cutoff))
    row = queries.alumni(selection).aggregate(
        accounts=Count("pk", filter=has_account), confirmed=Count("pk", filter=has_account & recent)
    )
    accounts = publish_count(row["accounts"])
    confirmed = publish_count(row["confirmed"], hidden=accounts.suppressed)
    return Freshness(accounts, confirmed, publish_share(confirmed, accounts))


def _country_label(code: str) -> str:
    return str(countries.name(code) or code) if code else str(NOT_RECORDED)


def _programme_label(code: str) -> str:
    return str(Programme(code).label) if code in Programme.values else code


def _host_labels(ids: Iterable[int | None]) -> dict[int | None, str]:
    labels: dict[int | None, str] = {None: str(NOT_RECORDED)}
    for institution in Institution.objects.filter(pk__in=[pk for pk in ids if pk is not None]):
        labels[institution.pk] = institution.localized_name
    return labels


def _revisit_rows(counts: dict[str, int], choices: Any, whole: Published) -> list[Row]:
    rows = []
    for choice in choices:
        people = publish_count(counts.get(choice.value, 0), hidden=whole.suppressed)
        share = publish_share(people, whole)
        rows.append(Row(choice.value, str(choice.label), whole, people, share))
    return rows


def observed_years(cohort: int, today: date) -> int:
    """Whole years since the end of the cohort's fiscal year (31 March of the next year)."""
    years = today.year - (cohort + 1)
    if (today.month, today.day) < (3, 31):
        years -= 1
    return max(0, min(years, MAX_CURVE_YEARS))


def _curves(
    cohorts: dict[Any, GroupCount], by_cohort: dict[int, Counter[int]], today: date
) -> list[CohortCurve]:
    curves = []
    for cohort in sorted(cohorts):
        alumni = publish_count(cohorts[cohort].alumni)
        points = []
        for years in range(1, observed_years(cohort, today) + 1):
            within = sum(n for m, n in by_cohort[cohort].items() if m < 12 * years)
            revisited = publish_count(within, hidden=alumni.suppressed)
            points.append(CurvePoint(years, revisited, publish_share(revisited, alumni)))
        curves.append(CohortCurve(cohort, alumni, points))
    return curves


def build_report(
    selection: Selection, top_hosts: int = TOP_HOSTS, today: date | None = None
) -> Report:
    """The published figures for ``selection`` (a few GROUP BY queries in all)."""
    today = selection.as_of or today or timezone.localdate()
    months_by_cohort: dict[int, Counter[int]] = defaultdict(Counter)
    for (cohort, months_taken), people in queries.months_to_revisit(selection).items():
        months_by_cohort[cohort][months_taken] += people
    all_months: Counter[int] = Counter()
    for histogram in months_by_cohort.values():
        all_months.update(histogram)

    total = queries.total(selection)
    headline = group_row("all", str(_("All alumni in the selection")), total, all_months)
    cohorts = queries.group_counts(selection, "cohort")
    countries_ = queries.group_counts(selection, "country")
    programmes = queries.group_counts(selection, "programme")
    hosts = queries.group_counts(selection, "host", limit=top_hosts)
    host_labels = _host_labels(hosts)
    coverage_note = _(
        "Shares of all alumni in the selection, so lower bounds: %(coverage)s of them have a"
        " known status."
    ) % {"coverage": display(headline.coverage, "share")}
    programme_order = {code: index for index, code in enumerate(Programme.values)}

    breakdowns = [
        Breakdown(
            "cohort",
            _("Re-visit rate by cohort"),
            _("Cohort"),
            COHORT_COLUMNS,
            protected_rows(cohorts, str, order=lambda year: year, months=months_by_cohort),
        ),
        Breakdown(
            "country",
            _("Re-visit rate by country (nationality)"),
            _("Country"),
            GROUP_COLUMNS,
            protected_rows(countries_, _country_label),
        ),
        Breakdown(
            "programme",
            _("Re-visit rate by programme"),
            _("Programme"),
            GROUP_COLUMNS,
            protected_rows(
                programmes, _programme_label, order=lambda c: programme_order.get(c, 99)
            ),
        ),
        Breakdown(
            "host",
            _("Re-visit rate by host institution in Japan"),
            _("Host institution"),
            GROUP_COLUMNS,
            protected_rows(hosts, lambda pk: host_labels.get(pk, str(pk))),
            note=_("The %(count)s host institutions with the most alumni in the selection.")
            % {"count": top_hosts},
        ),
        Breakdown(
            "kind",
            _("Re-visits by kind"),
            _("Kind of re-visit"),
            REVISIT_COLUMNS,
            _revisit_rows(queries.revisitors_by(selection, "kind"), RevisitKind, headline.alumni),
            note=f"{_('An alumnus who returned in several roles counts under each.')}"
            f" {coverage_note}",
        ),
        Breakdown(
            "source",
            _("Re-visits by source"),
            _("Source"),
            REVISIT_COLUMNS,
            _revisit_rows(
                queries.revisitors_by(selection, "source"), RevisitSource, headline.alumni
            ),
            note=f"{_('An alumnus with re-visits from both sources counts under each.')}"
            f" {coverage_note}",
        ),
        reunion_breakdown(selection),
    ]
    engagement = [*engagement_tables(selection), trend_table(selection)]
    # Cohorts too small to list are not drawn either: the curve's label would name them.
    listed_cohorts, _pooled = pool_small_groups(cohorts)
    curves = _curves(listed_cohorts, months_by_cohort, today)
    if too_small(total.alumni):
        # A handful of people: any breakdown would describe them one by one.
        note = _("Fewer than %(threshold)s alumni match these filters: no breakdown is shown.") % {
            "threshold": THRESHOLD
        }
        breakdowns = [replace(b, rows=[], note=note) for b in breakdowns]
        engagement = [replace(t, rows=[], note=note) for t in engagement]
        curves = []
    longest = max((len(curve.points) for curve in curves), default=0)
    return Report(
        selection=selection,
        headline=headline,
        breakdowns=breakdowns,
        curves=curves,
        curve_years=list(range(1, longest + 1)),
        computed_at=timezone.now(),
        freshness=freshness(selection),
        engagement=engagement,
    )
