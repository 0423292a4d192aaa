"""Accessible SVG charts drawn on the server: no script, no chart library, no CDN.

Each chart is ``<svg role="img" aria-labelledby=…>`` with a ``<title>`` and a ``<desc>``
that summarises it; the page puts the same figures in a table next to it. Colours and
sizes are SVG attributes (allowed by the site's CSP, unlike inline styles).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from club.outcomes.report import Breakdown, CohortCurve, Row, display, percent
from club.outcomes.suppression import SUPPRESSED

WIDTH = 720
LABEL_UNITS = 30  # longest bar label, in half-width characters
BAR_COLOUR = "#9b1b48"
GRID_COLOUR = "#e6dfe4"
INK = "#1f1d24"
MUTED = "#55505e"
# Distinguishable on white and for common colour-vision deficiencies (Okabe–Ito first).
SERIES_COLOURS = (
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
    "#9b1b48", "#4d4d4d", "#8c6d1f", "#1b7837", "#762a83", "#b2182b",
)  # fmt: skip
# (axis maximum, tick step) pairs; the first maximum above the data is used.
SCALES = (
    (0.02, 0.005), (0.05, 0.01), (0.1, 0.02), (0.2, 0.05), (0.3, 0.05), (0.5, 0.1),
    (1.0, 0.2),
)  # fmt: skip


def _scale(values: Sequence[float]) -> tuple[float, float]:
    top = max(values, default=0.0)
    return next(((m, s) for m, s in SCALES if top <= m), SCALES[-1])


def _percent(value: float, step: float) -> str:
    places = 1 if step < 0.01 else 0
    return f"{number_format(percent(value, places), places)}%"


def fit(text: str, budget: int) -> str:
    """``text`` cut to ``budget`` half-width units (CJK characters count two), with "…"."""
    used = 0
    for index, char in enumerate(text):
        used += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        if used > budget:
            return text[: max(index - 1, 1)] + "…"
    return text


def _text(x: float, y: float, content: str, **attributes: str | float) -> str:
    extra = " ".join(f'{name.replace("_", "-")}="{value}"' for name, value in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}" {extra}>{escape(content)}</text>'


def _axis_label(x: float, y: float, content: str, anchor: str) -> str:
    return _text(x, y, content, text_anchor=anchor, fill=MUTED, font_size=12)


def _frame(
    chart_id: str, height: float, title: str, description: str, body: list[str]
) -> SafeString:
    return mark_safe(  # noqa: S308 - every text node above is escaped
        f'<svg class="outcome-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} '
        f'{height:.0f}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'font-family="inherit" font-size="13" fill="{INK}">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>' + "".join(body) + "</svg>"
    )


def _share_header(breakdown: Breakdown) -> str:
    return str(next(column.header for column in breakdown.columns if column.attribute == "rate"))


def _bar_description(breakdown: Breakdown) -> str:
    shown = [row for row in breakdown.rows if row.rate.shown]
    parts = [
        _("Horizontal bar chart of the %(measure)s for %(count)s groups.")
        % {"measure": _share_header(breakdown).lower(), "count": len(breakdown.rows)}
    ]
    if shown:
        high = max(shown, key=lambda row: row.rate.value or 0)
        low = min(shown, key=lambda row: row.rate.value or 0)
        parts.append(
            _("Highest: %(high)s, %(high_value)s. Lowest: %(low)s, %(low_value)s.")
            % {
                "high": high.label,
                "high_value": display(high.rate, "share"),
                "low": low.label,
                "low_value": display(low.rate, "share"),
            }
        )
    if len(shown) < len(breakdown.rows):
        parts.append(
            _("Groups of fewer than 5 people are marked %(mark)s and have no bar.")
            % {"mark": SUPPRESSED}
        )
    parts.append(_("The table next to the chart lists every figure."))
    return " ".join(str(part) for part in parts)


def _bar_tooltip(row: Row) -> str:
    return _("%(label)s: %(rate)s (%(part)s of %(whole)s alumni)") % {
        "label": row.label,
        "rate": display(row.rate, "share"),
        "part": display(row.revisited, "count"),
        "whole": display(row.alumni, "count"),
    }


def _units(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def bar_chart(breakdown: Breakdown, chart_id: str) -> SafeString:
    """A horizontal bar per row of ``breakdown``, its length the row's rate or share."""
    # The label column fits the longest (shortened) label: up to ~8.8 px per unit at 14 px.
    widest = max((_units(fit(row.label, LABEL_UNITS)) for row in breakdown.rows), default=4)
    label_width = min(max(widest, 4), LABEL_UNITS) * 8.8 + 12
    value_width, row_height, top, bottom = 64, 30, 12, 46
    left, right = label_width + 12, WIDTH - value_width
    rows = breakdown.rows
    height = top + max(len(rows), 1) * row_height + bottom
    axis_max, step = _scale([row.rate.value for row in rows if row.rate.value is not None])

    def x(value: float) -> float:
        return left + (right - left) * value / axis_max

    body = []
    ticks = round(axis_max / step)
    plot_bottom = top + max(len(rows), 1) * row_height
    for tick in range(ticks + 1):
        value = tick * step
        body.append(
            f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="{top}" y2="{plot_bottom}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        body.append(_axis_label(x(value), plot_bottom + 18, _percent(value, step), "middle"))
    body.append(
        _axis_label((left + right) / 2, plot_bottom + 38, _share_header(breakdown), "middle")
    )
    for index, row in enumerate(rows):
        y = top + index * row_height
        middle = y + row_height / 2 + 4.5
        tooltip = escape(_bar_tooltip(row))
        body.append(f"<g><title>{tooltip}</title>")
        body.append(
            _text(label_width, middle, fit(row.label, LABEL_UNITS), text_anchor="end", font_size=14)
        )
        if row.rate.value is not None:
            end = x(min(row.rate.value, axis_max))
            body.append(
                f'<rect x="{left}" y="{y + 5}" width="{max(end - left, 1.5):.1f}" '
                f'height="{row_height - 10}" rx="3" fill="{BAR_COLOUR}"/>'
            )
            body.append(_text(end + 6, middle, display(row.rate, "share"), font_weight="bold"))
        else:
            body.append(_text(left + 6, middle, display(row.rate, "share"), fill=MUTED))
        body.append("</g>")
    body.append(
        f'<line x1="{left}" x2="{left}" y1="{top}" y2="{plot_bottom}" stroke="{MUTED}" '
        'stroke-width="1"/>'
    )
    return _frame(chart_id, height, str(breakdown.title), _bar_description(breakdown), body)


def curve_chart(curves: list[CohortCurve], years: list[int], chart_id: str) -> SafeString:
    """One line per cohort: the cumulative share re-visited within 1, 2, … years."""
    left, right, top, bottom, height = 60, WIDTH - 64, 16, 56, 380
    plot_bottom = height - bottom
    shares = [p.share.value for c in curves for p in c.points if p.share.value is not None]
    axis_max, step = _scale(shares)
    last_year = max(years, default=1)

    def x(year: int) -> float:
        if last_year == 1:
            return (left + right) / 2
        return left + (right - left) * (year - 1) / (last_year - 1)

    def y(value: float) -> float:
        return plot_bottom - (plot_bottom - top) * value / axis_max

    body = []
    for tick in range(round(axis_max / step) + 1):
        value = tick * step
        body.append(
            f'<line x1="{left}" x2="{right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'stroke="{GRID_COLOUR}" stroke-width="1"/>'
        )
        body.append(_axis_label(left - 8, y(value) + 4, _percent(value, step), "end"))
    for year in years:
        body.append(_axis_label(x(year), plot_bottom + 20, str(year), "middle"))
    body.append(
        _axis_label(
            (left + right) / 2,
            plot_bottom + 44,
            _("Years since the first participation ended"),
            "middle",
        )
    )
    share_label = _("Share re-visited")
    body.append(
        f'<text transform="translate(16 {(top + plot_bottom) / 2:.1f}) rotate(-90)" '
        f'text-anchor="middle" fill="{MUTED}" font-size="12">'
        f"{escape(share_label)}</text>"
    )
    drawn = 0
    end_labels: list[tuple[float, float, str, str]] = []
    for index, curve in enumerate(curves):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        points = [(p.years, p.share.value) for p in curve.points if p.share.value is not None]
        if not points:
            continue
        drawn += 1
        body.append(f"<g><title>{escape(_curve_tooltip(curve))}</title>")
        path = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
        body.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5" '
            'stroke-linejoin="round"/>'
        )
        for year, value in points:
            body.append(f'<circle cx="{x(year):.1f}" cy="{y(value):.1f}" r="3.5" fill="{colour}"/>')
        body.append("</g>")
        last_year_shown, last_value = points[-1]
        end_labels.append((x(last_year_shown) + 7, y(last_value) + 4, str(curve.cohort), colour))
    for label_x, label_y, text, colour in _spread(end_labels):
        body.append(_text(label_x, label_y, text, fill=colour, font_weight="bold", font_size=12))
    description = _(
        "Line chart with one line per cohort (%(count)s drawn): the share of the cohort"
        " re-visited within 1 to %(years)s years of the end of their first participation."
        " Each line stops at the years observed so far. The table below lists every value."
    ) % {"count": drawn, "years": last_year}
    title = _("Share re-visited within N years, by cohort")
    return _frame(chart_id, height, str(title), str(description), body)


def _spread(
    labels: list[tuple[float, float, str, str]], gap: float = 13, reach: float = 40
) -> list[tuple[float, float, str, str]]:
    """Move line-end labels down until none overlaps another near it."""
    placed: list[tuple[float, float, str, str]] = []
    for label_x, label_y, text, colour in sorted(labels, key=lambda label: label[1]):
        while any(
            abs(other[0] - label_x) < reach and abs(other[1] - label_y) < gap for other in placed
        ):
            label_y += 1
        placed.append((label_x, label_y, text, colour))
    return placed


def _curve_tooltip(curve: CohortCurve) -> str:
    values = ", ".join(
        _("%(years)s y: %(share)s") % {"years": p.years, "share": display(p.share, "share")}
        for p in curve.points
    )
    return f"{curve.cohort}: {values}"
