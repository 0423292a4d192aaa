"""The published outcome report: raw counts from ``queries`` with labels and suppression.

Views, charts and exports read a ``Report`` only, never the raw counts, so every
figure they show has passed small-number suppression.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from club.members.models import Institution, RevisitKind, RevisitSource
from club.members.programmes import Programme
from club.outcomes import queries
from club.outcomes.disclosure import (
    hide_lone_suppressed,
    pool_small_groups,
    pooled_count,
    too_small,
)
from club.outcomes.queries import GroupCount, Selection
from club.outcomes.suppression import (
    HIDDEN,
    NOT_APPLICABLE,
    SUPPRESSED,
    THRESHOLD,
    Published,
    publish_count,
    publish_group,
    publish_median,
    publish_share,
)

TOP_HOSTS = 10
MAX_CURVE_YEARS = 10
NOT_RECORDED = _("Not recorded")


@dataclass(frozen=True)
class Column:
    """A column of a breakdown table: its header, the Row attribute and how to format it."""

    header: Any
    attribute: str
    unit: str  # "count", "share" or "months"


GROUP_COLUMNS = (
    Column(_("Alumni"), "alumni", "count"),
    Column(_("Re-visited"), "revisited", "count"),
    Column(_("Re-visit rate"), "rate", "share"),
)
COHORT_COLUMNS = (*GROUP_COLUMNS, Column(_("Median months to re-visit"), "median_months", "months"))
REVISIT_COLUMNS = (
    Column(_("Alumni with such a re-visit"), "revisited", "count"),
    Column(_("Share of alumni"), "rate", "share"),
)


@dataclass(frozen=True)
class Row:
    """One group of a breakdown, as published."""

    key: str
    label: str
    alumni: Published
    revisited: Published
    rate: Published
    median_months: Published = NOT_APPLICABLE


@dataclass(frozen=True)
class Breakdown:
    """A titled table of rows; ``rate`` is what its chart draws."""

    name: str
    title: Any
    group_header: Any
    columns: tuple[Column, ...]
    rows: list[Row]
    note: Any = ""


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
class Report:
    """Everything the dashboard shows for one selection."""

    selection: Selection
    headline: Row
    breakdowns: list[Breakdown]
    curves: list[CohortCurve]
    curve_years: list[int]
    computed_at: Any

    @property
    def is_empty(self) -> bool:
        return self.headline.alumni.value == 0

    def breakdown(self, name: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.name == name)


# Formatting: one place for how a published figure reads on screen and in a file.

PERCENT_PLACES = 1


def percent(share: float, places: int = PERCENT_PLACES) -> Decimal:
    """``share`` as a percentage rounded half up: the one rounding of the page, charts and files.

    Starts from the float's shortest repr, so 21/400 is 5.25% (and reads 5.3%), not the
    binary 5.2499….
    """
    exponent = Decimal(1).scaleb(-places)
    return (Decimal(repr(float(share))) * 100).quantize(exponent, rounding=ROUND_HALF_UP)


def display(figure: Published, unit: str) -> str:
    """The figure as text for a page or chart: "<5" when suppressed, "—" when not applicable."""
    if figure.suppressed:
        return SUPPRESSED
    if figure.value is None:
        return "—"
    if unit == "share":
        return f"{number_format(percent(figure.value), PERCENT_PLACES)}%"
    if unit == "months":
        places = 0 if float(figure.value).is_integer() else 1
        return number_format(figure.value, places)
    return number_format(figure.value, force_grouping=True)


def export_value(figure: Published, unit: str) -> int | float | str:
    """The figure for a spreadsheet cell: a number, "<5" or an empty cell."""
    if figure.suppressed:
        return SUPPRESSED
    if figure.value is None:
        return ""
    if unit == "share":
        # The fraction of the rounded percentage, so a cell formatted "0.0%" reads as the page.
        return float(percent(figure.value) / 100)
    if float(figure.value).is_integer():
        return int(figure.value)
    return figure.value


# Building the report.


def median(histogram: Counter[int]) -> float | None:
    """Median of the values counted in ``histogram`` (value -> how many times)."""
    size = sum(histogram.values())
    if size == 0:
        return None
    wanted = sorted({(size - 1) // 2, size // 2})
    found: list[int] = []
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        while len(found) < len(wanted) and seen > wanted[len(found)]:
            found.append(value)
    return sum(found) / len(found)


def _group_row(key: Any, label: str, counts: GroupCount, months: Counter[int] | None = None) -> Row:
    alumni, revisited = publish_group(counts.alumni, counts.revisited)
    row_median = NOT_APPLICABLE
    if alumni.suppressed:
        row_median = HIDDEN  # even "no median" would say that nobody re-visited
    elif months is not None:
        row_median = publish_median(median(months), counts.revisited)
    return Row(
        key=str(key if key is not None else ""),
        label=label,
        alumni=alumni,
        revisited=revisited,
        rate=publish_share(revisited, alumni),
        median_months=row_median,
    )


def _protected_rows(
    groups: dict[Any, GroupCount],
    label: Any,
    order: Any = None,
    months: dict[Any, Counter[int]] | None = None,
) -> list[Row]:
    """Rows for the groups that may be listed, the pooled small ones last, and complementary
    suppression of re-visitor counts (club/outcomes/disclosure.py)."""
    listed, pooled = pool_small_groups(groups)
    keys = sorted(listed, key=order) if order else list(listed)
    rows = [
        _group_row(key, label(key), listed[key], months[key] if months is not None else None)
        for key in keys
    ]
    if pooled:
        label_other = _("Other groups (each under %(threshold)s alumni)")
        pool_months = sum((months[key] for key in pooled), Counter()) if months else None
        rows.append(
            _group_row(
                "other",
                str(label_other % {"threshold": THRESHOLD}),
                pooled_count(groups, pooled),
                pool_months,
            )
        )
    return hide_lone_suppressed(rows)


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
    today = today or timezone.localdate()
    months_by_cohort: dict[int, Counter[int]] = defaultdict(Counter)
    for (cohort, months_taken), people in queries.months_to_revisit(selection).items():
        months_by_cohort[cohort][months_taken] += people
    all_months: Counter[int] = Counter()
    for histogram in months_by_cohort.values():
        all_months.update(histogram)

    total = queries.total(selection)
    headline = _group_row("all", str(_("All alumni in the selection")), total, all_months)
    cohorts = queries.group_counts(selection, "cohort")
    countries_ = queries.group_counts(selection, "country")
    programmes = queries.group_counts(selection, "programme")
    hosts = queries.group_counts(selection, "host", limit=top_hosts)
    host_labels = _host_labels(hosts)
    programme_order = {code: index for index, code in enumerate(Programme.values)}

    breakdowns = [
        Breakdown(
            "cohort",
            _("Re-visit rate by cohort"),
            _("Cohort"),
            COHORT_COLUMNS,
            _protected_rows(cohorts, str, order=lambda year: year, months=months_by_cohort),
        ),
        Breakdown(
            "country",
            _("Re-visit rate by country (nationality)"),
            _("Country"),
            GROUP_COLUMNS,
            _protected_rows(countries_, _country_label),
        ),
        Breakdown(
            "programme",
            _("Re-visit rate by programme"),
            _("Programme"),
            GROUP_COLUMNS,
            _protected_rows(
                programmes, _programme_label, order=lambda c: programme_order.get(c, 99)
            ),
        ),
        Breakdown(
            "host",
            _("Re-visit rate by host institution in Japan"),
            _("Host institution"),
            GROUP_COLUMNS,
            _protected_rows(hosts, lambda pk: host_labels.get(pk, str(pk))),
            note=_("The %(count)s host institutions with the most alumni in the selection.")
            % {"count": top_hosts},
        ),
        Breakdown(
            "kind",
            _("Re-visits by kind"),
            _("Kind of re-visit"),
            REVISIT_COLUMNS,
            _revisit_rows(queries.revisitors_by(selection, "kind"), RevisitKind, headline.alumni),
            note=_("An alumnus who returned in several roles counts under each."),
        ),
        Breakdown(
            "source",
            _("Re-visits by source"),
            _("Source"),
            REVISIT_COLUMNS,
            _revisit_rows(
                queries.revisitors_by(selection, "source"), RevisitSource, headline.alumni
            ),
            note=_("An alumnus with re-visits from both sources counts under each."),
        ),
    ]
    # Cohorts too small to list are not drawn either: the curve's label would name them.
    listed_cohorts, _pooled = pool_small_groups(cohorts)
    curves = _curves(listed_cohorts, months_by_cohort, today)
    if too_small(total.alumni):
        # A handful of people: any breakdown would describe them one by one.
        note = _("Fewer than %(threshold)s alumni match these filters: no breakdown is shown.") % {
            "threshold": THRESHOLD
        }
        breakdowns = [replace(b, rows=[], note=note) for b in breakdowns]
        curves = []
    longest = max((len(curve.points) for curve in curves), default=0)
    return Report(
        selection=selection,
        headline=headline,
        breakdowns=breakdowns,
        curves=curves,
        curve_years=list(range(1, longest + 1)),
        computed_at=timezone.now(),
    )
