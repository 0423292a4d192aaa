"""Downloading all my data, and deleting my account while keeping anonymous statistics."""

from __future__ import annotations

import json
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from club.members.lifecycle import ANONYMISED_NAME, anonymise_member, export_member_data
from club.members.models import (
    CareerEntry,
    ChapterMembership,
    Invitation,
    Member,
    MemberLink,
    MemberStatus,
    Participation,
    Revisit,
    SubjectGroupMembership,
)
from club.members.photos import check_photo, replace_photo
from tests.factories import (
    CareerEntryFactory,
    ParticipationFactory,
    RevisitFactory,
    SubjectGroupFactory,
)

EXPORT_KEYS = {
    "exported_at",
    "account",
    "member",
    "visibility",
    "links",
    "fields",
    "participations",
    "revisits",
    "careers",
    "chapters",
    "subject_groups",
    "invitations",
    "consent",
    "consent_history",
    "profile_confirmed_at",
    "profile_confirmations",
}


@pytest.fixture
def alice_with_history(alice):
    alice.native_name = "アリス・アナンド"
    alice.bio = "Alice designs bridges."
    alice.save()
    alice.fields.add("Civil engineering")
    MemberLink.objects.create(member=alice, label="Site", url="https://alice.example.org")
    ParticipationFactory(member=alice, start_date=date(2016, 7, 1))
    RevisitFactory(member=alice, start_date=date(2019, 4, 1))
    CareerEntryFactory(member=alice, position="Bridge engineer", organisation="L&T")
    SubjectGroupMembership.objects.create(
        member=alice, group=SubjectGroupFactory(name="Infrastructure")
    )
    Invitation.issue(alice, alice.user.email)
    return alice


@pytest.fixture
def bob_with_history(bob):
    CareerEntryFactory(member=bob, position="Rice geneticist", organisation="Kasetsart")
    return bob


def test_export_is_a_utf8_json_attachment_with_everything(
    client, demo_site, alice_with_history, bob_with_history
):
    client.force_login(alice_with_history.user)

    response = client.get(reverse("members:profile-export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert "アリス・アナンド".encode() in response.content  # real UTF-8, not \u escapes
    data = json.loads(response.content.decode("utf-8"))
    assert set(data) == EXPORT_KEYS
    assert data["account"]["username"] == "alice"
    assert data["account"]["email"] == "alice@example.org"
    assert {"date_joined", "last_login"} <= set(data["account"])
    assert data["member"]["bio"] == "Alice designs bridges."
    assert data["visibility"]["bio"] == "members"
    assert data["links"] == [{"label": "Site", "url": "https://alice.example.org"}]
    assert data["fields"] == ["Civil engineering"]
    assert data["participations"][0]["programme"] == "A"
    assert data["revisits"][0]["start_date"] == "2019-04-01"
    assert data["careers"][0]["position"] == "Bridge engineer"
    assert data["chapters"][0]["chapter"] == "India chapter"
    assert data["chapters"][0]["role"] == "member"
    assert data["subject_groups"][0]["group"] == "Infrastructure"
    assert set(data["invitations"][0]) == {"created_at", "expires_at", "used_at"}


def test_export_holds_no_secret_and_no_other_members_data(
    client, demo_site, alice_with_history, bob_with_history
):
    client.force_login(alice_with_history.user)

    body = client.get(reverse("members:profile-export")).content.decode()

    invitation = Invitation.objects.get(member=alice_with_history)
    assert invitation.token_hash not in body
    assert "password" not in body
    assert "Bob" not in body and "Boonmee" not in body
    assert "Rice geneticist" not in body
    assert "Thailand chapter" not in body


def test_the_export_service_includes_the_photo_facts_but_no_file_path(alice, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 64)).save(buffer, format="PNG")
    image = replace_photo(alice, check_photo(SimpleUploadedFile("a.png", buffer.getvalue())))

    data = export_member_data(alice)

    assert data["member"]["photo"]["width"] == 64
    assert image.file.name not in json.dumps(data)


def test_the_delete_page_says_what_stays_and_why(client, demo_site, alice):
    client.force_login(alice.user)

    page = client.get(reverse("members:profile-delete")).content.decode()

    assert "country of residence and nationality" in page
    assert "the programmes you took part in" in page
    assert "your re-visits to Japan" in page
    assert "statistics" in page
    assert 'name="password"' in page


def test_a_wrong_password_deletes_nothing(client, demo_site, alice):
    client.force_login(alice.user)

    response = client.post(reverse("members:profile-delete"), {"password": "wrong"})

    assert response.status_code == 200
    assert "That is not your password" in response.content.decode()
    alice.refresh_from_db()
    assert alice.status == MemberStatus.ACTIVE
    assert get_user_model().objects.filter(username="alice").exists()


def test_deleting_anonymises_keeps_statistics_and_signs_out(
    client, demo_site, alice_with_history, bob_with_history
):
    alice = alice_with_history
    user_pk = alice.user.pk
    client.force_login(alice.user)

    response = client.post(reverse("members:profile-delete"), {"password": "correct horse battery"})

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.user is None
    assert not get_user_model().objects.filter(pk=user_pk).exists()
    assert alice.status == MemberStatus.ANONYMISED
    assert alice.anonymised_at is not None
    assert (alice.given_name, alice.family_name, alice.native_name) == (ANONYMISED_NAME, "", "")
    assert (alice.bio, alice.contact_email, alice.position) == ("", "", "")
    assert (alice.country.code, alice.nationality.code) == ("IN", "IN")
    assert Participation.objects.filter(member=alice).count() == 1
    assert Revisit.objects.filter(member=alice).count() == 1
    assert not CareerEntry.objects.filter(member=alice).exists()
    assert not MemberLink.objects.filter(member=alice).exists()
    assert not alice.fields.exists()
    assert not ChapterMembership.objects.filter(member=alice).exists()
    assert not SubjectGroupMembership.objects.filter(member=alice).exists()
    assert not Invitation.objects.filter(member=alice).exists()
    # Bob is untouched.
    assert bob_with_history.careers.count() == 1
    assert Member.objects.get(pk=bob_with_history.pk).given_name == "Bob"
    # Signed out: the profile area now asks to sign in.
    follow = client.get(reverse("members:profile"))
    assert follow.status_code == 302
    assert reverse("members:login") in follow["Location"]


def test_anonymising_deletes_the_photo_and_its_file(
    alice, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    buffer = BytesIO()
    PillowImage.new("RGB", (64, 64)).save(buffer, format="PNG")
    image = replace_photo(alice, check_photo(SimpleUploadedFile("a.png", buffer.getvalue())))
    image.get_rendition("fill-32x32")
    assert len([p for p in Path(tmp_path).rglob("*") if p.is_file()]) == 2

    with django_capture_on_commit_callbacks(execute=True):
        anonymise_member(alice)

    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert [p for p in Path(tmp_path).rglob("*") if p.is_file()] == []


def test_an_anonymised_member_is_hidden_from_other_members(client, demo_site, alice, bob):
    alice.visibility_profile = "public"
    alice.save()
    anonymise_member(alice)
    client.force_login(bob.user)

    assert client.get(reverse("members:member-detail", args=[alice.pk])).status_code == 404
