"""Self-registration, held for approval by JST staff in the Wagtail admin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache

from club.members.models import Institution, Member, MemberStatus, Participation
from club.members.registration import Registration, register_member
from tests.factories import UserFactory

PASSWORD = "blossoms in tsukuba"


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


def registration_data(**overrides) -> dict[str, str]:
    data = {
        "given_name": "Nguyen",
        "family_name": "Lan",
        "email": "lan@example.org",
        "nationality": "VN",
        "country": "VN",
        "preferred_language": "ja",
        "programme": "B",
        "fiscal_year": "2019",
        "host_institution": "Tohoku University",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    return {**data, **overrides}


def register(**overrides) -> Member:
    return register_member(
        Registration(
            given_name="Nguyen",
            family_name="Lan",
            email="lan@example.org",
            password=PASSWORD,
            nationality="VN",
            country="VN",
            preferred_language=overrides.pop("preferred_language", "en"),
            **overrides,
        )
    )


def test_registering_creates_a_pending_member_and_an_inactive_account(client, demo_site, jess):
    response = client.post("/en/account/register/", registration_data())

    assert response["Location"] == "/en/account/register/done/"
    member = Member.objects.get(contact_email="lan@example.org")
    assert member.status == MemberStatus.PENDING
    assert not member.user.is_active
    assert member.user.check_password(PASSWORD)
    assert (member.nationality.code, member.country.code) == ("VN", "VN")
    participation = Participation.objects.get(member=member)
    assert (participation.programme, participation.fiscal_year) == ("B", 2019)
    assert participation.host_institution.name == "Tohoku University"


def test_the_done_page_says_the_registration_awaits_approval(client, demo_site):
    response = client.get("/en/account/register/done/")

    assert "awaiting approval" in response.content.decode()


def test_staff_who_approve_are_told_about_a_registration(client, demo_site, jess):
    client.post("/en/account/register/", registration_data())

    staff_mail = [message for message in mail.outbox if jess.email in message.to]
    assert len(staff_mail) == 1
    assert "Nguyen Lan" in staff_mail[0].subject
    assert "/admin/members/registrations/" in staff_mail[0].body


def test_without_approvers_the_server_address_is_told(db, demo_site, settings):
    Permission.objects.get(codename="change_member").group_set.clear()
    get_user_model().objects.filter(is_superuser=True).update(is_active=False)

    register()

    assert mail.outbox[-1].to == [settings.SERVER_EMAIL]


def test_a_known_host_institution_is_reused(client, demo_site):
    known = Institution.objects.create(name="Tohoku University", country="JP")

    client.post("/en/account/register/", registration_data(host_institution="tohoku  university"))

    assert Participation.objects.get().host_institution == known


def test_registering_without_a_programme_records_no_participation(client, demo_site):
    data = registration_data(programme="", fiscal_year="", host_institution="")

    client.post("/en/account/register/", data)

    assert Member.objects.filter(contact_email="lan@example.org").exists()
    assert not Participation.objects.exists()


@pytest.mark.parametrize("email", ["alice@example.org", "ALICE@Example.ORG"])
def test_an_address_in_use_gets_the_same_answer_and_its_owner_an_email(
    client, demo_site, alice, email
):
    fresh = client.post("/en/account/register/", registration_data(email="new@example.org"))
    mail.outbox.clear()

    response = client.post("/en/account/register/", registration_data(email=email))

    # Nothing on the page says the address is in use: anyone could ask.
    assert response.status_code == fresh.status_code == 302
    assert response["Location"] == fresh["Location"]
    assert Member.objects.filter(status=MemberStatus.PENDING).count() == 1
    assert [message.to for message in mail.outbox] == [[email]]
    assert f"/{alice.preferred_language}/account/password-reset/" in mail.outbox[0].body


def test_a_private_contact_address_is_not_revealed_either(client, demo_site, alice):
    alice.contact_email = "alice.private@example.org"
    alice.visibility_contact = "private"
    alice.save()

    response = client.post(
        "/en/account/register/", registration_data(email="alice.private@example.org")
    )

    assert response.status_code == 302
    assert response["Location"].endswith("/account/register/done/")


@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "not an email"},
        {"fiscal_year": "abc"},
        {"fiscal_year": "1999"},
        {"programme": "Z"},
        {"programme": "A", "fiscal_year": ""},
        {"programme": "", "fiscal_year": "2019"},
        {"country": "ZZ"},
        {"nationality": ""},
        {"preferred_language": "fr"},
        {"given_name": "x" * 5000},
        {"host_institution": "y" * 5000},
        {"password2": "different password"},
        {"password1": "lan@example.org", "password2": "lan@example.org"},
        {"password1": "123", "password2": "123"},
    ],
)
def test_bad_registration_data_is_a_form_error(client, demo_site, overrides):
    response = client.post("/en/account/register/", registration_data(**overrides))

    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Member.objects.filter(status=MemberStatus.PENDING).exists()


def test_an_empty_registration_is_a_form_error(client, demo_site):
    assert client.post("/en/account/register/", {}).status_code == 200


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_registration_form_renders(client, demo_site, language):
    response = client.get(f"/{language}/account/register/")

    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()


def test_a_pending_member_cannot_sign_in(client, demo_site):
    member = register()

    response = client.post(
        "/en/account/login/", {"username": member.user.username, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "awaiting approval" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_a_pending_member_gets_no_password_reset_email(client, demo_site):
    register()
    mail.outbox.clear()

    client.post("/en/account/password-reset/", {"email": "lan@example.org"})

    assert mail.outbox == []


def test_staff_see_pending_registrations(client, demo_site, jess):
    register()
    client.force_login(jess)

    response = client.get("/admin/members/registrations/")

    assert response.status_code == 200
    assert "Nguyen Lan" in response.content.decode()
    assert "lan@example.org" in response.content.decode()


def test_staff_approval_activates_and_welcomes_in_the_member_language(client, demo_site, jess):
    member = register(preferred_language="ja")
    mail.outbox.clear()
    client.force_login(jess)

    response = client.post(f"/admin/members/registrations/{member.pk}/approve/")

    assert response.status_code == 302
    member.refresh_from_db()
    member.user.refresh_from_db()
    assert member.status == MemberStatus.ACTIVE
    assert member.user.is_active
    assert [message.to for message in mail.outbox] == [["lan@example.org"]]
    assert "/ja/account/login/" in mail.outbox[0].body


def test_an_approved_member_can_sign_in(client, demo_site, jess):
    member = register()
    client.force_login(jess)
    client.post(f"/admin/members/registrations/{member.pk}/approve/")
    client.logout()

    response = client.post(
        "/en/account/login/", {"username": member.user.username, "password": PASSWORD}
    )

    assert response.status_code == 302


def test_approval_needs_post(client, demo_site, jess):
    member = register()
    client.force_login(jess)

    assert client.get(f"/admin/members/registrations/{member.pk}/approve/").status_code == 405
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING


def test_rejection_asks_first_then_deletes_and_emails_politely(client, demo_site, jess):
    member = register()
    mail.outbox.clear()
    client.force_login(jess)

    confirm = client.get(f"/admin/members/registrations/{member.pk}/reject/")
    assert confirm.status_code == 200
    assert Member.objects.filter(pk=member.pk).exists()

    response = client.post(f"/admin/members/registrations/{member.pk}/reject/")

    assert response.status_code == 302
    assert not Member.objects.filter(pk=member.pk).exists()
    assert not get_user_model().objects.filter(email="lan@example.org").exists()
    assert [message.to for message in mail.outbox] == [["lan@example.org"]]


def test_only_pending_registrations_can_be_decided(client, demo_site, jess, alice):
    client.force_login(jess)

    reject = client.post(f"/admin/members/registrations/{alice.pk}/reject/", follow=True)
    approve = client.post("/admin/members/registrations/999999/approve/", follow=True)

    assert "already approved or rejected" in reject.content.decode()
    assert "already approved or rejected" in approve.content.decode()
    assert Member.objects.filter(pk=alice.pk).exists()
    assert mail.outbox == []


def test_a_registration_decided_twice_is_handled_once(client, demo_site, jess):
    member = register()
    mail.outbox.clear()
    client.force_login(jess)

    client.post(f"/admin/members/registrations/{member.pk}/approve/")
    second = client.post(f"/admin/members/registrations/{member.pk}/reject/", follow=True)

    assert second.status_code == 200
    assert Member.objects.get(pk=member.pk).status == MemberStatus.ACTIVE
    assert len(mail.outbox) == 1


def test_a_member_cannot_reach_the_approval_view(client, demo_site, alice):
    member = register()
    client.force_login(alice.user)

    listing = client.get("/admin/members/registrations/")
    approve = client.post(f"/admin/members/registrations/{member.pk}/approve/")

    assert listing.status_code == 302
    assert listing["Location"].startswith("/admin/login/")
    assert approve.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING


def test_a_visitor_is_sent_to_the_admin_login(client, demo_site):
    response = client.get("/admin/members/registrations/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_editor_without_the_permission_is_refused(client, demo_site):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    member = register()
    client.force_login(editor)

    listing = client.get("/admin/members/registrations/")
    approve = client.post(f"/admin/members/registrations/{member.pk}/approve/")

    assert listing.status_code == 302
    assert listing["Location"] == "/admin/"
    assert approve.status_code == 302
    member.refresh_from_db()
    assert member.status == MemberStatus.PENDING


def test_the_dashboard_reminds_staff_of_pending_registrations(client, demo_site, jess):
    register()
    client.force_login(jess)

    response = client.get("/admin/")

    assert "1 registration is waiting for approval." in response.content.decode()
