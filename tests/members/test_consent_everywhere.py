"""Withdrawal takes effect everywhere at once: the directory page, the member exports, and the
member's own personal-data export carries the whole history."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from club.members.consent import confirm_profile, record_consent
from club.members.exports import HEADER, RESEARCH_HEADER
from club.members.models import ConfirmationKind, ConsentSource, Purpose
from club.members.sections import Section, Visibility
from tests.factories import MemberFactory, UserFactory
from tests.members.test_member_export import grant

EXPORT = "/admin/members/export/"


def public_member(username: str, given: str, country: str):
    visibility = {f"visibility_{section}": Visibility.PUBLIC for section in Section}
    return MemberFactory(
        user=UserFactory(username=username),
        given_name=given,
        family_name="Tester",
        country=country,
        **visibility,
    )


def directory_json(client, **params) -> dict:
    with translation.override("en"):
        url = reverse("directory:search-json")
    return client.get(url, params).json()


def exported(client, **params) -> list[dict[str, str]]:
    response = client.get(EXPORT, params)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


# The directory (database backend, through the page's JSON endpoint)


def test_the_directory_drops_a_withdrawn_member_and_its_counts_follow(client, demo_site, bob):
    asha = public_member("asha", "Asha", "IN")
    vikram = public_member("vikram", "Vikram", "IN")
    client.force_login(bob.user)
    before = directory_json(client, q="Tester")
    india = {c["value"]: c["count"] for c in before["facets"]["country"]}["IN"]

    record_consent(asha, Purpose.DIRECTORY, False, ConsentSource.SETTINGS)

    after = directory_json(client, q="Tester")
    assert [hit["display_name"] for hit in after["hits"]] == [vikram.display_name]
    assert after["total"] == before["total"] - 1
    assert {c["value"]: c["count"] for c in after["facets"]["country"]}["IN"] == india - 1


# Exports of individual records


@pytest.fixture
def three(db):
    yes = public_member("yes", "Yuki", "IN")
    record_consent(yes, Purpose.RESEARCH, True, ConsentSource.REGISTRATION)
    withdrawn = public_member("withdrawn", "Wanda", "IN")
    record_consent(withdrawn, Purpose.RESEARCH, True, ConsentSource.REGISTRATION)
    record_consent(withdrawn, Purpose.RESEARCH, False, ConsentSource.SETTINGS)
    unlisted = public_member("unlisted", "Una", "IN")
    record_consent(unlisted, Purpose.DIRECTORY, False, ConsentSource.SETTINGS)
    never_asked = public_member("never", "Nadia", "IN")
    return {"yes": yes, "withdrawn": withdrawn, "unlisted": unlisted, "never": never_asked}


def test_the_research_export_holds_only_those_who_consented_and_no_contact(
    client, demo_site, jess, three
):
    client.force_login(jess)

    rows = exported(client, use="research")

    assert [row["given_name"] for row in rows] == ["Yuki"]
    assert tuple(rows[0]) == RESEARCH_HEADER and "email" not in rows[0]


def test_the_member_list_offers_the_research_export(client, demo_site, jess):
    client.force_login(jess)

    html = client.get("/admin/members/").content.decode()

    assert "Download research CSV" in html and "use=research" in html


def test_staff_keep_everyone_in_the_administrative_export(client, demo_site, jess, three):
    client.force_login(jess)

    rows = exported(client)

    names = {row["given_name"] for row in rows}
    assert {"Yuki", "Wanda", "Una", "Nadia"} <= names
    assert tuple(rows[0]) == HEADER


def test_an_exporter_who_is_not_staff_gets_no_one_who_left_the_directory(
    client, demo_site, carol, three
):
    grant(carol.user, "wagtailadmin.access_admin", "members.export_members")
    client.force_login(carol.user)

    names = {row["given_name"] for row in exported(client)}

    assert "Una" not in names
    assert {"Yuki", "Wanda", "Nadia"} <= names


def test_an_unknown_export_is_refused(client, demo_site, jess):
    client.force_login(jess)

    assert client.get(EXPORT, {"use": "everything"}).status_code == 400


# The personal-data export


def test_my_data_includes_the_consent_history_and_confirmations(client, demo_site, alice):
    record_consent(alice, Purpose.RESEARCH, True, ConsentSource.REGISTRATION)
    record_consent(alice, Purpose.RESEARCH, False, ConsentSource.SETTINGS)
    earlier = timezone.now() - timedelta(days=30)
    confirm_profile(alice, ConfirmationKind.PROFILE_SAVE, when=earlier)
    confirm_profile(alice, ConfirmationKind.STILL_TRUE)
    client.force_login(alice.user)

    data = json.loads(client.get(reverse("members:profile-export")).content)

    assert [(r["purpose"], r["given"], r["source"]) for r in data["consent_history"]] == [
        ("research", False, "settings"),
        ("research", True, "registration"),
    ]
    assert all(r["policy_version"] and r["recorded_at"] for r in data["consent_history"])
    assert data["consent"] == {
        "directory": True,
        "surveys": True,
        "newsletters": False,
        "research": False,
    }
    assert [c["kind"] for c in data["profile_confirmations"]] == ["still_true", "save"]
    assert data["profile_confirmed_at"] == data["profile_confirmations"][0]["confirmed_at"]
