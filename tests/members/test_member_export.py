"""CSV export of members: who may download it, what it contains, and what it never leaks."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.http import StreamingHttpResponse

from club.members.exports import HEADER
from club.members.models import MemberStatus
from club.members.programmes import Programme
from club.members.sections import Visibility
from tests.factories import (
    InstitutionFactory,
    MemberFactory,
    ParticipationFactory,
    RevisitFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

EXPORT = "/admin/members/export/"


def download(client, **params) -> tuple[StreamingHttpResponse, bytes]:
    response = client.get(EXPORT, params)
    assert response.status_code == 200, response
    return response, b"".join(response.streaming_content)


def rows_of(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def by_name(body: bytes) -> dict[str, dict[str, str]]:
    return {f"{row['given_name']} {row['family_name']}": row for row in rows_of(body)}


def grant(user, *codenames: str) -> None:
    for codename in codenames:
        app_label, code = codename.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=code)
        )


@pytest.fixture
def alice_history(alice):
    alice.roster_id = "SSP-2018-0042"
    alice.native_name = "अनन्या आनंद"
    alice.save()
    tohoku = InstitutionFactory(name="Tohoku University")
    ParticipationFactory(
        member=alice, programme=Programme.COURSE_A, fiscal_year=2018, host_institution=tohoku
    )
    ParticipationFactory(
        member=alice,
        programme=Programme.HIGH_SCHOOL,
        fiscal_year=2019,
        start_date=date(2019, 5, 1),
        host_institution=tohoku,
    )
    RevisitFactory(member=alice, start_date=date(2021, 4, 1), institution=tohoku)
    return alice


# Who may export


def test_staff_download_a_streamed_csv_with_a_bom(client, jess, alice_history):
    client.force_login(jess)

    response, body = download(client)

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    assert body.startswith(b"\xef\xbb\xbf")
    assert next(csv.reader(io.StringIO(body.decode("utf-8-sig")))) == list(HEADER)


@pytest.mark.parametrize("who", ["anonymous", "alice", "carol"])
def test_visitors_members_and_coordinators_cannot_export(client, alice, carol, who):
    if who != "anonymous":
        client.force_login({"alice": alice, "carol": carol}[who].user)

    response = client.get(EXPORT)

    assert response.status_code in (302, 403)
    assert not isinstance(response, StreamingHttpResponse)
    if who == "anonymous":
        assert "/admin/login/" in response.url


def test_admin_users_without_the_export_permission_are_refused(client, alice):
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin", "members.view_member", "members.change_member")
    client.force_login(editor)

    response = client.get(EXPORT)

    assert response.status_code in (302, 403)
    assert not isinstance(response, StreamingHttpResponse)


def test_download_button_only_for_exporters(client, jess, alice):
    editor = UserFactory(username="editor")
    grant(editor, "wagtailadmin.access_admin", "members.view_member")

    client.force_login(jess)
    as_staff = client.get("/admin/members/", {"country": "IN"}).content.decode()
    client.force_login(editor)
    as_editor = client.get("/admin/members/").content.decode()

    assert f"{EXPORT}?country=IN" in as_staff
    assert EXPORT not in as_editor


# What it contains


def test_one_row_per_member_with_every_column(client, jess, alice_history, bob, india):
    client.force_login(jess)

    _, body = download(client)

    rows = by_name(body)
    alice = rows["Alice Anand"]
    assert alice == {
        "roster_id": "SSP-2018-0042",
        "given_name": "Alice",
        "family_name": "Anand",
        "native_name": "अनन्या आनंद",
        "email": "alice@example.org",
        "country_of_residence": "IN",
        "nationality": "IN",
        "status": "active",
        "programmes": "A 2018; HSP 2019",
        "host_institutions": "Tohoku University",
        "revisits": "1",
        "chapters": "India chapter",
    }
    assert rows["Bob Boonmee"]["chapters"] == "Thailand chapter"
    assert rows["Bob Boonmee"]["revisits"] == "0"


def test_staff_export_includes_private_profiles(client, jess, bob):
    bob.visibility_profile = Visibility.PRIVATE
    bob.visibility_contact = Visibility.PRIVATE
    bob.save()
    client.force_login(jess)

    _, body = download(client)

    assert by_name(body)["Bob Boonmee"]["email"] == "bob@example.org"


def test_anonymised_members_are_exported_without_personal_data(client, jess, alice_history):
    alice_history.status = MemberStatus.ANONYMISED
    alice_history.user = None
    alice_history.save()
    client.force_login(jess)

    _, body = download(client)

    (row,) = [row for row in rows_of(body) if row["status"] == "anonymised"]
    assert row["given_name"] == row["family_name"] == row["native_name"] == ""
    assert row["email"] == row["roster_id"] == ""
    assert row["programmes"] == "A 2018; HSP 2019"
    assert "Anand" not in body.decode("utf-8-sig")


def test_export_respects_listing_filters_and_search(client, jess, alice, bob):
    client.force_login(jess)

    _, by_country = download(client, country="TH")
    _, by_search = download(client, q="anand")

    assert "Bob Boonmee" in by_name(by_country)
    assert "Alice Anand" not in by_name(by_country)
    assert list(by_name(by_search)) == ["Alice Anand"]


def test_a_search_with_control_characters_is_searched_cleaned(client, jess, alice, bob):
    """PostgreSQL refuses a NUL: the search must clean it, not answer 500."""
    client.force_login(jess)

    _, found = download(client, q="anand\x00\n")

    assert list(by_name(found)) == ["Alice Anand"]


def test_bad_filter_is_a_clear_400(client, jess):
    client.force_login(jess)

    response = client.get(EXPORT, {"chapter": "not-a-number"})

    assert response.status_code == 400
    assert "chapter" in response.content.decode()


def test_spreadsheet_formulas_are_neutralised(client, jess):
    MemberFactory(given_name='=HYPERLINK("http://evil")', family_name="@Mallory")
    client.force_login(jess)

    _, body = download(client)

    (row,) = [row for row in rows_of(body) if "Mallory" in row["family_name"]]
    assert row["given_name"].startswith("'=")
    assert row["family_name"] == "'@Mallory"


def test_queries_do_not_grow_with_members(client, jess, django_assert_max_num_queries):
    for number in range(40):
        member = MemberFactory(given_name=f"Member{number}")
        ParticipationFactory(member=member)
        RevisitFactory(member=member)
    client.force_login(jess)

    with django_assert_max_num_queries(20):
        download(client)


# No leakage to exporters who are not JST staff


def test_exporter_without_staff_rights_sees_only_what_the_privacy_rule_allows(
    client, alice_history, bob, carol
):
    grant(carol.user, "wagtailadmin.access_admin", "members.export_members")
    bob.visibility_profile = Visibility.PRIVATE
    bob.save()
    alice_history.visibility_participation = Visibility.PRIVATE
    alice_history.visibility_contact = Visibility.PRIVATE
    alice_history.save()
    client.force_login(carol.user)

    _, body = download(client)

    rows = by_name(body)
    assert "Bob Boonmee" not in rows
    assert "Boonmee" not in body.decode("utf-8-sig")
    # Hidden members are left out entirely, not exported as blank rows.
    assert all(row["given_name"] and row["status"] == "active" for row in rows_of(body))
    alice = rows["Alice Anand"]
    assert alice["programmes"] == alice["host_institutions"] == ""
    assert alice["email"] == alice["roster_id"] == ""
    assert alice["country_of_residence"] == "IN"
