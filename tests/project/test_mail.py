"""Templated mail: subject on one line, text body, optional HTML part, batch connections."""

from __future__ import annotations

from django.core import mail as outbox
from django.core.mail import get_connection

from club import mail

CONTEXT = {"member": {"display_name": "Alice"}, "link": "https://club.example/x", "username": "a"}


def test_build_folds_the_subject_and_sends_from_the_club(settings):
    message = mail.build("members/email/welcome", CONTEXT, ["alice@example.org"], "en")

    assert "\n" not in message.subject and message.subject == message.subject.strip()
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.to == ["alice@example.org"]
    assert "https://club.example/x" in message.body
    assert message.alternatives == []


def test_an_html_part_is_attached_when_asked_for():
    context = {"asker": None, "channel": {"localized_title": "Ch"}, "link": "https://l"}

    message = mail.build("qa/email/answered", context, ["a@example.org"], "en", html=True)

    assert [kind for _body, kind in message.alternatives] == ["text/html"]


def test_a_batch_sends_on_the_connection_it_shares():
    connection = get_connection()

    message = mail.build(
        "members/email/welcome", CONTEXT, ["a@example.org"], "en", connection=connection
    )

    assert message.connection is connection


def test_send_sends_one_mail():
    sent_before = len(outbox.outbox)

    mail.send("members/email/welcome", CONTEXT, ["a@example.org"], "en")

    assert len(outbox.outbox) == sent_before + 1
    assert outbox.outbox[-1].to == ["a@example.org"]
