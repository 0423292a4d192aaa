"""Re-visits in the Wagtail admin: JST staff add, change and remove them, reconciled."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from club.members.models import Revisit, RevisitSource
from tests.factories import InstitutionFactory, ParticipationFactory, RevisitFactory

D = date.fromisoformat


@pytest.fixture
def kyoto(db):
    return InstitutionFactory(name="Kyoto University")


@pytest.fixture
def alumna(alice):
    ParticipationFactory(member=alice, start_date=D("2018-07-02"), end_date=D("2018-07-09"))
    return alice


@pytest.fixture
def staff(client, jess):
    client.force_login(jess)
    return client


def form(member, institution, **values: Any) -> dict[str, Any]:
    data = {
        "member": str(member.pk),
        "kind": "degree",
        "institution": str(institution.pk) if institution else "",
        "start_date": "2020-04-01",
        "end_date": "2022-03-31",
        "funding": "mext",
        "source_note": "MEXT list 2020",
    }
    data.update(values)
    return data


def test_staff_add_a_revisit_recorded_by_jst(staff, alumna, kyoto):
    assert staff.get(reverse("revisit-admin:add")).status_code == 200

    response = staff.post(reverse("revisit-admin:add"), form(alumna, kyoto), follow=True)

    [revisit] = alumna.revisits.all()
    assert (revisit.source, revisit.institution, revisit.source_note) == (
        RevisitSource.JST,
        kyoto,
        "MEXT list 2020",
    )
    assert "recorded by JST" in response.content.decode()
    listing = staff.get(reverse("revisit-admin:index")).content.decode()
    assert "Alice Anand" in listing and "Recorded by JST" in listing


def test_adding_a_stay_the_member_declared_confirms_it(staff, alumna, kyoto):
    declared = RevisitFactory(
        member=alumna, institution=kyoto, start_date=D("2020-10-01"), kind="exchange"
    )

    response = staff.post(reverse("revisit-admin:add"), form(alumna, kyoto), follow=True)

    assert list(alumna.revisits.values_list("pk", "source", "kind")) == [
        (declared.pk, RevisitSource.BOTH, "degree")
    ]
    assert "one re-visit confirmed by both" in response.content.decode()


def test_editing_a_declaration_in_the_admin_makes_it_jsts_too(staff, alumna, kyoto):
    declared = RevisitFactory(member=alumna, institution=kyoto, start_date=D("2020-10-01"))

    staff.post(reverse("revisit-admin:edit", args=[declared.pk]), form(alumna, kyoto))

    declared.refresh_from_db()
    assert (declared.source, declared.start_date) == (RevisitSource.BOTH, D("2020-04-01"))


def test_bad_dates_are_refused_with_a_message(staff, alumna, kyoto):
    too_early = staff.post(
        reverse("revisit-admin:add"), form(alumna, kyoto, start_date="2018-07-05")
    )
    backwards = staff.post(reverse("revisit-admin:add"), form(alumna, kyoto, end_date="2019-01-01"))
    future = staff.post(
        reverse("revisit-admin:add"), form(alumna, kyoto, start_date="2090-01-01", end_date="")
    )

    assert "must begin after" in too_early.content.decode()
    assert "cannot be before the start date" in backwards.content.decode()
    assert "too far in the future" in future.content.decode()
    assert not Revisit.objects.exists()


def test_removing_jsts_record_keeps_the_members_declaration(staff, alumna, kyoto):
    both = RevisitFactory(member=alumna, institution=kyoto, source=RevisitSource.BOTH)
    jst_only = RevisitFactory(
        member=alumna, institution=None, start_date=D("2023-01-01"), source=RevisitSource.JST
    )

    page = staff.get(reverse("revisit-admin:delete", args=[both.pk])).content.decode()
    assert "keeps their declaration" in page
    staff.post(reverse("revisit-admin:delete", args=[both.pk]))
    staff.post(reverse("revisit-admin:delete", args=[jst_only.pk]))

    assert list(alumna.revisits.values_list("pk", "source")) == [(both.pk, RevisitSource.MEMBER)]


def test_the_member_chooser_finds_members_by_name_or_roster_id(staff, alumna, bob):
    alumna.roster_id = "SSP-77"
    alumna.save()
    url = reverse("member_chooser:choose_results")

    by_name = staff.get(url, {"q": "anand"}).content.decode()
    by_id = staff.get(url, {"q": "ssp-77"}).content.decode()

    assert "Alice Anand" in by_name and "Bob Boonmee" not in by_name
    assert "Alice Anand" in by_id
    assert staff.get(reverse("member_chooser:choose")).status_code == 200


def test_coordinators_and_members_cannot_reach_the_revisit_admin(client, carol, alice, kyoto):
    for user in (carol.user, alice.user):
        client.force_login(user)
        for url in (reverse("revisit-admin:index"), reverse("revisit-admin:add")):
            assert "/admin/login/" in client.get(url).url
        client.post(reverse("revisit-admin:add"), form(alice, kyoto))
    assert not Revisit.objects.exists()
