"""Durable background work for survey waves: invitation and reminder batches."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction
from django.db.models import QuerySet
from django_tasks import task

from club.surveys.models import Invitation, Wave
from club.surveys.sending import INVITATION, REMINDER, batches, due_reminders, invite_audience
from club.surveys.sending import send_batch as send_now

logger = logging.getLogger(__name__)


@task(backend="durable")
def send_batch(invitation_ids: list[int], kind: str) -> dict[str, int]:
    """Send one batch of invitations or reminders over one SMTP session."""
    return send_now(invitation_ids, kind)


def queue_batches(invitation_ids: QuerySet[Invitation, int], kind: str) -> int:
    """Queue ``kind`` mails for these invitations, in batches, once this transaction commits.

    The ids are read back a batch at a time when the batches are queued, never held whole.
    """
    count = invitation_ids.count()
    if count:
        transaction.on_commit(partial(_enqueue, invitation_ids, kind))
    return count


def _enqueue(invitation_ids: QuerySet[Invitation, int], kind: str) -> None:
    for batch in batches(invitation_ids):
        send_batch.enqueue(batch, kind)


@transaction.atomic
def send_wave(wave: Wave) -> int:
    """Invite the wave's audience (``EmptyAudience`` if nobody) and queue the mails."""
    return queue_batches(invite_audience(wave), INVITATION)


def send_reminders(wave: Wave) -> int:
    """Queue the reminders due now; each person is reminded at most once."""
    with transaction.atomic():
        return queue_batches(due_reminders(wave), REMINDER)
