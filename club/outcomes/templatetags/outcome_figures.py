"""Template helpers that print published outcome figures ("<5" when suppressed)."""

from __future__ import annotations

from django import template

from club.outcomes.report import CohortCurve, Column, Row, display
from club.outcomes.suppression import Published

register = template.Library()


@register.filter
def figure(value: Published, unit: str = "count") -> str:
    """``{{ row.rate|figure:"share" }}``: the figure as text."""
    return display(value, unit)


@register.simple_tag
def cell(row: Row, column: Column) -> str:
    """One table cell of a breakdown row."""
    return display(getattr(row, column.attribute), column.unit)


@register.simple_tag
def curve_cell(curve: CohortCurve, years: int) -> str:
    """The cohort's share re-visited within ``years`` years, or "" if not yet observed."""
    point = curve.point(years)
    return display(point.share, "share") if point else ""
