"""Sending: durable batches over one SMTP session, each mail in the person's language with its
own links and RFC 8058 unsubscribe headers; refused recipients are failed, the rest still go."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from club.members.consent import record_consent
from club.members.models import ConsentSource, Purpose
from club.surveys import sending
from club.surveys.models import InvitationState
from club.surveys.sending import INVITATION, REMINDER, due_reminders, invite_audience, send_batch
from club.surveys.tasks import send_reminders, send_wave
from club.surveys.tokens import read_answer_token, read_unsubscribe_token
from tests.servers import free_port
from tests.smtp_server import SmtpServer


@pytest.fixture
def smtp(settings):
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_USE_SSL = False
        yield server


def queued() -> list[list]:
    rows = DBTaskResult.objects.filter(
        backend_name="durable", task_path="club.surveys.tasks.send_batch"
    )
    return [row.args_kwargs["args"] for row in rows]


def token_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


def test_sending_queues_batches_on_the_durable_backend(
    make_wave, make_alumnus, django_capture_on_commit_callbacks
):
    members = [make_alumnus() for _ in range(3)]
    wave = make_wave()

    with django_capture_on_commit_callbacks(execute=True):
        assert send_wave(wave) == 3

    ((ids, kind),) = queued()
    assert kind == INVITATION
    assert sorted(wave.invitations.values_list("member_id", flat=True)) == sorted(
        m.pk for m in members
    )
    assert len(ids) == 3
    assert mail.outbox == []  # the worker sends, not the request


def test_a_wave_is_invited_and_queued_in_pages_that_do_not_grow_with_the_audience(
    monkeypatch, make_wave, make_alumnus, django_capture_on_commit_callbacks
):
    """Issue 14: memory flat in the audience; no id list, nor a query listing every id."""
    monkeypatch.setattr(sending, "BATCH_SIZE", 2)
    monkeypatch.setattr(sending, "INSERT_SIZE", 2)
    for _ in range(5):
        make_alumnus()
    wave = make_wave()

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert send_wave(wave) == 5

    ids = sorted(wave.invitations.values_list("pk", flat=True))
    assert [args for args, _kind in queued()] == [ids[0:2], ids[2:4], ids[4:5]]
    in_lists = [re.findall(r" IN \(([^()]*)\)", query["sql"]) for query in queries]
    longest_in_list = max((text.count(",") + 1 for found in in_lists for text in found), default=0)
    assert longest_in_list <= 2


def test_each_mail_has_the_unsubscribe_headers_and_the_persons_own_links(make_wave, make_alumnus):
    english = make_alumnus(language="en")
    japanese = make_alumnus(language="ja")
    wave = make_wave()
    ids = invite_audience(wave)

    assert send_batch(ids, INVITATION) == {"sent": 2, "failed": 0, "skipped": 0}

    by_address = {message.to[0]: message for message in mail.outbox}
    for member, language in ((english, "en"), (japanese, "ja")):
        message = by_address[member.contact_email]
        unsubscribe = message.extra_headers["List-Unsubscribe"]
        assert unsubscribe.startswith(f"<http://localhost:8000/{language}/surveys/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        unsubscribe_url = unsubscribe.strip("<>")
        assert unsubscribe_url in message.body  # the visible link
        (answer_url,) = [line for line in message.body.splitlines() if "/surveys/answer/" in line]
        assert answer_url.startswith(f"http://localhost:8000/{language}/surveys/answer/")
        invitation, problem = read_answer_token(token_of(answer_url))
        assert problem is None and invitation.member == member
        assert read_unsubscribe_token(token_of(unsubscribe_url)).member == member
    assert by_address[japanese.contact_email].subject == "日本に戻ってきましたか？ 2026"
    assert by_address[english.contact_email].subject == "Have you come back to Japan? 2026"
    assert set(wave.invitations.values_list("state", flat=True)) == {InvitationState.SENT}


def test_refused_recipients_are_failed_and_the_rest_go_in_one_session(
    smtp, make_wave, make_alumnus
):
    first = make_alumnus(contact_email="first@example.org")
    refused = make_alumnus(contact_email="refuse-me@example.org")
    last = make_alumnus(contact_email="last@example.org")
    wave = make_wave()
    ids = invite_audience(wave)

    counts = send_batch(ids, INVITATION)

    assert counts == {"sent": 2, "failed": 1, "skipped": 0}
    assert sorted(str(m["To"]) for m in smtp.mails) == ["first@example.org", "last@example.org"]
    assert smtp.sessions == 1  # one SMTP connection for the batch
    states = dict(wave.invitations.values_list("member_id", "state"))
    assert states == {
        first.pk: InvitationState.SENT,
        refused.pk: InvitationState.FAILED,
        last.pk: InvitationState.SENT,
    }
    failed = wave.invitations.get(member=refused)
    assert "550" in failed.failure and failed.failed_at is not None
    sent_mail = smtp.mails[0]
    assert sent_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent_mail["List-Unsubscribe"].strip().startswith("<http://localhost:8000/en/surveys/")


def test_a_batch_sends_nothing_twice(make_wave, make_alumnus):
    make_alumnus()
    ids = invite_audience(make_wave())
    send_batch(ids, INVITATION)

    assert send_batch(ids, INVITATION) == {"sent": 0, "failed": 0, "skipped": 1}
    assert len(mail.outbox) == 1


def test_consent_withdrawn_after_queueing_stops_the_mail(make_wave, make_alumnus):
    member = make_alumnus()
    ids = invite_audience(make_wave())
    record_consent(member, Purpose.SURVEYS, False, ConsentSource.SETTINGS)

    assert send_batch(ids, INVITATION)["skipped"] == 1
    assert mail.outbox == []


def test_reminders_go_only_to_those_who_have_not_answered_after_the_delay(
    make_wave, make_alumnus, invite
):
    wave = make_wave(reminder_after_days=7)
    waiting = invite(wave, make_alumnus(), days_ago=8)
    too_recent = invite(wave, make_alumnus(), days_ago=2)
    invite(wave, make_alumnus(), days_ago=8, state=InvitationState.ANSWERED)
    invite(wave, make_alumnus(), days_ago=8, state=InvitationState.UNSUBSCRIBED)
    invite(wave, make_alumnus(), days_ago=8, state=InvitationState.FAILED)
    withdrawn = invite(wave, make_alumnus(), days_ago=8)
    record_consent(withdrawn.member, Purpose.SURVEYS, False, ConsentSource.SETTINGS)

    due = due_reminders(wave)

    assert list(due) == [waiting.pk]
    assert list(due_reminders(wave)) == []  # claimed once
    assert too_recent.pk not in due
    assert send_batch(due, REMINDER)["sent"] == 1
    (message,) = mail.outbox
    assert message.subject == "Reminder: Have you come back to Japan? 2026"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_reminder_queued_before_an_answer_is_not_sent(make_wave, make_alumnus, invite):
    wave = make_wave(reminder_after_days=1)
    invitation = invite(wave, make_alumnus(), days_ago=2)
    due = list(due_reminders(wave))  # the batch as the worker gets it
    invitation.state = InvitationState.ANSWERED
    invitation.save()

    assert send_batch(due, REMINDER) == {"sent": 0, "failed": 0, "skipped": 1}


def test_no_reminders_once_the_wave_has_closed(make_wave, make_alumnus, invite):
    wave = make_wave(reminder_after_days=1)
    invite(wave, make_alumnus(), days_ago=2)
    wave.closes_on = wave.opens_on
    wave.opens_on = wave.opens_on - timedelta(days=3)
    wave.save()

    assert list(due_reminders(wave)) == []


def test_the_reminder_command_queues_the_due_reminders(
    make_wave, make_alumnus, invite, django_capture_on_commit_callbacks, capsys
):
    wave = make_wave(reminder_after_days=1)
    wave.sent_at = wave.opens_at
    wave.save()
    invitation = invite(wave, make_alumnus(), days_ago=2)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_survey_reminders")

    assert queued() == [[[invitation.pk], REMINDER]]
    assert "Queued 1 reminder(s)." in capsys.readouterr().out
    assert send_reminders(wave) == 0


def test_a_reminder_queued_before_the_wave_closed_is_not_sent_after(
    make_wave, make_alumnus, invite
):
    wave = make_wave(reminder_after_days=1)
    invite(wave, make_alumnus(), days_ago=2)
    due = due_reminders(wave)
    wave.closes_on = wave.opens_on
    wave.opens_on = wave.opens_on - timedelta(days=3)
    wave.save()

    assert send_batch(due, REMINDER)["skipped"] == 1
    assert mail.outbox == []


def test_an_smtp_server_that_is_away_fails_nobody_and_the_retry_sends_all(
    settings, make_wave, make_alumnus
):
    """Down is not refused: the invitations stay queued and the task fails, so the worker
    runs it again (as for every e-mail); once the server is back, everyone gets theirs."""
    make_alumnus(contact_email="first@example.org")
    make_alumnus(contact_email="second@example.org")
    wave = make_wave()
    ids = invite_audience(wave)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False

    with pytest.raises(OSError):
        send_batch(ids, INVITATION)
    assert set(wave.invitations.values_list("state", flat=True)) == {InvitationState.QUEUED}

    with SmtpServer() as server:
        settings.EMAIL_PORT = server.port
        assert send_batch(ids, INVITATION) == {"sent": 2, "failed": 0, "skipped": 0}
    assert set(wave.invitations.values_list("state", flat=True)) == {InvitationState.SENT}
