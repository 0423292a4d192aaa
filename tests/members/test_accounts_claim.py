"""Claiming an imported profile through a one-time invitation link."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from club.members.invitations import send_invitation
from club.members.models import Invitation, MemberStatus
from tests.factories import MemberFactory, UserFactory

NEW_PASSWORD = "blossoms in tsukuba"


@pytest.fixture
def devi(db):
    """An alumna JST imported from a roster: an account without a usable password yet."""
    user = UserFactory(username="devi", email="devi@example.org")
    user.set_unusable_password()
    user.save()
    return MemberFactory(user=user, given_name="Devi", family_name="Prasad")


def link_path(member) -> str:
    """The path of the claim link emailed to ``member``."""
    send_invitation(member)
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    return re.sub(r"^https?://[^/]+", "", link)


def claim_path(member, client) -> str:
    """Open the emailed link: the token moves into the session; the form's path is returned."""
    response = client.get(link_path(member))
    assert response.status_code == 302
    assert "/set-password/" in response["Location"]
    return response["Location"]


def claim_data(**overrides) -> dict[str, str]:
    data = {
        "given_name": "Devi",
        "family_name": "Prasad",
        "preferred_language": "ja",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    return {**data, **overrides}


def expected_landing(language: str = "en") -> str:
    with translation.override(language):
        try:
            return reverse("members:profile")
        except NoReverseMatch:
            return reverse("wagtail_serve", args=[""])


def test_the_claim_page_says_who_the_invitation_is_for(client, demo_site, devi):
    response = client.get(claim_path(devi, client))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Devi Prasad" in html
    assert "devi@example.org" in html


def test_claiming_sets_the_password_signs_in_and_uses_the_invitation(client, demo_site, devi):
    path = claim_path(devi, client)

    response = client.post(path, claim_data(given_name="Devika"))

    assert response.status_code == 302
    assert response["Location"] == expected_landing("ja")  # the language just chosen
    assert response.wsgi_request.user == devi.user
    devi.refresh_from_db()
    devi.user.refresh_from_db()
    assert devi.user.check_password(NEW_PASSWORD)
    assert devi.user.is_active
    assert devi.given_name == "Devika"
    assert devi.preferred_language == "ja"
    assert devi.status == MemberStatus.ACTIVE
    assert devi.invitations.get().used_at is not None


def test_a_claimed_member_can_sign_in_with_the_new_password(client, demo_site, devi):
    client.post(claim_path(devi, client), claim_data())
    client.post("/en/account/logout/")

    response = client.post("/en/account/login/", {"username": "devi", "password": NEW_PASSWORD})

    assert response.status_code == 302


def test_a_used_link_cannot_be_used_again(client, demo_site, devi):
    link = link_path(devi)
    form = client.get(link)["Location"]
    client.post(form, claim_data())
    client.post("/en/account/logout/")

    again = client.get(link)
    replay = client.post(form, claim_data(password1="another pass 123", password2="x"))

    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert replay.status_code == 404
    devi.user.refresh_from_db()
    assert devi.user.check_password(NEW_PASSWORD)


def test_the_token_never_stays_in_the_address_or_the_page(client, demo_site, devi):
    link = link_path(devi)
    token = link.rstrip("/").rsplit("/", 1)[1]

    opened = client.get(link)
    form = client.get(opened["Location"])

    assert token not in opened["Location"]
    assert form.status_code == 200
    assert token not in form.content.decode()
    # No no-referrer policy: under it Chromium posts the form with "Origin: null".
    assert "no-referrer" not in form.content.decode()


def test_the_form_posted_with_a_same_origin_header_is_accepted(demo_site, devi):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    form = browser.get(browser.get(link_path(devi))["Location"])
    token = form.cookies["csrftoken"].value

    response = browser.post(
        form.wsgi_request.path,
        {**claim_data(), "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )

    assert response.status_code == 302


def test_the_form_without_an_invitation_in_the_session_is_not_found(client, demo_site):
    response = client.get("/en/account/claim/set-password/")

    assert response.status_code == 404
    assert "ask JST for a new invitation link" in response.content.decode()


def test_an_expired_link_is_gone(client, demo_site, devi):
    path = link_path(devi)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.get(path)

    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert "ask JST for a new invitation link" in response.content.decode()


def test_only_the_newest_link_works(client, demo_site, devi):
    first = link_path(devi)
    link_path(devi)

    assert client.get(first).status_code == 404


@pytest.mark.parametrize(
    "token", ["unknown-token", "x" * 500, "%00", "..", "' OR 1=1 --", "日本語"]
)
def test_unknown_tokens_get_a_friendly_not_found(client, demo_site, token):
    response = client.get(f"/en/account/claim/{token}/")

    assert response.status_code == 404
    assert "ask JST for a new invitation link" in response.content.decode()


def test_a_tampered_token_is_not_found(client, demo_site, devi):
    path = link_path(devi)
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]

    assert client.get(tampered).status_code == 404
    assert client.post(tampered, claim_data()).status_code == 404


def test_the_invalid_link_page_works_in_japanese(client, demo_site):
    response = client.get("/ja/account/claim/unknown/")

    assert response.status_code == 404
    assert '<html lang="ja">' in response.content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        {"password2": "something else entirely"},
        {"password1": "12345678", "password2": "12345678"},
        {"password1": "devi", "password2": "devi"},
        {"given_name": ""},
        {"preferred_language": "xx"},
        {"given_name": "x" * 5000},
    ],
)
def test_bad_claim_data_is_a_form_error_and_keeps_the_link(client, demo_site, devi, overrides):
    path = claim_path(devi, client)

    response = client.post(path, claim_data(**overrides))

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert devi.invitations.get().used_at is None
    assert not response.wsgi_request.user.is_authenticated


def test_an_empty_post_redisplays_the_form(client, demo_site, devi):
    response = client.post(claim_path(devi, client), {})

    assert response.status_code == 200
    assert devi.invitations.get().used_at is None


def test_claiming_creates_an_account_for_a_member_without_one(client, demo_site):
    member = MemberFactory(user=None, contact_email="ravi@example.org", given_name="Ravi")

    response = client.post(claim_path(member, client), claim_data(given_name="Ravi"))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.user.email == "ravi@example.org"
    assert member.user.check_password(NEW_PASSWORD)
    assert response.wsgi_request.user == member.user


def test_an_invitation_is_void_once_the_account_is_active(client, demo_site, devi):
    link = link_path(devi)
    devi.user.set_password("the password she chose")
    devi.user.is_active = True
    devi.user.save()

    opened = client.get(link)
    posted = client.post("/en/account/claim/set-password/", claim_data())

    assert opened.status_code in (404, 410)
    assert posted.status_code == 404
    devi.user.refresh_from_db()
    assert devi.user.check_password("the password she chose")
