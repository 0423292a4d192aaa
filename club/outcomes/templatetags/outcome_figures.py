"""Template helpers that print published outcome figures ("<5" when suppressed)."""

from __future__ import annotations

from django import template
from django.urls import reverse

from club.members.models import Chapter
from club.outcomes.access import may_see_chapter
from club.outcomes.report import CohortCurve, Column, FigureRow, Row, display, row_figure
from club.outcomes.suppression import Published

register = template.Library()


@register.filter
def figure(value: Published, unit: str = "count") -> str:
    """``{{ row.rate|figure:"share" }}``: the figure as text."""
    return display(value, unit)


@register.simple_tag
def cell(row: Row | FigureRow, column: Column) -> str:
    """One table cell of a breakdown or figure table row."""
    return display(row_figure(row, column.attribute), column.unit)


@register.simple_tag
def curve_cell(curve: CohortCurve, years: int) -> str:
    """The cohort's share re-visited within ``years`` years, or "" if not yet observed."""
    point = curve.point(years)
    return display(point.share, "share") if point else ""


@register.simple_tag(takes_context=True)
def chapter_figures_url(context: template.Context, group: object) -> str:
    """The chapter's re-visit dashboard, for its coordinators and JST staff; else ""."""
    request = context.get("request")
    if not isinstance(group, Chapter) or request is None:
        return ""
    if not may_see_chapter(request.user, group):
        return ""
    return reverse("outcomes:chapter", kwargs={"slug": group.slug})
