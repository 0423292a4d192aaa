"""Signing in and out, the sign-in throttle, password reset and change, and the header links."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import override_settings

PASSWORD = "correct horse battery"
EMAIL_BACKEND_SETTING = ["club.members.backends.UsernameOrEmailBackend"]


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def signed_in_user(response):
    return response.wsgi_request.user


def test_it_signs_in_with_username_and_password(client, demo_site, alice):
    response = client.post("/en/account/login/", {"username": "alice", "password": PASSWORD})

    assert response.status_code == 302
    assert signed_in_user(response) == alice.user


def test_it_follows_a_safe_next_url(client, demo_site, alice):
    response = client.post(
        "/en/account/login/?next=/en/events/", {"username": "alice", "password": PASSWORD}
    )

    assert response["Location"] == "/en/events/"


def test_it_ignores_a_next_url_on_another_site(client, demo_site, alice):
    response = client.post(
        "/en/account/login/?next=https://evil.example/",
        {"username": "alice", "password": PASSWORD},
    )

    assert "evil.example" not in response["Location"]


def test_wrong_password_shows_an_error(client, demo_site, alice):
    response = client.post("/en/account/login/", {"username": "alice", "password": "nope"})

    assert response.status_code == 200
    assert "do not match an account" in response.content.decode()
    assert not signed_in_user(response).is_authenticated


@override_settings(AUTHENTICATION_BACKENDS=EMAIL_BACKEND_SETTING)
def test_it_signs_in_with_email_in_any_letter_case(client, demo_site, alice):
    response = client.post(
        "/en/account/login/", {"username": "  ALICE@Example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert signed_in_user(response) == alice.user


@override_settings(AUTHENTICATION_BACKENDS=EMAIL_BACKEND_SETTING)
def test_email_backend_rejects_a_wrong_password(client, demo_site, alice):
    response = client.post(
        "/en/account/login/", {"username": "alice@example.org", "password": "wrong"}
    )

    assert response.status_code == 200
    assert not signed_in_user(response).is_authenticated


@override_settings(AUTHENTICATION_BACKENDS=EMAIL_BACKEND_SETTING)
def test_email_backend_rejects_inactive_users(client, demo_site, alice):
    alice.user.is_active = False
    alice.user.save()

    response = client.post(
        "/en/account/login/", {"username": "alice@example.org", "password": PASSWORD}
    )

    assert not signed_in_user(response).is_authenticated


def test_it_blocks_sign_in_after_too_many_failures(client, demo_site, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/account/login/", {"username": "alice", "password": "guess"})

    response = client.post("/en/account/login/", {"username": "ALICE", "password": PASSWORD})

    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "/account/password-reset/" in response.content.decode()
    assert not signed_in_user(response).is_authenticated


def test_guesses_by_username_and_by_email_count_together(client, demo_site, alice, settings):
    half = settings.AXES_FAILURE_LIMIT // 2
    for login in ["alice"] * half + ["Alice@Example.org"] * (settings.AXES_FAILURE_LIMIT - half):
        client.post("/en/account/login/", {"username": login, "password": "guess"})

    response = client.post("/en/account/login/", {"username": "alice", "password": PASSWORD})

    assert response.status_code == 429


@pytest.mark.parametrize("path", ["/admin/login/", "/en/_util/login/"])
def test_wagtails_own_login_pages_are_throttled_too(client, demo_site, alice, settings, path):
    alice.user.is_staff = True
    alice.user.is_superuser = True
    alice.user.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(path, {"username": "alice", "password": "guess"})

    response = client.post(path, {"username": "alice", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_throttle_counts_per_address(client, demo_site, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/account/login/", {"username": "alice", "password": "guess"})

    response = client.post(
        "/en/account/login/",
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
    )

    assert response.status_code == 302


def test_a_successful_sign_in_resets_the_failure_count(client, demo_site, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/en/account/login/", {"username": "alice", "password": "guess"})
    client.post("/en/account/login/", {"username": "alice", "password": PASSWORD})
    client.post("/en/account/logout/")

    client.post("/en/account/login/", {"username": "alice", "password": "guess"})
    response = client.post("/en/account/login/", {"username": "alice", "password": PASSWORD})

    assert response.status_code == 302


def test_sign_out_needs_post(client, demo_site, alice):
    client.force_login(alice.user)

    assert client.get("/en/account/logout/").status_code == 405
    response = client.post("/ja/account/logout/")

    assert response.status_code == 302
    assert response["Location"] == "/ja/"
    assert not signed_in_user(client.get("/ja/")).is_authenticated


@pytest.mark.parametrize("language", ["en", "ja"])
def test_sign_in_page_renders(client, demo_site, language):
    response = client.get(f"/{language}/account/login/")

    assert response.status_code == 200
    assert f'action="/{language}/account/login/"' in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [{}, {"username": "a" * 5000, "password": "x"}, {"username": "", "password": ""}],
)
def test_bad_sign_in_data_is_a_form_error(client, demo_site, data):
    assert client.post("/en/account/login/", data).status_code == 200


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def test_password_reset_emails_a_link_that_sets_a_new_password(client, demo_site, alice):
    response = client.post("/en/account/password-reset/", {"email": "ALICE@example.org"})

    assert response["Location"] == "/en/account/password-reset/done/"
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    link = reset_link(mail.outbox[0])
    assert link.startswith("/en/account/reset/")

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "blossoms in tsukuba", "new_password2": "blossoms in tsukuba"},
    )

    assert done["Location"] == "/en/account/reset/complete/"
    alice.user.refresh_from_db()
    assert alice.user.check_password("blossoms in tsukuba")


def test_a_used_reset_link_is_refused_kindly(client, demo_site, alice):
    client.post("/en/account/password-reset/", {"email": "alice@example.org"})
    link = reset_link(mail.outbox[0])
    page = client.get(link, follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "blossoms in tsukuba", "new_password2": "blossoms in tsukuba"},
    )

    again = client.get(link, follow=True)

    assert again.status_code == 200
    assert "already used or has expired" in again.content.decode()


def test_password_reset_for_an_unknown_address_sends_nothing(client, demo_site):
    response = client.post("/en/account/password-reset/", {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_password_change_needs_sign_in(client, demo_site):
    response = client.get("/en/account/password-change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/account/login/?next=")


def test_a_member_changes_their_password(client, demo_site, alice):
    client.force_login(alice.user)

    response = client.post(
        "/en/account/password-change/",
        {
            "old_password": PASSWORD,
            "new_password1": "blossoms in tsukuba",
            "new_password2": "blossoms in tsukuba",
        },
    )

    assert response["Location"] == "/en/account/password-change/done/"
    assert get_user_model().objects.get(pk=alice.user.pk).check_password("blossoms in tsukuba")


def account_nav(html: str) -> str:
    return html.split('class="account-nav"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_header_offers_sign_in_to_visitors(client, demo_site, language):
    nav = account_nav(client.get(f"/{language}/").content.decode())

    assert f'href="/{language}/account/login/?next=/{language}/"' in nav
    assert "/account/logout/" not in nav


@pytest.mark.parametrize("language", ["en", "ja"])
def test_header_offers_sign_out_to_members(client, demo_site, alice, language):
    client.force_login(alice.user)

    nav = account_nav(client.get(f"/{language}/").content.decode())

    assert f'method="post" action="/{language}/account/logout/"' in nav
    assert "csrfmiddlewaretoken" in nav
    assert "/account/login/" not in nav


def test_header_sign_in_link_in_english_says_so(client, demo_site):
    nav = account_nav(client.get("/en/").content.decode())

    assert "Sign in" in nav


def test_members_land_on_their_profile_and_others_on_the_home_page(client, demo_site, alice, jess):
    alice.preferred_language = "ja"
    alice.save(update_fields=["preferred_language"])
    member = client.post("/ja/account/login/", {"username": "alice", "password": PASSWORD})
    client.post("/ja/account/logout/")
    staff = client.post("/ja/account/login/", {"username": "jess", "password": PASSWORD})

    assert member["Location"] == "/ja/account/profile/"
    assert staff["Location"] == "/ja/"


@pytest.mark.parametrize(("preferred", "signed_in_from"), [("ja", "en"), ("en", "ja")])
def test_members_land_in_their_preferred_language(
    client, demo_site, alice, preferred, signed_in_from
):
    alice.preferred_language = preferred
    alice.save(update_fields=["preferred_language"])

    response = client.post(
        f"/{signed_in_from}/account/login/", {"username": "alice", "password": PASSWORD}
    )

    assert response["Location"] == f"/{preferred}/account/profile/"
