"""QR check-in at the door: signed tickets and marking attendees present.

A ticket is ``<event id>:<rsvp id>:<signature>``, signed with the site's secret key
and a salt of its own, so it cannot be forged, moved to another event, or used to
check someone in twice without the organiser being told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import segno
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from club.events.models import RSVP, EventPage, RSVPStatus
from club.events.times import local_datetime

SALT = "club.events.checkin"
MAX_TOKEN_LENGTH = 200


def ticket_token(rsvp: RSVP) -> str:
    return signing.Signer(salt=SALT).sign(f"{rsvp.event_id}:{rsvp.pk}")


def ticket_qr_data_uri(rsvp: RSVP) -> str:
    """The ticket as an SVG QR code in a data: URI (the site's CSP allows data: images)."""
    qr = segno.make(ticket_token(rsvp), error="m")
    return qr.svg_data_uri(scale=6, border=4, dark="#000", light="#fff")


@dataclass(frozen=True)
class CheckInResult:
    """What a scan did; ``ok`` is False for every refusal, including a repeat scan."""

    ok: bool
    message: str
    rsvp: RSVP | None = None
    already_at: datetime | None = None


def _refuse(message: str, **kwargs: Any) -> CheckInResult:
    return CheckInResult(ok=False, message=message, **kwargs)


def _parse(token: str) -> tuple[int, int] | None:
    """(event id, rsvp id) from a genuine ticket, else None."""
    token = token.strip()
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        value = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    event_id, _sep, rsvp_id = value.partition(":")
    if not (event_id.isdigit() and rsvp_id.isdigit()):
        return None
    return int(event_id), int(rsvp_id)


def check_in(event: EventPage, token: str, by: Any, now: datetime | None = None) -> CheckInResult:
    """Mark the ticket's holder present at ``event``, or say why not."""
    now = now or timezone.now()
    event = event.canonical
    parsed = _parse(token)
    if parsed is None:
        return _refuse(_("This code is not a valid ticket. It may be damaged or forged."))
    event_id, rsvp_id = parsed
    if event_id != event.pk:
        return _refuse(_("This ticket is for another event."))
    with transaction.atomic():
        rsvp = (
            RSVP.objects.select_for_update(of=("self",))
            .select_related("member")
            .filter(pk=rsvp_id, event=event)
            .first()
        )
        if rsvp is None:
            return _refuse(_("This ticket no longer exists."))
        name = rsvp.member.display_name
        if rsvp.status != RSVPStatus.GOING:
            return _refuse(
                _("%(name)s does not have a confirmed seat (%(status)s).")
                % {"name": name, "status": rsvp.get_status_display()},
                rsvp=rsvp,
            )
        if rsvp.checked_in_at is not None:
            at = local_datetime(rsvp.checked_in_at, event.time_zone)  # as on the door list
            return _refuse(
                _("%(name)s is already checked in (%(time)s).") % {"name": name, "time": at},
                rsvp=rsvp,
                already_at=rsvp.checked_in_at,
            )
        rsvp.checked_in_at = now
        rsvp.checked_in_by = by if getattr(by, "is_authenticated", False) else None
        rsvp.save(update_fields=["checked_in_at", "checked_in_by"])
    return CheckInResult(ok=True, message=_("Welcome, %(name)s!") % {"name": name}, rsvp=rsvp)


def check_in_by_hand(event: EventPage, rsvp_id: int, by: Any) -> CheckInResult:
    """The door list's 'present' button: the same rules as a scan, for a guest without a code."""
    rsvp = RSVP.objects.filter(pk=rsvp_id, event=event.canonical).first()
    if rsvp is None:
        return _refuse(_("This person is not on the list for this event."))
    return check_in(event, ticket_token(rsvp), by)
