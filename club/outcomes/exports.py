"""CSV and XLSX exports of a Report: every breakdown, with the definitions and the filters.

Both formats carry the same published figures as the dashboard (suppressed counts read
"<5"). An empty selection still gives a complete file: every section with its header.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from club.outcomes.definitions import definitions
from club.outcomes.filters import describe_selection
from club.outcomes.report import (
    COHORT_COLUMNS,
    Breakdown,
    Column,
    FigureRow,
    FigureTable,
    Report,
    Row,
    export_value,
    percent,
    row_figure,
)
from club.outcomes.suppression import THRESHOLD
from club.spreadsheet_cells import csv_cell, set_xlsx_cell

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Cells starting with these are run as formulas by spreadsheets (CSV injection).
SHEET_NAME_FORBIDDEN = str.maketrans({char: " " for char in "[]:*?/\\"})


@dataclass(frozen=True)
class Table:
    """One section of an export: a title, a header row and data rows."""

    title: str
    header: list[str]
    rows: list[list[Any]]
    units: list[str]  # per column: "text", "count", "share" or "months"
    note: str = ""
    sheet: str = ""


def _row_values(row: Row | FigureRow, columns: tuple[Column, ...]) -> list[Any]:
    return [row.label, *(export_value(row_figure(row, c.attribute), c.unit) for c in columns)]


def tables(report: Report) -> list[Table]:
    """The report as export sections, in the order the dashboard shows them."""
    result = [
        Table(
            _("Filters"),
            [_("Filter"), _("Value")],
            [list(pair) for pair in describe_selection(report.selection)],
            ["text", "text"],
        ),
        Table(
            _("Definitions"),
            [_("Term"), _("Definition")],
            [
                [str(item.term), str(item.text)]
                for item in definitions(report.selection.window_years)
            ],
            ["text", "text"],
        ),
        Table(
            _("Headline figures"),
            ["", *(str(column.header) for column in COHORT_COLUMNS)],
            [_row_values(report.headline, COHORT_COLUMNS)],
            ["text", *(column.unit for column in COHORT_COLUMNS)],
        ),
        Table(
            _("Profile freshness"),
            [
                "",
                _("Alumni with an account"),
                _("Confirmed in the last 12 months"),
                _("Share confirmed"),
            ],
            [
                [
                    _("Profiles"),
                    export_value(report.freshness.accounts, "count"),
                    export_value(report.freshness.confirmed, "count"),
                    export_value(report.freshness.share, "share"),
                ]
            ],
            ["text", "count", "count", "share"],
        ),
    ]
    sections: list[Breakdown | FigureTable] = [*report.breakdowns, *report.engagement]
    for breakdown in sections:
        result.append(
            Table(
                str(breakdown.title),
                [str(breakdown.group_header), *(str(c.header) for c in breakdown.columns)],
                [_row_values(row, breakdown.columns) for row in breakdown.rows],
                ["text", *(column.unit for column in breakdown.columns)],
                note=str(breakdown.note),
                sheet=str(
                    breakdown.title
                    if isinstance(breakdown, FigureTable)
                    else breakdown.group_header
                ),
            )
        )
    years = report.curve_years
    result.append(
        Table(
            _("Share re-visited within N years, by cohort"),
            [
                _("Cohort"),
                _("Alumni"),
                *(
                    ngettext("Within %(years)s year", "Within %(years)s years", year)
                    % {"years": year}
                    for year in years
                ),
            ],
            [
                [
                    str(curve.cohort),
                    export_value(curve.alumni, "count"),
                    *(
                        export_value(point.share, "share") if point else ""
                        for point in (curve.point(year) for year in years)
                    ),
                ]
                for curve in report.curves
            ],
            ["text", "count", *("share" for _year in years)],
            note=_("Empty: fewer than N years have passed since the cohort's fiscal year ended."),
            sheet=_("Within N years"),
        )
    )
    return result


def _preamble(report: Report) -> list[list[str]]:
    return [
        [_("Sakura Science Club: re-visit outcomes")],
        [_("Exported"), timezone.localtime(report.computed_at).isoformat(timespec="seconds")],
        [
            _("Small numbers"),
            _("Groups of fewer than %(threshold)s people are shown as “<%(threshold)s”.")
            % {"threshold": THRESHOLD},
        ],
    ]


def _filename(report: Report, extension: str) -> str:
    stamp = timezone.localtime(report.computed_at).strftime("%Y%m%d-%H%M")
    return f"re-visit-outcomes-{stamp}.{extension}"


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def csv_response(report: Report) -> HttpResponse:
    """The report as one CSV file of titled sections; rates as percentages."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for line in _preamble(report):
        writer.writerow(line)
    for table in tables(report):
        writer.writerow([])
        writer.writerow([table.title])
        if table.note:
            writer.writerow([table.note])
        header = [
            f"{name} (%)" if unit == "share" else name
            for name, unit in zip(table.header, table.units, strict=True)
        ]
        writer.writerow([csv_cell(name) for name in header])
        for row in table.rows:
            writer.writerow(
                [
                    csv_cell(percent(value) if unit == "share" and _is_number(value) else value)
                    for value, unit in zip(row, table.units, strict=True)
                ]
            )
    content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    return _attachment(content, CSV_TYPE, _filename(report, "csv"))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _sheet_name(name: str, taken: set[str]) -> str:
    base = name.translate(SHEET_NAME_FORBIDDEN).strip()[:28] or "Sheet"
    candidate, number = base, 2
    while candidate.lower() in taken:
        candidate, number = f"{base} {number}", number + 1
    taken.add(candidate.lower())
    return candidate


