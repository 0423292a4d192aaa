"""Journey 7: JST staff filter the re-visit outcomes and download the XLSX.

Whatever JST quotes from the spreadsheet must be what the dashboard showed for the same
filters: every headline figure (coverage and both rates among them), every breakdown table
and the within-N-years table are read off the page and compared with the workbook, cell by
cell, as each would be displayed. A future "as of" day is refused with a message.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.journeys.browser import Browsing

DASHBOARD = "/admin/outcomes/"
ALL_ISO_COUNTRIES = 249

READ_PAGE = """() => {
  const text = (node) => node.textContent.replace(/\\s+/g, " ").trim();
  const tables = Array.from(document.querySelectorAll("section.outcomes-section")).flatMap(
    (section) => Array.from(section.querySelectorAll("table.outcomes-table")).map((table) => ({
      title: text(section.querySelector("h2")),
      header: Array.from(table.querySelectorAll("thead th")).map(text),
      rows: Array.from(table.querySelectorAll("tbody tr")).map(
        (row) => Array.from(row.querySelectorAll("th, td")).map(text)),
    })));
  const headline = Array.from(document.querySelectorAll(".outcomes-headline > div")).map(
    (item) => [text(item.querySelector("dt")), text(item.querySelector("dd"))]);
  const filters = Array.from(document.querySelectorAll(".outcomes-selection li")).map(
    (item) => [text(item.querySelector("span")).replace(/:$/, ""),
               text(item).replace(text(item.querySelector("span")), "").trim()]);
  return {tables, headline, filters};
}"""


def shown(cell: Any) -> str:
    """A workbook cell as the dashboard writes the figure (English number format)."""
    value = cell.value
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if cell.number_format == "0.0%":
        return f"{value * 100:.1f}%"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.1f}"


def sheet_rows(sheet: Any) -> list[list[str]]:
    rows = [[shown(cell) for cell in row] for row in sheet.iter_rows()]
    return [row[: max((i + 1 for i, v in enumerate(row) if v), default=0)] for row in rows]


def table_after(rows: list[list[str]], title: str, header: list[str]) -> list[list[str]]:
    """The rows of the titled section whose header row is ``header``."""
    start = next(i for i, row in enumerate(rows) if row[:1] == [title])
    head = next(i for i in range(start, len(rows)) if rows[i][: len(header)] == header)
    body = []
    for row in rows[head + 1 :]:
        if not row:
            break
        body.append(row + [""] * (len(header) - len(row)))
    return body


def test_staff_download_the_figures_they_see(browsing: Browsing):
    staff = browsing.person()
    browsing.sign_in_admin(staff, "jst-staff")
    browsing.go(staff, DASHBOARD)
    recompute = staff.get_by_role("button", name="Recompute the figures")
    if recompute.count():  # fresh demo data is written in bulk, past the signals
        recompute.click()
        staff.wait_for_load_state("load")
        browsing.go(staff, DASHBOARD)

    # Only nationalities that have alumni are offered.
    countries = staff.get_by_label("Country (nationality)")
    options = countries.locator("option")
    assert 1 < options.count() < 40 < ALL_ISO_COUNTRIES

    # A future "as of" day is refused, with the reason on the page (HTTP 400).
    browsing.expected_statuses.add(400)
    staff.get_by_label("Figures as of (date)").fill("2999-01-01")
    staff.get_by_role("button", name="Apply filters").click()
    staff.wait_for_url("**as_of=2999-01-01**")
    expect(staff.locator(".outcomes-errors")).to_contain_text("is in the future")
    staff.get_by_label("Figures as of (date)").fill("")

    staff.get_by_label("Cohorts from (fiscal year)").fill("2014")
    staff.get_by_label("Cohorts to (fiscal year)").fill("2024")
    staff.get_by_role("button", name="Apply filters").click()
    staff.wait_for_url("**cohort_from=2014**")
    browsing.check(staff)
    expect(staff.locator(".outcomes-selection")).to_contain_text("2014–2024")
    page = staff.evaluate(READ_PAGE)
    assert page["tables"] and page["headline"]

    with staff.expect_download() as download:
        staff.get_by_role("link", name="Download XLSX").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))

    summary = sheet_rows(workbook.worksheets[0])
    assert table_after(summary, "Filters", ["Filter", "Value"]) == page["filters"]

    header = [
        "", "Alumni", "Re-visited", "Known status", "Coverage", "Re-visit rate (all alumni)",
        "Re-visit rate (known status)", "Median months to re-visit",
    ]  # fmt: skip
    [headline] = table_after(summary, "Headline figures", header)
    on_page = dict(page["headline"])
    assert headline[1] == on_page["Alumni"]
    assert headline[2] == on_page["Alumni who re-visited"]
    assert headline[3] == on_page["Alumni with a known status"]
    assert headline[4] == on_page["Coverage"]
    assert headline[5] == on_page["Re-visit rate (all alumni)"]
    assert headline[6] == on_page["Re-visit rate (known status)"]
    median = on_page["Median time to re-visit"].removesuffix(" months")
    assert (headline[7] or "—") == median
    # The rate among all alumni is a lower bound: never above the rate among the known.
    rates = [on_page[f"Re-visit rate ({which})"] for which in ("all alumni", "known status")]
    if all(rate.endswith("%") for rate in rates):
        assert float(rates[0].rstrip("%")) <= float(rates[1].rstrip("%"))

    compared = 0
    for table in page["tables"]:
        sheet = next(s for s in workbook.worksheets[1:] if sheet_rows(s)[:1] == [[table["title"]]])
        rows = table_after(sheet_rows(sheet), table["title"], table["header"])
        assert len(rows) == len(table["rows"]), table["title"]
        for row, page_row in zip(rows, table["rows"], strict=True):
            for cell, page_cell in zip(row, page_row, strict=True):
                # An empty cell is a figure that does not apply: "—" on the page.
                assert cell == page_cell or (cell == "" and page_cell == "—"), (
                    table["title"],
                    row,
                    page_row,
                )
                compared += 1
    assert compared > 20
