"""Answer links: the person's own, signed, expiring at the wave's close; every bad link gets a
clear page, never a 500, and writes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from club.members.models import MemberStatus, ProfileConfirmation, Revisit
from club.surveys.models import Answer
from club.surveys.tokens import ANSWER_SALT, TokenProblem, answer_token, read_answer_token
from tests.factories import MemberFactory, UserFactory


def answer_url(token: str, language: str = "en") -> str:
    return f"/{language}/surveys/answer/{token}/"


FORM = "/en/surveys/answer/form/"


def test_a_good_link_opens_the_form_without_a_password(client, make_wave, make_alumnus, invite):
    member = make_alumnus()
    invitation = invite(make_wave(), member)

    response = client.get(answer_url(answer_token(invitation)))

    assert response.status_code == 302
    assert response["Location"] == FORM  # the token leaves the address bar
    page = client.get(FORM)
    assert page.status_code == 200
    assert member.display_name in page.content.decode()


def test_the_answer_link_is_under_the_language_prefix_of_the_reverse(
    make_wave, make_alumnus, invite
):
    invitation = invite(make_wave(), make_alumnus())
    assert reverse("surveys:answer", kwargs={"token": answer_token(invitation)}).startswith("/en/")


@pytest.mark.parametrize(
    "token",
    ["nonsense", "", "a" * 300, "W1sxLDIsImtleSJdXQ:1abc:forged"],
    ids=["nonsense", "empty-ish", "long", "bad-signature"],
)
def test_a_forged_link_gets_a_clear_page(client, make_wave, make_alumnus, invite, token):
    invite(make_wave(), make_alumnus())

    response = client.get(answer_url(token or "x"))

    assert response.status_code == 404
    assert "This survey link cannot be used" in response.content.decode()


def test_a_link_signed_for_another_purpose_does_not_open_the_form(
    client, make_wave, make_alumnus, invite
):
    invitation = invite(make_wave(), make_alumnus())
    wrong_salt = signing.dumps(
        [invitation.pk, invitation.member_id, invitation.key], salt="club.surveys.unsubscribe"
    )

    assert client.get(answer_url(wrong_salt)).status_code == 404


def test_a_token_naming_another_member_fails(client, make_wave, make_alumnus, invite):
    mine = invite(make_wave(), make_alumnus())
    other = make_alumnus()
    tampered = signing.dumps([mine.pk, other.pk, mine.key], salt=ANSWER_SALT, compress=True)

    assert read_answer_token(tampered) == (None, TokenProblem.UNKNOWN)
    assert client.get(answer_url(tampered)).status_code == 404


def test_a_link_expires_when_its_wave_closes(client, make_wave, make_alumnus, invite):
    wave = make_wave()
    invitation = invite(wave, make_alumnus())
    token = answer_token(invitation)

    assert read_answer_token(token, wave.closes_at - timedelta(seconds=1))[0] == invitation
    assert read_answer_token(token, wave.closes_at) == (None, TokenProblem.EXPIRED)

    wave.closes_on = timezone.localdate() - timedelta(days=1)
    wave.opens_on = wave.closes_on - timedelta(days=10)
    wave.save()
    response = client.get(answer_url(token))
    assert response.status_code == 410
    assert "This survey has closed" in response.content.decode()


def test_an_expired_link_kept_in_the_session_writes_nothing(
    client, make_wave, make_alumnus, invite
):
    wave = make_wave()
    invitation = invite(wave, make_alumnus())
    client.get(answer_url(answer_token(invitation)))
    wave.closes_on = timezone.localdate() - timedelta(days=1)
    wave.opens_on = wave.closes_on - timedelta(days=10)
    wave.save()

    response = client.post(FORM, {"country": "JP"})

    assert response.status_code == 410
    assert not Answer.objects.exists()


def test_a_member_signed_in_cannot_use_another_persons_link(
    client, make_wave, make_alumnus, invite
):
    invitation = invite(make_wave(), make_alumnus())
    someone = MemberFactory(user=UserFactory(username="someone"))
    client.force_login(someone.user)

    response = client.get(answer_url(answer_token(invitation)))

    assert response.status_code == 403
    assert "belongs to someone else" in response.content.decode()


def test_a_link_reused_by_another_person_signed_in_writes_nothing(
    client, make_wave, make_alumnus, invite
):
    invitation = invite(make_wave(), make_alumnus())
    client.get(answer_url(answer_token(invitation)))  # opened while signed out
    someone = MemberFactory(user=UserFactory(username="someone"))
    client.force_login(someone.user)  # the session now belongs to someone else

    response = client.post(FORM, {"country": "JP"})

    assert response.status_code in (403, 404)
    assert not Answer.objects.exists()
    assert not Revisit.objects.exists()
    assert not ProfileConfirmation.objects.exists()


def test_the_member_signed_in_may_use_their_own_link(client, make_wave, invite):
    member = MemberFactory(user=UserFactory(username="own"))
    invitation = invite(make_wave(), member)
    client.force_login(member.user)

    assert client.get(answer_url(answer_token(invitation)), follow=True).status_code == 200


def test_a_form_address_without_a_token_in_the_session_is_refused(client, db):
    assert client.get(FORM).status_code == 404


def test_a_new_key_revokes_the_links_already_sent(client, make_wave, make_alumnus, invite):
    invitation = invite(make_wave(), make_alumnus())
    token = answer_token(invitation)
    invitation.key = "rotated"
    invitation.save()

    assert client.get(answer_url(token)).status_code == 404


def test_the_link_of_a_deleted_member_no_longer_works(client, make_wave, make_alumnus, invite):
    member = make_alumnus()
    invitation = invite(make_wave(), member)
    member.status = MemberStatus.ANONYMISED
    member.save()

    assert client.get(answer_url(answer_token(invitation))).status_code == 404
