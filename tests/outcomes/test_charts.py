"""The SVG charts are accessible pictures of the same published figures."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from club.outcomes.charts import bar_chart, curve_chart, fit
from club.outcomes.report import GROUP_COLUMNS, Breakdown, CohortCurve, CurvePoint, Row
from club.outcomes.suppression import HIDDEN, Published

SVG = "{http://www.w3.org/2000/svg}"


def _row(label: str, alumni: int | None, revisited: int | None) -> Row:
    def count(value):
        return HIDDEN if value is None else Published(value)

    rate = HIDDEN if alumni is None or revisited is None else Published(revisited / alumni)
    return Row(label, label, count(alumni), count(revisited), rate)


def _parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


BREAKDOWN = Breakdown(
    "host",
    "Re-visit rate by host institution in Japan",
    "Host institution",
    GROUP_COLUMNS,
    [
        _row("Tohoku University", 40, 6),
        _row("<script>alert(1)</script> & Co", 20, None),
        _row("京都大学大学院工学研究科附属量子物質工学研究センター", 10, 0),
    ],
)


def test_a_bar_chart_is_labelled_and_described():
    root = _parse(bar_chart(BREAKDOWN, "chart-host"))

    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-host-title chart-host-desc"
    assert root.find(f"{SVG}title").get("id") == "chart-host-title"
    assert root.find(f"{SVG}title").text == "Re-visit rate by host institution in Japan"
    description = root.find(f"{SVG}desc").text
    assert "Highest: Tohoku University, 15.0%" in description
    assert "fewer than 5 people are marked <5" in description


def test_bars_are_drawn_for_shown_rates_only_and_suppressed_ones_read_lt5():
    svg = bar_chart(BREAKDOWN, "chart-host")
    root = _parse(svg)

    bars = root.findall(f".//{SVG}rect")
    assert len(bars) == 2  # the suppressed row has none
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "15.0%" in texts and "0.0%" in texts and "<5" in texts
    assert "<script>" not in svg  # escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in svg


def test_the_axis_ticks_are_percentages():
    texts = [t.text for t in _parse(bar_chart(BREAKDOWN, "c")).iter(f"{SVG}text")]

    assert [t for t in texts if re.fullmatch(r"\d+%", t)] == ["0%", "5%", "10%", "15%", "20%"]


def test_long_and_japanese_labels_are_shortened_by_width():
    assert fit("Tohoku University", 32) == "Tohoku University"
    assert fit("京都大学大学院工学研究科附属量子物質工学研究センター", 32) == (
        "京都大学大学院工学研究科附属量…"
    )
    assert fit("A" * 50, 32) == "A" * 31 + "…"


def test_a_curve_chart_draws_one_line_per_cohort_with_published_points():
    curves = [
        CohortCurve(2016, Published(40), [
            CurvePoint(1, Published(5), Published(0.125)),
            CurvePoint(2, Published(8), Published(0.2)),
        ]),
        CohortCurve(2017, Published(30), [CurvePoint(1, HIDDEN, HIDDEN)]),
        CohortCurve(2018, HIDDEN, []),
    ]  # fmt: skip
    root = _parse(curve_chart(curves, [1, 2], "chart-curves"))

    assert root.get("aria-labelledby") == "chart-curves-title chart-curves-desc"
    assert len(root.findall(f".//{SVG}polyline")) == 1
    assert len(root.findall(f".//{SVG}circle")) == 2
    assert "one line per cohort (1 drawn)" in root.find(f"{SVG}desc").text
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "2016" in texts and "2017" not in texts
    assert "Years since the first participation ended" in texts