def _write_table(sheet: Any, table: Table, start_row: int) -> int:
    bold = Font(bold=True)
    set_xlsx_cell(sheet.cell(row=start_row, column=1), table.title).font = Font(bold=True, size=12)
    row_number = start_row + 1
    if table.note:
        set_xlsx_cell(sheet.cell(row=row_number, column=1), table.note)
        row_number += 1
    for column, name in enumerate(table.header, start=1):
        set_xlsx_cell(sheet.cell(row=row_number, column=column), name).font = bold
    for values in table.rows:
        row_number += 1
        for column, (value, unit) in enumerate(zip(values, table.units, strict=True), start=1):
            cell = set_xlsx_cell(sheet.cell(row=row_number, column=column), value)
            if unit == "share" and _is_number(value):
                cell.number_format = "0.0%"
            elif unit == "months" and _is_number(value):
                cell.number_format = "0.#"
            elif unit == "text":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    return row_number


def xlsx_response(report: Report) -> HttpResponse:
    """The report as a workbook: a summary sheet (filters, definitions, headline), then
    one sheet per breakdown."""
    workbook = Workbook()
    summary = workbook.active
    taken: set[str] = set()
    summary.title = _sheet_name(_("Summary"), taken)
    for row_number, line in enumerate(_preamble(report), start=1):
        for column, value in enumerate(line, start=1):
            set_xlsx_cell(summary.cell(row=row_number, column=column), value)
    summary["A1"].font = Font(bold=True, size=14)
    sections = tables(report)
    row_number = len(_preamble(report)) + 1
    for table in sections[:4]:  # filters, definitions, headline, freshness
        row_number = _write_table(summary, table, row_number + 1) + 1
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 90
    for table in sections[4:]:
        sheet = workbook.create_sheet(_sheet_name(table.sheet or table.title, taken))
        _write_table(sheet, table, 1)
        sheet.column_dimensions["A"].width = 36
        for column in range(2, len(table.header) + 1):
            sheet.column_dimensions[get_column_letter(column)].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _attachment(buffer.getvalue(), XLSX_TYPE, _filename(report, "xlsx"))
