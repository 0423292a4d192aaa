"""The survey e-mail's one-click "still true": a page shows what we know, one button says it
is all still true, which confirms the profile and answers the wave (no reminder follows)."""

from __future__ import annotations

from django.core import mail

from club.members.models import ConfirmationKind, ProfileConfirmation
from club.surveys.models import Answer, InvitationState
from club.surveys.sending import INVITATION, due_reminders, invite_audience, send_batch


def still_true_link(body: str) -> str:
    (line,) = [line for line in body.splitlines() if "/surveys/still-true/" in line]
    return line.removeprefix("http://localhost:8000")


def test_the_mail_carries_a_still_true_link_in_the_persons_language(make_wave, make_alumnus):
    japanese = make_alumnus(language="ja")
    send_batch(invite_audience(make_wave()), INVITATION)

    (message,) = mail.outbox
    assert message.to == [japanese.contact_email]
    assert still_true_link(message.body).startswith("/ja/surveys/still-true/")


def test_opening_the_link_shows_what_we_know_and_writes_nothing(client, make_wave, make_alumnus):
    member = make_alumnus(position="Lecturer", organisation="University of Colombo")
    send_batch(invite_audience(make_wave()), INVITATION)

    page = client.get(still_true_link(mail.outbox[0].body))

    assert page.status_code == 200
    assert "University of Colombo" in page.content.decode()
    # Mail scanners open links: only the button may answer.
    assert not ProfileConfirmation.objects.filter(member=member).exists()
    assert not Answer.objects.exists()


def test_the_button_confirms_the_profile_once_and_stops_the_reminder(
    client, make_wave, make_alumnus
):
    member = make_alumnus()
    wave = make_wave(reminder_after_days=0)
    send_batch(invite_audience(wave), INVITATION)
    link = still_true_link(mail.outbox[0].body)

    assert client.post(link).status_code == 200
    assert client.post(link).status_code == 200  # a second click is not a second answer

    confirmations = ProfileConfirmation.objects.filter(member=member)
    assert list(confirmations.values_list("kind", flat=True)) == [ConfirmationKind.STILL_TRUE]
    invitation = wave.invitations.get()
    assert invitation.state == InvitationState.ANSWERED
    assert Answer.objects.get(invitation=invitation).submitted == {"unchanged": True}
    assert list(due_reminders(wave)) == []


def test_a_forged_link_is_refused_and_writes_nothing(client, make_wave, make_alumnus):
    member = make_alumnus()
    send_batch(invite_audience(make_wave()), INVITATION)
    forged = still_true_link(mail.outbox[0].body)[:-4] + "abcd/"

    response = client.post(forged)

    assert response.status_code == 404
    assert not ProfileConfirmation.objects.filter(member=member).exists()
