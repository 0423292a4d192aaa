"""import_revisits and the admin upload: encodings, row-by-row report, all or nothing, bad input."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from club.members.models import MemberStatus, Revisit, RevisitSource
from tests.factories import (
    InstitutionFactory,
    MemberFactory,
    ParticipationFactory,
    RevisitFactory,
    UserFactory,
)

D = date.fromisoformat
HEADER = ["roster_id", "email", "kind", "institution", "start_date", "end_date", "funding",
          "source_note"]  # fmt: skip


@pytest.fixture
def kyoto(db):
    return InstitutionFactory(name="Kyoto University", name_ja="京都大学")


@pytest.fixture
def people(db, kyoto):
    """Two alumni whose first programme ended in July 2018."""
    priya = MemberFactory(
        roster_id="SSP-1", contact_email="priya@example.org", given_name="Priya",
        family_name="Sharma", user=UserFactory(username="priya", email="priya@example.org"),
    )  # fmt: skip
    wei = MemberFactory(
        roster_id="SSP-2", contact_email="wei@example.org", given_name="Wei", family_name="Lin"
    )
    for member in (priya, wei):
        ParticipationFactory(member=member, start_date=D("2018-07-02"), end_date=D("2018-07-09"))
    return priya, wei


def row(**values: str) -> list[str]:
    cells = {
        "roster_id": "SSP-1", "email": "", "kind": "degree", "institution": "Kyoto University",
        "start_date": "2020-04-01", "end_date": "2022-03-31", "funding": "mext",
        "source_note": "MEXT list 2020",
    }  # fmt: skip
    cells.update(values)
    return [cells[name] for name in HEADER]


def write(path: Path, rows: list[list[str]], encoding: str = "utf-8", header=HEADER) -> Path:
    text = StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([header, *rows])
    path.write_bytes(text.getvalue().encode(encoding))
    return path


def run(path: Path, *options: str) -> str:
    out = StringIO()
    try:
        call_command("import_revisits", str(path), *options, stdout=out)
    except CommandError:
        print(out.getvalue())  # the report says which row failed
        raise
    return out.getvalue()


def failing(path: Path, *options: str) -> tuple[str, str]:
    out = StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_revisits", str(path), *options, stdout=out)
    return out.getvalue(), str(error.value)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_it_imports_utf8_with_or_without_bom_and_shift_jis(tmp_path, people, kyoto, encoding):
    rows = [
        row(institution="京都大学", source_note="文部科学省 2020"),
        row(roster_id="", email="WEI@example.org", kind="Researcher or postdoc", end_date="",
            funding="", institution="", start_date="2023-10-01"),
    ]  # fmt: skip
    output = run(write(tmp_path / "revisits.csv", rows, encoding))

    priya, wei = people
    [first] = priya.revisits.all()
    assert (first.kind, first.institution, first.source, first.source_note) == (
        "degree",
        kyoto,
        RevisitSource.JST,
        "文部科学省 2020",
    )
    [second] = wei.revisits.all()
    assert (second.kind, second.institution, second.end_date) == ("researcher", None, None)
    assert "Line 2 (Priya Sharma (SSP-1)): new re-visit" in output
    assert "Line 3 (Wei Lin (SSP-2)): new re-visit" in output
    assert "Import complete." in output


def test_a_dry_run_reports_every_row_and_writes_nothing(tmp_path, people, kyoto):
    RevisitFactory(member=people[0], institution=kyoto, start_date=D("2020-05-01"))
    path = write(tmp_path / "r.csv", [row(), row(roster_id="SSP-2")])

    output = run(path, "--dry-run")

    assert "Line 2 (Priya Sharma (SSP-1)): merged with the same stay" in output
    assert "Line 3 (Wei Lin (SSP-2)): new re-visit" in output
    assert "Dry run: nothing was written." in output
    assert list(Revisit.objects.values_list("source", flat=True)) == [RevisitSource.MEMBER]


def test_one_bad_row_and_nothing_is_written_but_every_row_is_reported(tmp_path, people):
    path = write(tmp_path / "r.csv", [row(), row(roster_id="SSP-404"), row(roster_id="SSP-2")])

    output, error = failing(path)

    assert "1 invalid rows: nothing was imported" in error
    assert "Line 2 (Priya Sharma (SSP-1)): new re-visit" in output
    assert "Line 3 (SSP-404): roster_id: No member has the roster ID “SSP-404”." in output
    assert "Line 4 (Wei Lin (SSP-2)): new re-visit" in output
    assert not Revisit.objects.exists()


def test_a_dry_run_of_a_bad_file_shows_all_rows_and_fails(tmp_path, people):
    path = write(tmp_path / "r.csv", [row(kind="tourist"), row(roster_id="SSP-2")])

    output, error = failing(path, "--dry-run")

    assert "“tourist” is not allowed here; use degree, exchange" in output
    assert "Line 3 (Wei Lin (SSP-2)): new re-visit" in output
    assert not Revisit.objects.exists()


FAR = (timezone.localdate() + timedelta(days=800)).isoformat()


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        ({"roster_id": "SSP-9"}, "No member has the roster ID “SSP-9”."),
        ({"roster_id": "", "email": "nobody@example.org"},
         "No member has the e-mail address “nobody@example.org”."),
        ({"roster_id": "", "email": "not-an-email"},
         "No member has the e-mail address “not-an-email”."),
        ({"roster_id": "SSP-1", "email": "wei@example.org"},
         "The roster ID and the e-mail address belong to two different members."),
        ({"roster_id": ""}, "Give the member's roster ID or e-mail address."),
        ({"kind": ""}, "kind: This column is required."),
        ({"kind": "tourist"}, "“tourist” is not allowed here; use degree, exchange, researcher"),
        ({"funding": "lottery"}, "“lottery” is not allowed here; use mext, jsps"),
        ({"institution": "University of Nowhere"},
         "“University of Nowhere” is not a known institution. Add it"),
        ({"start_date": "2020-13-01"}, "“2020-13-01” is not a date; write it as YYYY-MM-DD."),
        ({"start_date": ""}, "start_date: This column is required."),
        ({"end_date": "2019-01-01"}, "The end date 2019-01-01 is before the start date 2020-04-01"),
        ({"start_date": "2018-07-09", "end_date": ""},
         "The re-visit starts 2018-07-09, on or before the end of the member's first Sakura"
         " Science programme (2018-07-09)."),
        ({"start_date": FAR, "end_date": ""}, f"{FAR} is too far in the future"),
        ({"start_date": "2099-01-01", "end_date": ""}, "2099-01-01 is too far in the future"),
        ({"end_date": "2090-01-01"}, "2090-01-01 is too far in the future; leave the end date"),
        ({"source_note": "x" * 1001}, "source_note: Longer than 1000 characters."),
    ],
)  # fmt: skip
def test_each_bad_row_gets_a_clear_message(tmp_path, people, cells, message):
    output, _error = failing(write(tmp_path / "r.csv", [row(**cells)]))

    assert message in output
    assert not Revisit.objects.exists()


def test_the_same_stay_twice_in_the_file_is_an_error(tmp_path, people):
    rows = [row(), row(roster_id="", email="priya@example.org", start_date="2021-01-01")]

    output, _error = failing(write(tmp_path / "r.csv", rows))

    assert "Line 3 (Priya Sharma (SSP-1)): The same stay as line 2" in output
    assert not Revisit.objects.exists()


def test_an_alumnus_who_deleted_their_membership_gets_nothing(tmp_path, people):
    people[1].status = MemberStatus.ANONYMISED
    people[1].save()

    output, _error = failing(write(tmp_path / "r.csv", [row(roster_id="SSP-2")]))

    assert "This alumnus deleted their membership" in output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b"PK\x03\x04rest", "an Excel workbook"),
        (b"kind,start_date\r\ndegree,2020-04-01\r\n", "needs a roster_id or an email column"),
        (b"roster_id,start_date\r\nSSP-1,2020-04-01\r\n", "missing the required columns: kind"),
        (b"roster_id,kind,start_date\r\n", "a header but no rows"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_whole(tmp_path, people, content, message):
    path = tmp_path / "r.csv"
    path.write_bytes(content)

    _output, error = failing(path)

    assert message in error
    assert "Nothing was imported." in error


def test_importing_the_same_file_twice_adds_nothing(tmp_path, people):
    path = write(tmp_path / "r.csv", [row(), row(roster_id="SSP-2")])
    run(path)

    output = run(path)

    assert "Re-visits: 0 new, 0 confirming a member's declaration, 0 updated, 2 already" in output
    assert Revisit.objects.count() == 2


# The same upload in the admin.


@pytest.fixture(autouse=True)
def private_upload_dir(settings, tmp_path):
    settings.ROSTER_UPLOAD_DIR = str(tmp_path / "uploads")


def upload(client, rows, encoding="utf-8"):
    text = StringIO()
    csv.writer(text, lineterminator="\r\n").writerows([HEADER, *rows])
    file = SimpleUploadedFile("r.csv", text.getvalue().encode(encoding), content_type="text/csv")
    return client.post(reverse("members-revisit-import"), {"file": file})


def test_staff_preview_then_import_in_the_admin(client, jess, people, kyoto):
    declared = RevisitFactory(member=people[0], institution=kyoto, start_date=D("2020-05-01"))
    client.force_login(jess)
    assert reverse("members-revisit-import").encode() in client.get("/admin/").content

    preview = upload(client, [row(), row(roster_id="SSP-2")], "cp932")

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Preview of r.csv: nothing has been written yet." in page
    assert "Import 2 rows" in page
    assert "merged with the same stay" in page
    assert Revisit.objects.count() == 1
    token = preview.context["pending"].token

    done = client.post(reverse("members-revisit-import-confirm"), {"token": token})

    assert "The re-visits were imported." in done.content.decode()
    declared.refresh_from_db()
    assert declared.source == RevisitSource.BOTH
    assert sorted(Revisit.objects.values_list("source", flat=True)) == ["both", "jst"]
    # A token works once, and a roster-import token is not accepted here.
    again = client.post(reverse("members-revisit-import-confirm"), {"token": token}, follow=True)
    assert "expired or was already imported" in again.content.decode()


def test_a_bad_upload_shows_the_errors_and_offers_no_import(client, jess, people):
    client.force_login(jess)

    response = upload(client, [row(), row(roster_id="SSP-404")])

    page = response.content.decode()
    assert "nothing can be imported from this file" in page
    assert "No member has the roster ID" in page
    assert "members-revisit-import-confirm" not in page and "Import 2 rows" not in page
    assert not Revisit.objects.exists()
    unreadable = client.post(
        reverse("members-revisit-import"),
        {"file": SimpleUploadedFile("r.csv", b"PK\x03\x04", content_type="text/csv")},
    )
    assert "an Excel workbook" in unreadable.content.decode()


def test_coordinators_and_members_cannot_import(client, carol, alice, people):
    for user in (carol.user, alice.user):
        client.force_login(user)
        # Not admin users at all: sent to the admin's sign-in page.
        assert "/admin/login/" in upload(client, [row()]).url
        assert "/admin/login/" in client.get(reverse("members-revisit-import")).url
    assert not Revisit.objects.exists()


def test_staff_without_the_revisit_permissions_cannot_import(client, people):
    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_revisit"])
    )
    client.force_login(clerk)

    refused = client.get(reverse("members-revisit-import"))
    assert (refused.status_code, refused.url) == (302, "/admin/")  # Wagtail's "no permission"
    assert upload(client, [row()]).status_code == 302
    assert not Revisit.objects.exists()
    assert reverse("members-revisit-import").encode() not in client.get("/admin/").content


def test_the_columns_are_documented():
    guide = (Path(__file__).parents[2] / "docs" / "revisits-import.md").read_text()
    for name in HEADER:
        assert f"`{name}`" in guide
    assert "revisits-import.md" in (Path(__file__).parents[2] / "docs" / "import.md").read_text()
