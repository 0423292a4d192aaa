"""Text that people typed, written safely into CSV and XLSX files: the one formula guard.

A spreadsheet opening a CSV runs a cell starting with = + - @ (or a tab or carriage return)
as a formula, so CSV cells get a leading apostrophe. In XLSX a cell has a type: text is
stored as text and never run, so it needs no prefix (the apostrophe would show).
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """``value`` for a CSV row: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def set_xlsx_cell(cell: Cell, value: Any) -> Cell:
    """Put ``value`` in an XLSX cell; text always as text, even '=1+1' (openpyxl would
    otherwise store it as a formula)."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
