"""Sending a wave: invitations for its audience, then mails in batches over one SMTP session.

Every mail carries the person's own answer link and a one-click unsubscribe (RFC 8058:
``List-Unsubscribe`` and ``List-Unsubscribe-Post``, and a visible link). A recipient the
mail server refuses is recorded as failed; the rest of the batch still goes.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Max, QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from club import mail
from club.members.models import Member, Purpose
from club.public_urls import absolute
from club.surveys.audience import EmptyAudience, audience
from club.surveys.models import Invitation, InvitationState, Wave
from club.surveys.tokens import answer_token, unsubscribe_token

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
INSERT_SIZE = 1000
INVITATION = "invitation"
REMINDER = "reminder"
KINDS = (INVITATION, REMINDER)


def batches(invitation_ids: QuerySet[Invitation, int]) -> Iterator[list[int]]:
    """The ids, ``BATCH_SIZE`` at a time in pk order, each page read by keyset (``pk > last``).

    Only one batch is ever in memory, however large the wave; no query grows with it.
    """
    last = 0
    while batch := list(invitation_ids.filter(pk__gt=last).order_by("pk")[:BATCH_SIZE]):
        yield batch
        last = batch[-1]


def _last_pk(wave: Wave) -> int:
    return wave.invitations.aggregate(last=Max("pk"))["last"] or 0


@transaction.atomic
def invite_audience(wave: Wave, now: datetime | None = None) -> QuerySet[Invitation, int]:
    """Create an invitation for each person in the audience not yet invited; their ids, lazily.

    Raises ``EmptyAudience`` (and writes nothing) when the filters select nobody.
    """
    moment = now or timezone.now()
    member_ids = (
        audience(wave, moment)
        .exclude(survey_invitations__wave=wave)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=INSERT_SIZE)
    )
    # Neither the audience nor the new invitations are ever held whole: members stream from
    # a server-side cursor into inserts of INSERT_SIZE, and the caller reads the invitations
    # back by pk range, so memory and query size stay flat in the number of alumni.
    before = _last_pk(wave)
    while chunk := list(islice(member_ids, INSERT_SIZE)):
        Invitation.objects.bulk_create(
            [Invitation(wave=wave, member_id=member_id, created_at=moment) for member_id in chunk],
            ignore_conflicts=True,
        )
    after = _last_pk(wave)
    if after == before and not wave.invitations.exists():
        raise EmptyAudience
    if wave.sent_at is None:
        wave.sent_at = moment
        wave.save(update_fields=["sent_at"])
    # This run's rows: pks are handed out in order, so they lie above what the wave had. The
    # range is fixed, so the set stays the same while the batches change the rows' states.
    return (
        Invitation.objects.filter(wave=wave, pk__gt=before, pk__lte=after)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def due_reminders(wave: Wave, now: datetime | None = None) -> QuerySet[Invitation, int]:
    """Claim the reminders due now: sent, not answered or unsubscribed, not yet reminded.

    The ids claimed come back lazily (those stamped ``reminded_at`` with this moment).
    """
    moment = now or timezone.now()
    if not wave.is_open(moment):
        return Invitation.objects.none().values_list("pk", flat=True)
    # The claim is one UPDATE: a second run, or a second worker, finds nothing left to remind.
    Invitation.objects.filter(
        wave=wave,
        state=InvitationState.SENT,
        reminded_at__isnull=True,
        sent_at__lte=moment - timedelta(days=wave.reminder_after_days),
        member__in=Member.objects.consenting(Purpose.SURVEYS),
    ).update(reminded_at=moment)
    claimed = Invitation.objects.filter(wave=wave, reminded_at=moment)
    return claimed.order_by("pk").values_list("pk", flat=True)


def links(invitation: Invitation, language: str) -> dict[str, str]:
    """The person's own answer, "still true" and unsubscribe addresses, on the public site."""
    with translation.override(language):
        token = answer_token(invitation)
        answer = reverse("surveys:answer", kwargs={"token": token})
        still_true = reverse("surveys:still-true", kwargs={"token": token})
        unsubscribe = reverse(
            "surveys:unsubscribe", kwargs={"token": unsubscribe_token(invitation)}
        )
    return {
        "answer_url": absolute(answer),
        "still_true_url": absolute(still_true),
        "unsubscribe_url": absolute(unsubscribe),
    }


