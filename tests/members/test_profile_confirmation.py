""" "Is this still true?": every profile save and a one-click "still true" confirm the profile;
a banner asks signed-in members whose profile is over 12 months old, and nobody else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from club.members.consent import confirm_profile
from club.members.models import ConfirmationKind, Member, ProfileConfirmation
from tests.factories import InstitutionFactory, ParticipationFactory
from tests.members.test_profile_edit import formset_data, profile_data

BANNER = "data-confirm-banner"
HOME = "/en/"


def confirmed(member: Member, days_ago: int) -> None:
    confirm_profile(
        member, ConfirmationKind.PROFILE_SAVE, when=timezone.now() - timedelta(days=days_ago)
    )


def kinds(member: Member) -> list[str]:
    return list(ProfileConfirmation.objects.filter(member=member).values_list("kind", flat=True))


# The banner


@pytest.mark.parametrize("page", [HOME, "/en/account/profile/", "/en/account/consent/"])
def test_a_member_never_confirmed_sees_the_banner_on_their_pages(client, demo_site, alice, page):
    client.force_login(alice.user)

    html = client.get(page).content.decode()

    assert BANNER in html
    assert reverse("members:profile-still-true") in html
    assert f'href="{reverse("members:profile-edit")}"' in html


def test_a_profile_confirmed_over_a_year_ago_brings_the_banner_back(client, demo_site, alice):
    confirmed(alice, days_ago=366)
    client.force_login(alice.user)

    assert BANNER in client.get(HOME).content.decode()


def test_a_recently_confirmed_profile_shows_no_banner(client, demo_site, alice):
    confirmed(alice, days_ago=300)
    client.force_login(alice.user)

    assert BANNER not in client.get(HOME).content.decode()
    assert BANNER not in client.get(reverse("members:profile")).content.decode()


def test_anonymous_visitors_and_staff_without_a_profile_never_see_it(
    client, demo_site, alice, jess
):
    assert BANNER not in client.get(HOME).content.decode()
    client.force_login(jess)
    assert BANNER not in client.get(HOME).content.decode()


def test_the_banner_costs_no_query(client, demo_site, alice, bob):
    confirmed(bob, days_ago=10)

    def queries(member: Member) -> int:
        client.force_login(member.user)
        client.get(HOME)  # warm per-process caches
        with CaptureQueriesContext(connection) as captured:
            html = client.get(HOME).content.decode()
        assert (BANNER in html) is (member == alice)
        return len(captured)

    assert queries(alice) == queries(bob)


# Still true


def test_still_true_confirms_and_the_banner_goes(client, demo_site, alice):
    client.force_login(alice.user)

    response = client.post(reverse("members:profile-still-true"), {"next": HOME})

    assert response.status_code == 302 and response["Location"] == HOME
    alice.refresh_from_db()
    assert alice.profile_confirmed_at > timezone.now() - timedelta(minutes=1)
    assert kinds(alice) == [ConfirmationKind.STILL_TRUE]
    assert BANNER not in client.get(HOME).content.decode()


def test_still_true_never_redirects_off_site(client, demo_site, alice):
    client.force_login(alice.user)

    response = client.post(reverse("members:profile-still-true"), {"next": "https://evil.example/"})

    assert response["Location"] == reverse("members:profile")


def test_still_true_is_a_post_for_signed_in_members_only(client, demo_site, alice):
    assert client.post(reverse("members:profile-still-true")).status_code == 302  # sign in
    client.force_login(alice.user)
    assert client.get(reverse("members:profile-still-true")).status_code == 405
    assert not ProfileConfirmation.objects.exists()


# Every profile save


def test_saving_the_profile_confirms_it(client, demo_site, alice):
    client.force_login(alice.user)

    client.post(reverse("members:profile-edit"), profile_data())

    assert kinds(alice) == [ConfirmationKind.PROFILE_SAVE]
    alice.refresh_from_db()
    assert alice.profile_confirmed_at is not None


def test_saving_careers_and_revisits_confirms_too(client, demo_site, alice):
    ParticipationFactory(member=alice)
    client.force_login(alice.user)

    client.post(reverse("members:profile-careers"), formset_data("careers", []))
    client.post(reverse("members:profile-revisits"), formset_data("revisits", []))

    assert kinds(alice) == [ConfirmationKind.PROFILE_SAVE] * 2


def test_a_form_with_errors_confirms_nothing(client, demo_site, alice):
    InstitutionFactory()
    client.force_login(alice.user)

    client.post(reverse("members:profile-edit"), profile_data(given_name=""))

    assert kinds(alice) == []
