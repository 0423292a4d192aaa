"""Unsubscribing: RFC 8058 one-click POST without CSRF, and a page with a confirm button; it
withdraws consent for surveys, so the reminder skips the person."""

from __future__ import annotations

from django.test import Client

from club.members.models import ConsentRecord, ConsentSource, Purpose
from club.surveys.models import InvitationState
from club.surveys.sending import due_reminders
from club.surveys.tokens import answer_token, unsubscribe_token


def url(token: str) -> str:
    return f"/en/surveys/unsubscribe/{token}/"


def test_one_click_post_needs_no_csrf_token_and_withdraws_consent(make_wave, make_alumnus, invite):
    wave = make_wave(reminder_after_days=1)
    invitation = invite(wave, make_alumnus(), days_ago=3)
    client = Client(enforce_csrf_checks=True)

    response = client.post(url(unsubscribe_token(invitation)), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    member = invitation.member
    member.refresh_from_db()
    assert member.consent_surveys is False
    (record,) = ConsentRecord.objects.filter(member=member)
    assert (record.purpose, record.given, record.source) == (
        Purpose.SURVEYS,
        False,
        ConsentSource.UNSUBSCRIBE,
    )
    invitation.refresh_from_db()
    assert invitation.state == InvitationState.UNSUBSCRIBED
    assert invitation.unsubscribed_at is not None
    assert list(due_reminders(wave)) == []


def test_the_page_asks_before_unsubscribing(client, make_wave, make_alumnus, invite):
    invitation = invite(make_wave(), make_alumnus())

    response = client.get(url(unsubscribe_token(invitation)))

    assert response.status_code == 200
    assert "Yes, stop survey e-mails" in response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer"
    invitation.member.refresh_from_db()
    assert invitation.member.consent_surveys is None  # a GET changes nothing


def test_unsubscribing_twice_records_one_withdrawal(make_wave, make_alumnus, invite):
    invitation = invite(make_wave(), make_alumnus())
    client = Client(enforce_csrf_checks=True)
    client.post(url(unsubscribe_token(invitation)))
    client.post(url(unsubscribe_token(invitation)))

    assert ConsentRecord.objects.filter(member=invitation.member).count() == 1


def test_a_forged_unsubscribe_link_changes_nothing(make_wave, make_alumnus, invite):
    invitation = invite(make_wave(), make_alumnus())
    client = Client(enforce_csrf_checks=True)

    assert client.post(url("forged")).status_code == 404
    assert client.post(url(answer_token(invitation))).status_code == 404  # another purpose
    assert not ConsentRecord.objects.exists()


def test_an_answered_invitation_stays_answered(make_wave, make_alumnus, invite):
    invitation = invite(make_wave(), make_alumnus(), state=InvitationState.ANSWERED)
    Client().post(url(unsubscribe_token(invitation)))

    invitation.refresh_from_db()
    assert invitation.state == InvitationState.ANSWERED
    invitation.member.refresh_from_db()
    assert invitation.member.consent_surveys is False