def build_message(
    invitation: Invitation, kind: str, connection: BaseEmailBackend | None = None
) -> EmailMultiAlternatives | None:
    """The invitation or reminder for one person, in their language; None without an address."""
    member = invitation.member
    address = mail.member_address(member)
    if not address:
        return None
    language = member.preferred_language or settings.LANGUAGE_CODE
    wave = invitation.wave
    urls = links(invitation, language)
    context: dict[str, Any] = {
        "member": member,
        "wave_title": wave.title_in(language),
        "closes_on": wave.closes_on,
        "reminder": kind == REMINDER,
        **urls,
    }
    message = mail.build(
        "surveys/email/invitation", context, [address], language, connection=connection
    )
    message.extra_headers["List-Unsubscribe"] = f"<{urls['unsubscribe_url']}>"
    message.extra_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return message


def _sendable(invitation: Invitation, kind: str) -> bool:
    """Still to be sent: state and consent are read again, as they may have changed."""
    wanted = InvitationState.QUEUED if kind == INVITATION else InvitationState.SENT
    if invitation.state != wanted or not invitation.wave.is_open():
        return False
    consent = invitation.member.consent_surveys
    return consent is not False


def send_batch(invitation_ids: Sequence[int], kind: str) -> dict[str, int]:
    """Send one batch over one SMTP session: counts of sent, failed and skipped.

    Raises when the SMTP server is away, after recording what went: the worker retries.
    """
    invitations = (
        Invitation.objects.filter(pk__in=invitation_ids)
        .select_related("wave", "member", "member__user")
        .order_by("pk")
    )
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    sent: list[int] = []
    connection = get_connection()
    try:
        for invitation in invitations:
            if not _sendable(invitation, kind):
                counts["skipped"] += 1
                continue
            message = build_message(invitation, kind, connection)
            if message is None:
                _fail(invitation, kind, "no address")
                counts["failed"] += 1
                continue
            try:
                connection.open()  # a no-op while the session is open
                connection.send_messages([message])
            except smtplib.SMTPRecipientsRefused as error:
                # The server refused this address; the session stays usable for the rest.
                _fail(invitation, kind, _refusal(error))
                counts["failed"] += 1
            except smtplib.SMTPConnectError:  # the server is away, as below
                _record_sent(kind, sent)
                raise
            except smtplib.SMTPResponseException as error:
                # The server refused this message: it is failed; the next opens a new session.
                connection.close()
                logger.warning("Survey mail to invitation %s failed: %s", invitation.pk, error)
                _fail(invitation, kind, str(error)[:300])
                counts["failed"] += 1
            except OSError:
                # The server is away (refused, dropped, timed out): nobody else is failed.
                # What went is recorded, the rest stays queued, and the task fails so the
                # worker runs it again, as for every other e-mail (docs/faults.md).
                _record_sent(kind, sent)
                raise
            else:
                sent.append(invitation.pk)
                counts["sent"] += 1
    finally:
        connection.close()
    _record_sent(kind, sent)
    return counts


def _record_sent(kind: str, sent: list[int]) -> None:
    """Invitations that went are sent (a reminder leaves the state as it is)."""
    if kind == INVITATION and sent:
        Invitation.objects.filter(pk__in=sent, state=InvitationState.QUEUED).update(
            state=InvitationState.SENT, sent_at=timezone.now()
        )


def _refusal(error: smtplib.SMTPRecipientsRefused) -> str:
    reasons = [
        f"{address}: {code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"
        for address, (code, reply) in error.recipients.items()
    ]
    return "; ".join(reasons)[:300] or "refused"


def _fail(invitation: Invitation, kind: str, reason: str) -> None:
    """A failed invitation counts as failed; a failed reminder leaves the sent one counted."""
    changes: dict[str, Any] = {"failed_at": timezone.now(), "failure": reason}
    if kind == INVITATION:
        changes["state"] = InvitationState.FAILED
    Invitation.objects.filter(pk=invitation.pk).update(**changes)
