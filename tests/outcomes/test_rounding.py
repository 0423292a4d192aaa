"""One rounding for rates: half up to one decimal, the same on the page, in charts and files."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from club.outcomes.charts import _percent
from club.outcomes.report import display, export_value
from club.outcomes.suppression import Published

FILTERS = {"country": "IN", "programme": "B", "cohort_from": "2016", "cohort_to": "2019"}


@pytest.mark.parametrize(
    ("part", "whole", "shown", "cell"),
    [
        (32, 303, "10.6%", 0.106),  # 10.561…: truncating would say 10.5%
        (21, 400, "5.3%", 0.053),  # exactly 5.25: half up, not half even or binary 5.2499…
        (1, 8, "12.5%", 0.125),
        (2, 3, "66.7%", 0.667),
        (0, 7, "0.0%", 0.0),
    ],
)
def test_a_share_reads_the_same_on_the_page_and_in_a_spreadsheet(part, whole, shown, cell):
    share = Published(part / whole)

    assert display(share, "share") == shown
    assert export_value(share, "share") == cell
    assert f"{export_value(share, 'share') * 100:.1f}%" == shown  # what "0.0%" shows


def test_chart_axis_labels_round_half_up_too():
    assert _percent(0.015, 0.005) == "1.5%"
    assert _percent(0.2, 0.05) == "20%"


def test_csv_and_xlsx_carry_the_page_rate(client, jess, alumni):
    client.force_login(jess)
    page = client.get("/admin/outcomes/", FILTERS).content.decode()
    assert "85.7%" in page  # 6 of 7

    export = client.get("/admin/outcomes/export.csv", FILTERS).content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(export)) for cell in row]
    assert "85.7" in cells
    assert "85.71" not in cells

    workbook = load_workbook(
        io.BytesIO(client.get("/admin/outcomes/export.xlsx", FILTERS).content), read_only=True
    )
    values = [value for row in workbook["Summary"].iter_rows(values_only=True) for value in row]
    assert 0.857 in values
