"""RSVP emails: queued on the durable backend, sent in the member's language, with an .ics."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from club.events.attendance import respond
from club.events.models import RSVP, RSVPStatus
from club.events.tasks import send_rsvp_email

JOIN = "https://meet.example.org/room-7"


def queued(kind: str | None = None) -> list[list]:
    """Arguments of the RSVP emails waiting on the durable backend."""
    rows = DBTaskResult.objects.filter(
        backend_name="durable", task_path="club.events.tasks.send_rsvp_email"
    )
    args = [row.args_kwargs["args"] for row in rows]
    return [a for a in args if kind is None or a[1] == kind]


def ics_of(message) -> icalendar.Calendar:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    assert attachment[2].startswith("text/calendar")
    return icalendar.Calendar.from_ical(attachment[1])


def test_going_queues_a_confirmation_on_the_durable_backend(
    make_event, alice, django_capture_on_commit_callbacks
):
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        rsvp = respond(event, alice, going=True).rsvp

    assert queued() == [[rsvp.pk, "going"]]
    assert mail.outbox == []  # the worker sends it, not the request


def test_the_confirmation_has_the_event_an_ics_and_the_join_link(make_event, alice):
    event = make_event(title="Delhi reunion", mode="hybrid", join_url=JOIN)
    rsvp = respond(event, alice, going=True).rsvp

    assert send_rsvp_email.call(rsvp.pk, "going") is True

    (message,) = mail.outbox
    assert message.to == [alice.user.email]
    assert message.subject == "You are going: Delhi reunion"
    assert "Dear Alice Anand" in message.body
    assert JOIN in message.body
    # The public address (SITE_URL), not the Wagtail Site's host name without its port.
    assert f"http://localhost:8000{event.url}rsvp/" in message.body
    (vevent,) = ics_of(message).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Delhi reunion"
    assert JOIN in str(vevent["DESCRIPTION"])


def test_the_confirmation_names_the_zone_for_people(make_event, alice):
    event = make_event(time_zone="Asia/Kolkata")
    rsvp = respond(event, alice, going=True).rsvp

    send_rsvp_email.call(rsvp.pk, "going")

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    for text in (message.body, html):
        assert "(India Standard Time (UTC+5:30))" in text
        assert "Asia/Kolkata" not in text


def test_the_waitlist_notice_has_no_join_link(make_event, make_member, alice):
    event = make_event(capacity=1, mode="online", join_url=JOIN, venue="")
    respond(event, make_member(), going=True)
    rsvp = respond(event, alice, going=True).rsvp

    send_rsvp_email.call(rsvp.pk, "waitlist")

    (message,) = mail.outbox
    assert message.subject.startswith("You are on the waitlist")
    assert JOIN not in message.body
    assert JOIN not in str(message.attachments[0][1])


def test_the_promoted_member_is_told_by_email(
    make_event, make_member, alice, django_capture_on_commit_callbacks
):
    event = make_event(capacity=1)
    holder = make_member()
    respond(event, holder, going=True)
    waiting = respond(event, alice, going=True).rsvp

    with django_capture_on_commit_callbacks(execute=True):
        respond(event, holder, going=False)

    assert queued("promoted") == [[waiting.pk, "promoted"]]
    send_rsvp_email.call(waiting.pk, "promoted")
    assert mail.outbox[0].subject.startswith("A place is yours")
    assert mail.outbox[0].to == [alice.user.email]


def test_a_confirmation_for_a_seat_given_back_is_not_sent(make_event, alice):
    event = make_event()
    rsvp = respond(event, alice, going=True).rsvp
    respond(event, alice, going=False)

    assert send_rsvp_email.call(rsvp.pk, "going") is False
    assert mail.outbox == []


def test_emails_are_written_in_the_members_language(make_event, alice):
    alice.preferred_language = "ja"
    alice.save()
    event = make_event(title="Delhi reunion")
    rsvp = respond(event, alice, going=True).rsvp

    send_rsvp_email.call(rsvp.pk, "going")

    (message,) = mail.outbox
    assert "テスト同窓会" in message.subject
    assert "/ja/events/" in message.body
    assert "テスト同窓会" in str(ics_of(message).walk("VEVENT")[0]["SUMMARY"])


def test_html_in_event_text_is_escaped_in_the_html_part(make_event, alice):
    event = make_event(title="<script>alert('x')</script> reunion", translate=False)
    rsvp = respond(event, alice, going=True).rsvp

    send_rsvp_email.call(rsvp.pk, "going")

    html, mimetype = mail.outbox[0].alternatives[0]
    assert mimetype == "text/html"
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_members_without_an_address_get_no_email(make_event, make_member):
    member = make_member(contact_email="")
    member.user.email = ""
    member.user.save()
    rsvp = respond(make_event(), member, going=True).rsvp

    assert send_rsvp_email.call(rsvp.pk, "going") is False


# Reminders.


def test_reminders_are_queued_once_for_events_within_48_hours(
    make_event, make_member, django_capture_on_commit_callbacks
):
    soon = make_event(days=1, capacity=1)
    later = make_event(days=5)
    going, waiting, cancelled = make_member(), make_member(), make_member()
    respond(soon, going, going=True)
    respond(soon, waiting, going=True)
    respond(later, cancelled, going=True)
    far = RSVP.objects.get(member=cancelled)

    with django_capture_on_commit_callbacks(execute=True):
        out = StringIO()
        call_command("send_event_reminders", stdout=out)
        call_command("send_event_reminders", stdout=StringIO())

    mine = RSVP.objects.get(member=going)
    assert "Queued 1 reminder(s)." in out.getvalue()
    assert queued("reminder") == [[mine.pk, "reminder"]]
    assert mine.reminder_queued_at is not None
    assert RSVP.objects.get(pk=far.pk).reminder_queued_at is None


def test_a_reminder_is_sent_at_most_once(make_event, alice):
    event = make_event(days=1)
    rsvp = respond(event, alice, going=True).rsvp

    first = send_rsvp_email.call(rsvp.pk, "reminder")
    second = send_rsvp_email.call(rsvp.pk, "reminder")

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Reminder:")
    assert len(ics_of(mail.outbox[0]).walk("VEVENT")) == 1
    assert RSVP.objects.get(pk=rsvp.pk).reminder_sent_at is not None


def test_a_reminder_the_mail_server_refused_can_be_sent_later(make_event, alice, settings):
    rsvp = respond(make_event(days=1), alice, going=True).rsvp
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2

    with pytest.raises(OSError):  # nothing listens on port 1
        send_rsvp_email.call(rsvp.pk, "reminder")
    assert RSVP.objects.get(pk=rsvp.pk).reminder_sent_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_rsvp_email.call(rsvp.pk, "reminder") is True


def test_past_and_started_events_get_no_reminders(make_event, alice, bob):
    started = make_event(days=-0.01, hours=4)
    RSVP.objects.create(event=started, member=alice, status=RSVPStatus.GOING)

    out = StringIO()
    call_command("send_event_reminders", stdout=out)

    assert "Queued 0 reminder(s)." in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_durable_worker_sends_the_queued_confirmation(make_event, make_member):
    event = make_event(title="Worker reunion", translate=False, start=None, days=3)
    member = make_member()
    respond(event, member, going=True)  # autocommit: the task is queued at once
    assert len(queued("going")) == 1

    call_command(
        "db_worker",
        "--batch",
        "--backend",
        "durable",
        "--no-startup-delay",
        "--queue-name",
        "*",
        verbosity=0,
    )

    (message,) = mail.outbox
    assert message.subject == "You are going: Worker reunion"
    assert len(ics_of(message).walk("VEVENT")) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_reminders_leave_events_further_away_alone(make_event, alice):
    event = make_event(days=2, hours=1)
    event.start = event.start + timedelta(hours=1)
    event.save_revision().publish()
    respond(event, alice, going=True)

    out = StringIO()
    call_command("send_event_reminders", stdout=out)

    assert "Queued 0 reminder(s)." in out.getvalue()
