"""Telling an asker that their question has a written answer."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation

from club import mail
from club.public_urls import absolute
from club.qa.access import author_name
from club.qa.models import Answer


def build_answered_message(answer: Answer) -> EmailMultiAlternatives | None:
    """The email to the question's author, or None if they have no address or wrote the answer."""
    question = answer.question
    asker = question.author
    if asker is None or asker.pk == answer.author_id:
        return None
    address = mail.member_address(asker)
    if not address:
        return None
    channel = question.channel
    language = asker.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        link = absolute(reverse("qa:channel", kwargs={"slug": channel.slug}))
        context = {
            "asker": asker,
            "channel": channel,
            "question": question,
            "answer": answer,
            "answer_author": author_name(answer.author, channel),
            "link": link,
        }
    # The HTML part is autoescaped: a question that contains markup arrives as text.
    return mail.build("qa/email/answered", context, [address], language, html=True)


def send_answered(answer_id: int) -> bool:
    """Send the email for one answer; True if one went out."""
    answer = (
        Answer.objects.select_related("question__author__user", "question__channel", "author")
        .filter(pk=answer_id)
        .first()
    )
    message = build_answered_message(answer) if answer else None
    if message is None:
        return False
    message.send()
    return True
