"""Published rows and tables, and how a published figure reads on a page or in a file.

``report``, ``reunions`` and ``engagement`` build these; charts, templates and exports
read them. Every figure in them has passed small-number suppression.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from club.outcomes.disclosure import hide_lone_suppressed, pool_small_groups, pooled_count
from club.outcomes.queries import GroupCount
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


@dataclass(frozen=True)
class Column:
    """A column of a table: its header, the row attribute and how to format it."""

    header: Any
    attribute: str
    unit: str  # "count", "share" or "months"


GROUP_COLUMNS = (
    Column(_("Alumni"), "alumni", "count"),
    Column(_("Re-visited"), "revisited", "count"),
    Column(_("Known status"), "known", "count"),
    Column(_("Coverage"), "coverage", "share"),
    Column(_("Re-visit rate (all alumni)"), "rate", "share"),
    Column(_("Re-visit rate (known status)"), "rate_known", "share"),
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
    known: Published = NOT_APPLICABLE
    coverage: Published = NOT_APPLICABLE
    rate_known: Published = NOT_APPLICABLE


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
class FigureRow:
    """A row of a table that is not about re-visits (engagement, trends): figures by column."""

    key: str
    label: str
    figures: dict[str, Published] = field(default_factory=dict)


@dataclass(frozen=True)
class FigureTable:
    """A titled table of FigureRows, shown without a chart."""

    name: str
    title: Any
    group_header: Any
    columns: tuple[Column, ...]
    rows: list[FigureRow]
    note: Any = ""


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


def row_figure(row: Row | FigureRow, attribute: str) -> Published:
    """A row's figure for a column, whichever kind of row it is."""
    if isinstance(row, FigureRow):
        return row.figures.get(attribute, NOT_APPLICABLE)
    figure: Published = getattr(row, attribute)
    return figure


# Building rows.


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


def group_row(key: Any, label: str, counts: GroupCount, months: Counter[int] | None = None) -> Row:
    """A group's published row: its size, re-visitors, known status and both rates."""
    alumni, revisited = publish_group(counts.alumni, counts.revisited)
    known = publish_count(counts.known, hidden=alumni.suppressed)
    row_median = NOT_APPLICABLE
    if alumni.suppressed:
        row_median = HIDDEN  # even "no median" would say that nobody re-visited
    elif months is not None:
        row_median = publish_median(median(months), sum(months.values()))
    return Row(
        key=str(key if key is not None else ""),
        label=label,
        alumni=alumni,
        revisited=revisited,
        rate=publish_share(revisited, alumni),
        median_months=row_median,
        known=known,
        coverage=publish_share(known, alumni),
        rate_known=publish_share(revisited, known),
    )


def protect(rows: list[Row]) -> list[Row]:
    """Complementary suppression in both columns a total also publishes: re-visitors (with
    both rates) and known status (with coverage and the rate among the known)."""
    rows = hide_lone_suppressed(rows, "revisited", ("rate", "rate_known"))
    return hide_lone_suppressed(rows, "known", ("coverage", "rate_known"))


def protected_rows(
    groups: dict[Any, GroupCount],
    label: Any,
    order: Any = None,
    months: dict[Any, Counter[int]] | None = None,
) -> list[Row]:
    """Rows for the groups that may be listed, the pooled small ones last, and complementary
    suppression (club/outcomes/disclosure.py)."""
    listed, pooled = pool_small_groups(groups)
    keys = sorted(listed, key=order) if order else list(listed)
    rows = [
        group_row(key, label(key), listed[key], months[key] if months is not None else None)
        for key in keys
    ]
    if pooled:
        label_other = _("Other groups (each under %(threshold)s alumni)")
        pool_months = sum((months[key] for key in pooled), Counter()) if months else None
        rows.append(
            group_row(
                "other",
                str(label_other % {"threshold": THRESHOLD}),
                pooled_count(groups, pooled),
                pool_months,
            )
        )
    return protect(rows)
