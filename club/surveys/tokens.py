"""Signed links for one invited person: their answer link and their unsubscribe link.

A token names the invitation, its member and the invitation's key, signed with the
site's secret (``django.core.signing``). Nothing is stored per link; a forged token fails
the signature, and an answer link expires when its wave closes.
"""

from __future__ import annotations

import enum
from datetime import datetime

from django.core import signing
from django.utils import timezone

from club.members.models import MemberStatus
from club.surveys.models import Invitation

ANSWER_SALT = "club.surveys.answer"
UNSUBSCRIBE_SALT = "club.surveys.unsubscribe"


class TokenProblem(enum.Enum):
    UNKNOWN = "unknown"  # forged, damaged, or for an invitation that no longer exists
    EXPIRED = "expired"  # the wave has closed
    NOT_OPEN = "not_open"  # the wave has not opened yet
    OTHER_PERSON = "other_person"  # signed in as someone else


def _token(invitation: Invitation, salt: str) -> str:
    payload = [invitation.pk, invitation.member_id, invitation.key]
    return signing.dumps(payload, salt=salt, compress=True)


def answer_token(invitation: Invitation) -> str:
    return _token(invitation, ANSWER_SALT)


def unsubscribe_token(invitation: Invitation) -> str:
    return _token(invitation, UNSUBSCRIBE_SALT)


def _read(token: str, salt: str) -> Invitation | None:
    try:
        payload = signing.loads(token, salt=salt)
    except (signing.BadSignature, ValueError, UnicodeError):
        return None
    if not (isinstance(payload, list) and len(payload) == 3):
        return None
    invitation_id, member_id, key = payload
    if not (isinstance(invitation_id, int) and isinstance(member_id, int)):
        return None
    invitation = (
        Invitation.objects.select_related("wave", "member")
        .filter(pk=invitation_id, member_id=member_id, key=key)
        .exclude(member__status=MemberStatus.ANONYMISED)
        .first()
    )
    return invitation


def read_answer_token(
    token: str, now: datetime | None = None
) -> tuple[Invitation | None, TokenProblem | None]:
    """The invitation an answer link is for, or why the link cannot be used."""
    invitation = _read(token, ANSWER_SALT)
    if invitation is None:
        return None, TokenProblem.UNKNOWN
    moment = now or timezone.now()
    if moment >= invitation.wave.closes_at:
        return None, TokenProblem.EXPIRED
    if moment < invitation.wave.opens_at:
        return None, TokenProblem.NOT_OPEN
    return invitation, None


def read_unsubscribe_token(token: str) -> Invitation | None:
    """The invitation an unsubscribe link is for; it keeps working after the wave closes."""
    return _read(token, UNSUBSCRIBE_SALT)
