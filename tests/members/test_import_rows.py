"""Roster row validation: the accepted spellings and the per-column problems (no database)."""

from __future__ import annotations

import io
from datetime import date

import pytest

from club.members.roster.reader import RawRow, RosterReader, choose_encoding
from club.members.roster.report import RosterFileError
from club.members.roster.rows import fiscal_year_of, parse_row

BASE = {
    "roster_id": "SSP-1",
    "email": "Wei.Lin@Example.org",
    "given_name": "Wei",
    "family_name": "Lin",
    "programme": "A",
    "start_date": "2019-07-01",
    "end_date": "2019-07-10",
}


def parse(**changes: str):
    values = {**BASE, **changes}
    return parse_row(RawRow(line=7, values=values, cell_count=len(values)), len(values))


@pytest.mark.parametrize(
    ("value", "code"),
    [("IN", "IN"), ("ind", "IN"), ("India", "IN"), ("viet nam", "VN"), ("Vietnam", "VN"),
     ("South Korea", "KR"), ("インド", "IN")],
)  # fmt: skip
def test_countries_are_codes_or_names(value, code):
    row, problems = parse(nationality=value)

    assert problems == []
    assert row.nationality == code


@pytest.mark.parametrize(
    ("value", "programme"),
    [("a", "A"), ("Course B", "B"), ("course c: science and technology training", "C"),
     ("hsp", "HSP"), ("High School Program", "HSP"), ("Lotus", "LOTUS"), ("y-tec", "YTEC"),
     ("officers", "OFFICERS")],
)  # fmt: skip
def test_programmes_are_codes_or_labels_in_any_case(value, programme):
    row, problems = parse(programme=value)

    assert problems == []
    assert row.programme == programme


def test_a_row_is_typed_and_the_email_lower_cased():
    row, problems = parse(start_date="2020/2/3", end_date="2020/02/09", fields="AI; ai ;Robotics;")

    assert problems == []
    assert row.email == "wei.lin@example.org"
    assert (row.start_date, row.end_date) == (date(2020, 2, 3), date(2020, 2, 9))
    assert row.fiscal_year == 2019  # February 2020 is in the 2019 fiscal year
    assert row.fields == ["AI", "Robotics"]
    assert row.name_order == row.preferred_language == ""  # not given: never overwrites


def test_every_problem_of_a_row_is_reported_at_once():
    row, problems = parse(given_name="", start_date="yesterday", nationality="Narnia")

    assert row is None
    assert {problem.column for problem in problems} == {"given_name", "start_date", "nationality"}
    assert all(problem.line == 7 for problem in problems)
    assert str(problems[0]).startswith("Line 7, ")


def test_fiscal_years_start_in_april():
    assert fiscal_year_of(date(2019, 3, 31)) == 2018
    assert fiscal_year_of(date(2019, 4, 1)) == 2019


def test_trailing_empty_cells_are_not_extra_values():
    text = "roster_id,email,given_name,family_name,programme,start_date,end_date\r\n"
    text += "R1,a@example.org,A,B,A,2019-07-01,2019-07-02,,,\r\n"
    text += "R2,b@example.org,A,B,A,2019-07-01,2019-07-02,oops\r\n"
    reader = RosterReader(io.BytesIO(text.encode()))
    first, second = reader.rows()
    width = len(reader.columns)

    assert parse_row(first, width)[1] == []
    assert "8 values but the header has 7" in parse_row(second, width)[1][0].message


def test_the_reader_leaves_the_callers_stream_open_on_a_bad_header():
    stream = io.BytesIO(b"name,email\r\nA,a@example.org\r\n")

    with pytest.raises(RosterFileError):
        RosterReader(stream)

    assert not stream.closed


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        ("名前".encode("utf-8-sig"), "utf-8-sig"),
        ("名前".encode(), "utf-8-sig"),
        ("名前".encode("cp932"), "cp932"),
        ("①髙".encode("cp932"), "cp932"),  # NEC and IBM extensions that strict Shift_JIS lacks
        (b"plain,ascii", "utf-8-sig"),
    ],
)
def test_the_encoding_is_detected(content, encoding):
    stream = io.BytesIO(b"a,b\r\n" + content)

    assert choose_encoding(stream) == encoding
    assert stream.tell() == 0
