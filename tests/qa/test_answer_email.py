"""An answer emails the asker through the durable task queue, with their markup escaped."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from club.qa import services
from club.qa.models import Question


def run_queued_tasks() -> None:
    call_command(
        "db_worker", "--batch", "--backend", "durable", "--no-startup-delay", "--queue-name", "*"
    )


@pytest.mark.django_db(transaction=True)
def test_the_asker_is_emailed_once_the_answer_is_committed(channel, alice, bob):
    question = Question.objects.create(
        channel=channel, author=alice, text='<script>alert("x")</script> Which lab?'
    )

    services.answer(bob.user, channel, question.pk, "Try <b>NIMS</b>.")
    assert mail.outbox == []  # queued, not sent inline
    run_queued_tasks()

    [email] = mail.outbox
    assert email.to == [alice.user.email]
    assert "Materials science" in email.subject
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Which lab?" in html
    assert "Try &lt;b&gt;NIMS&lt;/b&gt;." in html
    assert "<script>" not in html
    assert "Try <b>NIMS</b>." in email.body  # the plain-text part is text, not markup


@pytest.mark.django_db(transaction=True)
def test_answering_your_own_question_sends_nothing(channel, alice):
    question = Question.objects.create(channel=channel, author=alice, text="Note to self")

    services.answer(alice.user, channel, question.pk, "Found it myself.")
    run_queued_tasks()

    assert mail.outbox == []
