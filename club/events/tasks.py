"""Durable background work for events: the RSVP emails, queued once the answer commits."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction
from django_tasks import task

from club.events.emails import EmailKind, deliver
from club.events.models import RSVP

logger = logging.getLogger(__name__)


@task(backend="durable")
def send_rsvp_email(rsvp_id: int, kind: str) -> bool:
    """Send a confirmation, waitlist, promotion or reminder email (see club.events.emails)."""
    return deliver(rsvp_id, kind)


def queue_email(rsvp: RSVP, kind: EmailKind) -> None:
    """Send ``kind`` to the RSVP's member through the worker, once this transaction commits."""
    transaction.on_commit(partial(_enqueue, rsvp.pk, str(kind)))


def _enqueue(rsvp_id: int, kind: str) -> None:
    try:
        send_rsvp_email.enqueue(rsvp_id, kind)
    except Exception:
        # The answer is recorded and shown on the site; a lost email must not undo it.
        logger.exception("Could not queue the %s email for RSVP %s", kind, rsvp_id)
