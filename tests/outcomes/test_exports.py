"""CSV and XLSX exports carry the definitions, the filters and the suppressed figures."""

from __future__ import annotations

import csv
import io

import openpyxl

from club.outcomes.definitions import definitions
from club.outcomes.exports import csv_response, xlsx_response
from club.outcomes.queries import Selection
from club.outcomes.report import build_report
from tests.factories import InstitutionFactory, ParticipationFactory


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def section(rows: list[list[str]], title: str) -> list[list[str]]:
    """The header and data rows under a section title, up to the next blank line."""
    start = rows.index([title]) + 1
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    body = rows[start:end]
    return body[1:] if len(body[0]) == 1 else body  # skip a note line


def workbook(response) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(response.content))


def sheet_rows(sheet) -> list[tuple]:
    """Non-empty rows, without trailing empty cells."""
    rows = []
    for row in sheet.iter_rows(values_only=True):
        values = list(row)
        while values and values[-1] is None:
            values.pop()
        if values:
            rows.append(tuple(values))
    return rows


def test_csv_has_definitions_filters_and_every_breakdown(alumni, india):
    response = csv_response(build_report(Selection(nationality="IN")))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="re-visit-outcomes-')
    rows = csv_rows(response)
    assert rows[0] == ["Sakura Science Club: re-visit outcomes"]
    assert ["Country (nationality)", "India"] in section(rows, "Filters")
    assert ["Chapter", "All"] in section(rows, "Filters")
    terms = [row[0] for row in section(rows, "Definitions")[1:]]
    assert terms == [str(item.term) for item in definitions()]
    # Nobody confirmed a profile: the status is known for the re-visitors only.
    assert section(rows, "Headline figures") == [
        ["", "Alumni", "Re-visited", "Known status", "Coverage (%)",
         "Re-visit rate (all alumni) (%)", "Re-visit rate (known status) (%)",
         "Median months to re-visit"],
        ["All alumni in the selection", "8", "7", "7", "87.5", "87.5", "100.0", "13"],
    ]  # fmt: skip
    # Every cohort has under 5 alumni: none is named, all are pooled.
    assert section(rows, "Re-visit rate by cohort")[1:] == [
        ["Other groups (each under 5 alumni)", "8", "7", "7", "87.5", "87.5", "100.0", "13"],
    ]
    assert section(rows, "Re-visits by kind")[0] == [
        "Kind of re-visit", "Alumni with such a re-visit", "Share of alumni (%)",
    ]  # fmt: skip
    for title in (
        "Re-visit rate by country (nationality)",
        "Re-visit rate by programme",
        "Re-visit rate by host institution in Japan",
        "Re-visits by source",
        "Share re-visited within N years, by cohort",
    ):
        assert section(rows, title)


def test_xlsx_has_a_summary_and_a_sheet_per_breakdown(alumni):
    book = workbook(xlsx_response(build_report(Selection())))

    assert book.sheetnames == [
        "Summary", "Cohort", "Country", "Programme", "Host institution", "Kind of re-visit",
        "Source", "Reunion attendance", "Engagement by chapter", "Engagement by cohort",
        "Engagement month by month", "Within N years",
    ]  # fmt: skip
    summary = sheet_rows(book["Summary"])
    assert ("Country (nationality)", "All") in summary
    assert ("Small numbers", "Groups of fewer than 5 people are shown as “<5”.") in summary
    assert {row[0] for row in summary} >= {str(item.term) for item in definitions()}
    assert ("All alumni in the selection", 12, 9, 9, 0.75, 0.75, 1.0, 13) in summary
    hosts = sheet_rows(book["Host institution"])
    assert hosts[2:] == [
        ("Host institution", "Alumni", "Re-visited", "Known status", "Coverage",
         "Re-visit rate (all alumni)", "Re-visit rate (known status)"),
        ("Tohoku University", 6, "<5", "<5", "<5", "<5", "<5"),
        ("Other groups (each under 5 alumni)", 6, "<5", "<5", "<5", "<5", "<5"),
    ]  # fmt: skip
    assert book["Country"]["F3"].value == 0.75  # the pooled countries: 9 of 12
    assert book["Country"]["F3"].number_format == "0.0%"


def test_an_empty_selection_gives_a_valid_file_with_headers(alumni):
    report = build_report(Selection(nationality="JP"))

    rows = csv_rows(csv_response(report))
    assert section(rows, "Headline figures")[1] == [
        "All alumni in the selection", "0", "0", "0", "", "", "", "",
    ]  # fmt: skip
    assert section(rows, "Re-visit rate by cohort") == [
        ["Cohort", "Alumni", "Re-visited", "Known status", "Coverage (%)",
         "Re-visit rate (all alumni) (%)", "Re-visit rate (known status) (%)",
         "Median months to re-visit"]
    ]  # fmt: skip
    book = workbook(xlsx_response(report))
    assert sheet_rows(book["Cohort"]) == [
        ("Re-visit rate by cohort",),
        ("Cohort", "Alumni", "Re-visited", "Known status", "Coverage",
         "Re-visit rate (all alumni)", "Re-visit rate (known status)",
         "Median months to re-visit"),
    ]  # fmt: skip
    assert sheet_rows(book["Within N years"])[-1] == ("Cohort", "Alumni")


def test_spreadsheet_formulas_in_names_are_neutralised(db):
    host = InstitutionFactory(name='=HYPERLINK("http://evil.example","x")')
    for _ in range(5):
        ParticipationFactory(host_institution=host)
    report = build_report(Selection())

    rows = csv_rows(csv_response(report))
    assert section(rows, "Re-visit rate by host institution in Japan")[1][0].startswith("'=")
    cell = workbook(xlsx_response(report))["Host institution"]["A4"]
    # In XLSX the cell is typed text, never run: the name shows as typed, with no apostrophe.
    assert cell.value == '=HYPERLINK("http://evil.example","x")'
    assert cell.data_type == "s"


def test_the_chapter_export_covers_the_chapter_only(client, carol, india, alumni):
    client.force_login(carol.user)

    response = client.get("/en/outcomes/chapter/india/export.csv")

    assert response.status_code == 200
    rows = csv_rows(response)
    assert ["Chapter", "India chapter"] in section(rows, "Filters")
    assert section(rows, "Headline figures")[1][1:3] == ["6", "5"]


def test_within_n_years_headers_read_as_on_the_dashboard(alumni):
    book = workbook(xlsx_response(build_report(Selection())))

    header = next(row for row in sheet_rows(book["Within N years"]) if row[0] == "Cohort")
    assert header[2:4] == ("Within 1 year", "Within 2 years")
