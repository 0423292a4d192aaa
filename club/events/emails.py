"""RSVP emails: confirmation, waitlist, promotion and reminder, each with an .ics attachment.

Emails are queued on the durable task backend once the RSVP is committed, and
written in the member's preferred language. A queued email is dropped if the RSVP
has changed since (a confirmation for a seat already given back is never sent).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone, translation
from wagtail.models import Locale

from club import mail
from club.events.calendar import event_ics, ics_filename
from club.events.models import RSVP, EventPage, RSVPStatus
from club.public_urls import page_url

logger = logging.getLogger(__name__)


class EmailKind(models.TextChoices):
    GOING = "going"
    WAITLIST = "waitlist"
    PROMOTED = "promoted"
    REMINDER = "reminder"


# The RSVP status each email still needs when it is sent.
REQUIRED_STATUS = {
    EmailKind.GOING: RSVPStatus.GOING,
    EmailKind.WAITLIST: RSVPStatus.WAITLIST,
    EmailKind.PROMOTED: RSVPStatus.GOING,
    EmailKind.REMINDER: RSVPStatus.GOING,
}


def _in_language(event: EventPage, language: str) -> EventPage:
    locale = Locale.objects.filter(language_code=language).first()
    translated = event.get_translation_or_none(locale) if locale else None
    return translated.specific if translated is not None and translated.live else event


def build_message(rsvp: RSVP, kind: EmailKind) -> EmailMultiAlternatives | None:
    """The email for ``kind``, or None if the member has no address or the RSVP moved on."""
    member = rsvp.member
    address = mail.member_address(member)
    if not address or rsvp.status != REQUIRED_STATUS[kind]:
        return None
    language = member.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        event = _in_language(rsvp.event, language)
        confirmed = rsvp.status == RSVPStatus.GOING
        join_url = rsvp.event.join_url if confirmed and event.is_online else ""
        context = {
            "kind": str(kind),
            "member": member,
            "event": event,
            "event_url": page_url(event),
            "rsvp_url": page_url(event) + event.reverse_subpage("rsvp"),
            "join_url": join_url,
            "start": timezone.localtime(event.start, event.zone),
            "end": timezone.localtime(event.end, event.zone),
        }
    message = mail.build("events/email/rsvp", context, [address], language, html=True)
    message.attach(ics_filename(event), event_ics(event, join_url), "text/calendar")
    return message


def deliver(rsvp_id: int, kind: str) -> bool:
    """Send one queued email; reminders at most once per RSVP. True if sent.

    A reminder is claimed with one conditional UPDATE before sending, so two workers cannot
    both send it, and no row stays locked while the mail server is slow.
    """
    kind = EmailKind(kind)
    is_reminder = kind == EmailKind.REMINDER
    if is_reminder:
        claimed = RSVP.objects.filter(pk=rsvp_id, reminder_sent_at__isnull=True).update(
            reminder_sent_at=timezone.now()
        )
        if not claimed:
            return False
    rsvp = RSVP.objects.select_related("member__user", "event").filter(pk=rsvp_id).first()
    message = build_message(rsvp, kind) if rsvp is not None else None
    try:
        if message is None:
            return False
        message.send()
    except BaseException:
        if is_reminder:  # not sent after all: a later run may try again
            RSVP.objects.filter(pk=rsvp_id).update(reminder_sent_at=None)
        raise
    return True
