"""import_alumni on bad input: per-row reports with line numbers, clear file errors, no writes."""

from __future__ import annotations

import pytest

from tests.factories import MemberFactory, UserFactory
from tests.members.test_import_command import (
    COLUMNS,
    counts,
    person,
    run_failing,
    write_roster,
    yamada,
)

BAD_ROWS = [
    ({"start_date": "2019-13-01"}, "Line 3, start_date:", "is not a date"),
    ({"end_date": "10/07/2019"}, "Line 3, end_date:", "is not a date"),
    ({"start_date": "0001-07-01", "fiscal_year": ""}, "Line 3, start_date:", "is not a date"),
    ({"end_date": "9999-07-10"}, "Line 3, end_date:", "is not a date"),
    ({"fiscal_year": "２０１９"}, "Line 3, fiscal_year:", "is not a fiscal year"),
    ({"end_date": "2019-06-30"}, "Line 3, end_date:", "before the start date"),
    ({"nationality": "Atlantis"}, "Line 3, nationality:", "not a known country"),
    ({"country_of_residence": "XX"}, "Line 3, country_of_residence:", "not a known country"),
    ({"programme": "Course Z"}, "Line 3, programme:", "is not allowed here"),
    ({"programme": ""}, "Line 3, programme:", "required"),
    ({"email": "not-an-email"}, "Line 3, email:", "not a valid email address"),
    ({"given_name": ""}, "Line 3, given_name:", "required"),
    ({"roster_id": "", "email": ""}, "Line 3:", "roster ID, an email address or both"),
    ({"fiscal_year": "2020"}, "Line 3, fiscal_year:", "does not contain the start date"),
    ({"fiscal_year": "last year"}, "Line 3, fiscal_year:", "is not a fiscal year"),
    ({"name_order": "sideways"}, "Line 3, name_order:", "is not allowed here"),
    ({"preferred_language": "fr"}, "Line 3, preferred_language:", "is not allowed here"),
    ({"roster_id": "X" * 41}, "Line 3, roster_id:", "Longer than 40 characters"),
    (
        {"nationality": "", "country_of_residence": ""},
        "Line 3, sending_institution:",
        "needs the nationality",
    ),
]


@pytest.mark.parametrize(("change", "where", "reason"), BAD_ROWS)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_written(
    db, tmp_path, change, where, reason
):
    path = write_roster(tmp_path / "bad.csv", [yamada(), person(**change)])
    before = counts()

    out, error = run_failing(path)

    assert where in out
    assert reason in out
    assert "nothing was imported" in error
    assert counts() == before


def test_a_duplicate_email_with_another_roster_id_is_reported(db, tmp_path):
    rows = [person(), yamada(), person(roster_id="SSP-2020-0077", given_name="Someone")]
    before = counts()

    out, error = run_failing(write_roster(tmp_path / "dup.csv", rows))

    assert "Line 4, email: priya.sharma@example.org already belongs to another member" in out
    assert "SSP-2019-0001" in out
    assert counts() == before


def test_a_duplicate_email_is_caught_across_chunks(db, tmp_path):
    rows = [person(), yamada(), person(roster_id="SSP-2020-0077")]
    before = counts()

    out, _error = run_failing(write_roster(tmp_path / "dup.csv", rows), "--chunk-size", "1")

    assert "Line 4, email:" in out
    assert counts() == before


def test_an_email_of_a_stored_member_with_another_roster_id_is_rejected(db, tmp_path):
    MemberFactory(roster_id="SSP-2010-0001", user=UserFactory(email="priya.sharma@example.org"))

    out, _error = run_failing(write_roster(tmp_path / "r.csv", [person()]))

    assert "Line 2, email:" in out
    assert "SSP-2010-0001" in out


def test_a_missing_column_stops_the_import_before_any_row(db, tmp_path):
    columns = [column for column in COLUMNS if column != "start_date"]
    before = counts()

    _out, error = run_failing(write_roster(tmp_path / "r.csv", [person()], columns=columns))

    assert "missing the required columns: start_date" in error
    assert counts() == before


def test_semicolon_separated_files_get_a_hint(db, tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text(";".join(COLUMNS) + "\n", encoding="utf-8")

    _out, error = run_failing(path)

    assert "separated by “;”" in error


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"\xef\xbb\xbf\r\n \r\n", "The file is empty."),
        (",".join(COLUMNS).encode() + b"\r\n", "has a header but no rows"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Excel workbook"),
        (b"\xff\xfer\x00o\x00", "UTF-16"),
        (b"roster_id,email\r\n\x81\xff\xfe\x80\x80", "neither UTF-8 nor Shift_JIS"),
    ],
)
def test_unusable_files_give_a_clear_error(db, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = counts()

    _out, error = run_failing(path)

    assert message in error
    assert counts() == before


def test_binary_data_after_good_rows_undoes_everything(db, tmp_path):
    rows = [
        person(roster_id=f"R{n}", email=f"p{n}@example.org", native_name="") for n in range(500)
    ]
    path = write_roster(tmp_path / "r.csv", rows)
    path.write_bytes(path.read_bytes() + b"x,y\x00z\r\n")
    assert path.stat().st_size > 64 * 1024
    before = counts()

    _out, error = run_failing(path, "--chunk-size", "100")

    assert "Line 502 contains binary data" in error
    assert counts() == before


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    _out, error = run_failing(tmp_path / "nope.csv")

    assert "Cannot read" in error


def test_an_unknown_encoding_is_a_clear_error(db, tmp_path):
    roster = write_roster(tmp_path / "r.csv", [person()])

    _out, error = run_failing(roster, "--encoding", "klingon")

    assert "Unknown encoding" in error


def test_dry_run_with_bad_rows_exits_non_zero(db, tmp_path):
    path = write_roster(tmp_path / "r.csv", [person(start_date="soon")])

    out, error = run_failing(path, "--dry-run")

    assert "Line 2, start_date:" in out
    assert "1 invalid rows" in error
