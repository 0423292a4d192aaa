"""The "my profile" area: editing the profile, links, careers and re-visits, only one's own."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from club.members.models import CareerEntry, FieldTag, MemberLink, Revisit, RevisitSource
from tests.factories import (
    CareerEntryFactory,
    InstitutionFactory,
    ParticipationFactory,
    RevisitFactory,
)

AREA_URLS = [
    "members:profile",
    "members:profile-edit",
    "members:profile-careers",
    "members:profile-revisits",
    "members:profile-participations",
    "members:profile-photo",
    "members:profile-privacy",
    "members:profile-export",
    "members:profile-delete",
    "members:consent-settings",
]


def formset_data(prefix: str, rows: list[dict[str, Any]], initial: int = 0) -> dict[str, Any]:
    """POST data for a formset: the management form plus one entry per row."""
    data: dict[str, Any] = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data


def profile_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "given_name": "Ananya",
        "family_name": "Sharma",
        "native_name": "अनन्या शर्मा",
        "name_order": "given_first",
        "bio": "I study perovskite solar cells.",
        "bio_ja": "ペロブスカイト太陽電池を研究しています。",
        "country": "JP",
        "nationality": "IN",
        "field_tags": "Materials science, solar energy",
        "position": "Doctoral student",
        "organisation": "Tohoku University",
        "contact_email": "ananya@example.org",
        "preferred_language": "ja",
        "open_to_mentoring": "on",
        **formset_data("links", []),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("name", AREA_URLS)
def test_it_sends_anonymous_visitors_to_sign_in(client, demo_site, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert reverse("members:login") in response["Location"]


@pytest.mark.parametrize("name", AREA_URLS)
def test_it_shows_a_friendly_page_to_users_without_a_profile(client, demo_site, jess, name):
    client.force_login(jess)

    response = client.get(reverse(name))

    assert response.status_code == 404
    assert "This account has no alumni profile" in response.content.decode()


def test_overview_shows_my_own_profile_with_edit_links(client, demo_site, alice):
    CareerEntryFactory(member=alice, position="Metallurgist", organisation="Tata Steel")
    client.force_login(alice.user)

    page = client.get(reverse("members:profile")).content.decode()

    assert "Alice Anand" in page
    assert "Metallurgist" in page
    assert reverse("members:profile-edit") in page
    assert reverse("members:profile-careers") in page
    assert reverse("members:member-detail", args=[alice.pk]) in page


def test_my_japanese_pages_name_my_fields_in_japanese(client, demo_site, alice):
    alice.fields.add(FieldTag.objects.create(name="Hydrology", name_ja="水文学", curated=True))
    client.force_login(alice.user)

    overview = client.get("/ja/account/profile/").content.decode()
    edit = client.get("/ja/account/profile/edit/").content.decode()

    assert "水文学" in overview and "Hydrology" not in overview.split("<main", 1)[1]
    assert ">水文学</button>" in edit


def test_it_saves_the_profile_with_fields_and_links(client, demo_site, alice):
    FieldTag.objects.get_or_create(name="Materials science", defaults={"curated": True})
    client.force_login(alice.user)
    data = profile_data(
        **formset_data("links", [{"label": "ORCID", "url": "https://orcid.org/0000-0001"}])
    )

    response = client.post(reverse("members:profile-edit"), data)

    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.given_name == "Ananya"
    assert alice.native_name == "अनन्या शर्मा"
    assert alice.bio_ja.startswith("ペロブスカイト")
    assert alice.country.code == "JP"
    assert alice.preferred_language == "ja"
    assert alice.open_to_mentoring is True
    assert sorted(tag.name for tag in alice.fields.all()) == ["Materials science", "solar energy"]
    assert FieldTag.objects.filter(name__iexact="materials science").count() == 1
    assert [(link.label, link.url) for link in alice.links.all()] == [
        ("ORCID", "https://orcid.org/0000-0001")
    ]


def test_edit_page_suggests_curated_fields(client, demo_site, alice):
    FieldTag.objects.get_or_create(name="Robotics", defaults={"curated": True})
    client.force_login(alice.user)

    page = client.get(reverse("members:profile-edit")).content.decode()

    assert 'data-tag="Robotics"' in page


def test_it_shows_errors_and_saves_nothing_on_bad_input(client, demo_site, alice):
    client.force_login(alice.user)
    data = profile_data(given_name="", contact_email="not-an-email", country="XX")

    response = client.post(reverse("members:profile-edit"), data)

    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"given_name", "contact_email", "country"}
    alice.refresh_from_db()
    assert alice.given_name == "Alice"


def test_it_edits_and_deletes_links(client, demo_site, alice):
    keep = MemberLink.objects.create(member=alice, label="Lab", url="https://lab.example.org")
    drop = MemberLink.objects.create(member=alice, label="Old", url="https://old.example.org")
    client.force_login(alice.user)
    rows = [
        {"id": keep.pk, "label": "My lab", "url": "https://lab.example.org/new"},
        {"id": drop.pk, "label": "Old", "url": "https://old.example.org", "DELETE": "on"},
    ]

    response = client.post(
        reverse("members:profile-edit"), profile_data(**formset_data("links", rows, initial=2))
    )

    assert response.status_code == 302
    assert list(alice.links.values_list("label", "url")) == [
        ("My lab", "https://lab.example.org/new")
    ]


def test_it_rejects_foreign_profile_changes_through_hidden_fields(client, demo_site, alice, bob):
    bob_link = MemberLink.objects.create(member=bob, label="Bob", url="https://bob.example.org")
    client.force_login(alice.user)
    rows = [{"id": bob_link.pk, "member": bob.pk, "label": "Hacked", "url": "https://x.example"}]
    data = profile_data(
        id=bob.pk, pk=bob.pk, member=bob.pk, user=bob.user.pk, **formset_data("links", rows, 1)
    )

    client.post(reverse("members:profile-edit"), data)

    bob.refresh_from_db()
    bob_link.refresh_from_db()
    assert bob.given_name == "Bob"
    assert (bob_link.label, bob_link.member_id) == ("Bob", bob.pk)
    assert not MemberLink.objects.filter(label="Hacked", member=bob).exists()


def test_there_are_no_pk_based_edit_urls(client, demo_site, alice, bob):
    client.force_login(alice.user)

    response = client.post(f"{reverse('members:profile-edit')}{bob.pk}/", profile_data())

    assert response.status_code == 404
    bob.refresh_from_db()
    assert bob.given_name == "Bob"


# Careers


def career_row(**values: Any) -> dict[str, Any]:
    row = {
        "position": "Engineer",
        "organisation": "Infosys",
        "country": "IN",
        "start_date": "2019-04-01",
        "end_date": "",
    }
    row.update(values)
    return row


def test_it_adds_edits_and_deletes_careers(client, demo_site, alice):
    edited = CareerEntryFactory(member=alice, position="Intern", is_current=False)
    deleted = CareerEntryFactory(member=alice, position="Trainee", is_current=False)
    client.force_login(alice.user)
    rows = [
        career_row(id=edited.pk, position="Research engineer", end_date="2020-03-31"),
        career_row(id=deleted.pk, position="Trainee", DELETE="on"),
        career_row(position="Lecturer", start_date="2021-04-01", is_current="on"),
    ]

    response = client.post(reverse("members:profile-careers"), formset_data("careers", rows, 2))

    assert response.status_code == 302
    positions = set(alice.careers.values_list("position", "is_current"))
    assert positions == {("Research engineer", False), ("Lecturer", True)}
    assert not CareerEntry.objects.filter(pk=deleted.pk).exists()


def test_a_career_ending_before_it_starts_is_an_error_on_the_end_date(client, demo_site, alice):
    client.force_login(alice.user)
    rows = [career_row(start_date="2020-01-01", end_date="2019-01-01")]

    response = client.post(reverse("members:profile-careers"), formset_data("careers", rows))

    assert response.status_code == 200
    form = response.context["formset"].forms[0]
    assert "end date cannot be before the start date" in str(form.errors["end_date"])
    assert "end date cannot be before the start date" in response.content.decode()
    assert not alice.careers.exists()


def test_a_current_position_cannot_have_an_end_date(client, demo_site, alice):
    client.force_login(alice.user)
    rows = [career_row(end_date="2022-01-01", is_current="on")]

    response = client.post(reverse("members:profile-careers"), formset_data("careers", rows))

    form = response.context["formset"].forms[0]
    assert "current position has no end date" in str(form.errors["end_date"])
    assert not alice.careers.exists()


def test_it_cannot_edit_another_members_career(client, demo_site, alice, bob):
    bobs = CareerEntryFactory(member=bob, position="Professor")
    client.force_login(alice.user)
    rows = [career_row(id=bobs.pk, position="Hacked", DELETE="on")]

    client.post(reverse("members:profile-careers"), formset_data("careers", rows, 1))

    bobs.refresh_from_db()
    assert (bobs.position, bobs.member_id) == ("Professor", bob.pk)


# Re-visits


def revisit_row(**values: Any) -> dict[str, Any]:
    row = {
        "kind": "researcher",
        "institution_name": "Kyoto University",
        "start_date": "2022-10-01",
        "end_date": "",
        "funding": "jsps",
    }
    row.update(values)
    return row


@pytest.fixture
def kyoto(db):
    return InstitutionFactory(name="Kyoto University")


def test_it_adds_edits_and_deletes_revisits(client, demo_site, alice, kyoto):
    ParticipationFactory(member=alice, start_date=date(2018, 7, 2))
    edited = RevisitFactory(member=alice, start_date=date(2020, 4, 1))
    deleted = RevisitFactory(member=alice, start_date=date(2021, 4, 1))
    client.force_login(alice.user)
    rows = [
        revisit_row(id=edited.pk, kind="degree", start_date="2020-04-01", end_date="2022-03-31"),
        revisit_row(id=deleted.pk, start_date="2021-04-01", DELETE="on"),
        revisit_row(institution_name="kyoto university"),
    ]

    response = client.post(reverse("members:profile-revisits"), formset_data("revisits", rows, 2))

    assert response.status_code == 302
    edited.refresh_from_db()
    assert (edited.kind, edited.end_date, edited.institution) == (
        "degree",
        date(2022, 3, 31),
        kyoto,
    )
    assert not Revisit.objects.filter(pk=deleted.pk).exists()
    added = alice.revisits.get(start_date=date(2022, 10, 1))
    assert (added.institution, added.source, added.funding) == (kyoto, RevisitSource.MEMBER, "jsps")


def test_a_revisit_before_the_first_programme_ended_is_an_error(client, demo_site, alice, kyoto):
    ParticipationFactory(member=alice, start_date=date(2018, 7, 2), end_date=date(2018, 7, 9))
    client.force_login(alice.user)
    rows = [revisit_row(start_date="2018-07-09")]

    response = client.post(reverse("members:profile-revisits"), formset_data("revisits", rows))

    assert response.status_code == 200
    form = response.context["formset"].forms[0]
    assert "must begin after your first Sakura Science programme" in str(form.errors["start_date"])
    assert not alice.revisits.exists()


def test_a_revisit_ending_before_it_starts_is_an_error(client, demo_site, alice, kyoto):
    client.force_login(alice.user)
    rows = [revisit_row(start_date="2022-10-01", end_date="2022-01-01")]

    response = client.post(reverse("members:profile-revisits"), formset_data("revisits", rows))

    assert "end_date" in response.context["formset"].forms[0].errors
    assert not alice.revisits.exists()


def test_an_unknown_institution_is_a_clear_error(client, demo_site, alice):
    client.force_login(alice.user)
    rows = [revisit_row(institution_name="University of Nowhere")]

    response = client.post(reverse("members:profile-revisits"), formset_data("revisits", rows))

    errors = response.context["formset"].forms[0].errors
    assert "We do not know" in str(errors["institution_name"])
    assert not alice.revisits.exists()


def test_a_jst_recorded_revisit_is_shown_but_cannot_be_changed(client, demo_site, alice, kyoto):
    recorded = RevisitFactory(
        member=alice, start_date=date(2019, 10, 1), source=RevisitSource.JST, institution=kyoto
    )
    client.force_login(alice.user)

    page = client.get(reverse("members:profile-revisits"))
    assert "Recorded by JST" in page.content.decode()
    assert recorded not in [form.instance for form in page.context["formset"]]

    rows = [revisit_row(id=recorded.pk, kind="other", start_date="2023-01-01", DELETE="on")]
    client.post(reverse("members:profile-revisits"), formset_data("revisits", rows, 1))
    rows = [revisit_row(id=recorded.pk, kind="other", start_date="2023-01-01")]
    client.post(reverse("members:profile-revisits"), formset_data("revisits", rows, 1))

    recorded.refresh_from_db()
    # The posted stay overlaps JST's ongoing record at the same institution, so it confirms
    # the record (club/members/revisits.py) but cannot change it.
    assert (recorded.kind, recorded.start_date, recorded.source) == (
        "degree",
        date(2019, 10, 1),
        RevisitSource.BOTH,
    )
    assert alice.revisits.count() == 1


def test_a_member_cannot_declare_a_revisit_as_recorded_by_jst(client, demo_site, alice, kyoto):
    client.force_login(alice.user)
    rows = [revisit_row(source="jst")]

    client.post(reverse("members:profile-revisits"), formset_data("revisits", rows))

    assert list(alice.revisits.values_list("source", flat=True)) == [RevisitSource.MEMBER]


def test_participations_are_listed_read_only(client, demo_site, alice):
    ParticipationFactory(member=alice, fiscal_year=2018)
    client.force_login(alice.user)

    response = client.get(reverse("members:profile-participations"))
    page = response.content.decode()

    assert "Course A: science and technology experience" in page
    assert "Tohoku University" in page
    assert client.post(reverse("members:profile-participations")).status_code == 405


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("name", [url for url in AREA_URLS if url != "members:profile-export"])
def test_every_area_page_renders_in_both_languages(client, demo_site, alice, name, language):
    CareerEntryFactory(member=alice)
    ParticipationFactory(member=alice)
    RevisitFactory(member=alice, source=RevisitSource.JST)
    client.force_login(alice.user)
    # Inside the override, so the request's language does not leak into later tests.
    with translation.override(language):
        url = reverse(name)
        response = client.get(url)

    assert response.status_code == 200
    assert url.startswith(f"/{language}/")
    assert f'<html lang="{language}">' in response.content.decode()
