"""RSVPs: taking a seat, the waitlist, and giving a seat back.

Seats are taken only while holding a row lock on the event (``SELECT ... FOR UPDATE``
on PostgreSQL), so two members answering for the last seat at the same moment are
served one after the other: one gets it, the other joins the waitlist. The
one-RSVP-per-member rule is a database constraint as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from club.events.emails import EmailKind
from club.events.models import RSVP, EventPage, RSVPStatus
from club.events.tasks import queue_email
from club.events.times import local_datetime
from club.members.models import Member, MemberStatus
from club.page_cache import depends_on, event_tag

ACTIVE_STATUSES = (RSVPStatus.GOING, RSVPStatus.WAITLIST)


class RSVPRefused(Exception):
    """The answer cannot be taken; the message says why, for the member."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class RSVPOutcome:
    """What an answer did: the member's RSVP, whether it changed, and who moved up."""

    rsvp: RSVP
    changed: bool
    promoted: list[RSVP] = field(default_factory=list)


@dataclass(frozen=True)
class Availability:
    """Seats of an event as members see them."""

    capacity: int | None
    going: int
    waiting: int

    @property
    def left(self) -> int | None:
        return None if self.capacity is None else max(self.capacity - self.going, 0)

    @property
    def is_full(self) -> bool:
        return self.capacity is not None and self.going >= self.capacity


def availability(event: EventPage) -> Availability:
    event = event.canonical
    depends_on(event_tag(event.pk))
    counts = RSVP.objects.filter(event=event).aggregate(
        going=Count("pk", filter=Q(status=RSVPStatus.GOING)),
        waiting=Count("pk", filter=Q(status=RSVPStatus.WAITLIST)),
    )
    return Availability(capacity=event.capacity, going=counts["going"], waiting=counts["waiting"])


def closed_reason(event: EventPage, now: datetime | None = None) -> str | None:
    """Why the event takes no more 'going' answers, or None while it does."""
    event = event.canonical
    now = now or timezone.now()
    if now >= event.end:
        return _("This event is over; it no longer takes RSVPs.")
    if now >= event.rsvp_closes_at:
        return _("RSVPs for this event closed on %(deadline)s (%(zone)s).") % {
            "deadline": local_datetime(event.rsvp_closes_at, event.time_zone),
            "zone": event.time_zone_label,
        }
    return None


def waitlist_position(rsvp: RSVP) -> int | None:
    """1 for the next person to get a seat; None if not waiting."""
    if rsvp.status != RSVPStatus.WAITLIST:
        return None
    earlier = Q(waitlisted_at__lt=rsvp.waitlisted_at) | Q(
        waitlisted_at=rsvp.waitlisted_at, pk__lt=rsvp.pk
    )
    return RSVP.objects.filter(event_id=rsvp.event_id).waitlist().filter(earlier).count() + 1


def _lock_event(event: EventPage) -> int | None:
    """Lock the event's row until the transaction ends; return its current capacity."""
    capacity = (
        EventPage.objects.select_for_update(of=("self",))
        .filter(pk=event.pk)
        .values_list("capacity", flat=True)
    )
    rows = list(capacity)
    if not rows:
        raise RSVPRefused(_("This event no longer exists."))
    return rows[0]


def _fill_seats(event: EventPage, capacity: int | None, now: datetime) -> list[RSVP]:
    """Move waitlisted members into free seats, first come first served (event locked)."""
    if now >= event.start:
        return []  # a seat freed during the event is no use to anyone on the waitlist
    waiting = RSVP.objects.filter(event=event).waitlist().select_for_update()
    if capacity is not None:
        free = capacity - RSVP.objects.filter(event=event).going().count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for rsvp in promoted:
        rsvp.status = RSVPStatus.GOING
        rsvp.responded_at = now
        rsvp.save(update_fields=["status", "responded_at"])
        queue_email(rsvp, EmailKind.PROMOTED)
    return promoted


def _member_rsvp(
    event: EventPage, member: Member, status: RSVPStatus, now: datetime
) -> tuple[RSVP, bool]:
    """The member's RSVP row, locked, and whether it was just created with ``status``."""
    rsvp = RSVP.objects.select_for_update().filter(event=event, member=member).first()
    if rsvp is not None:
        return rsvp, False
    try:
        with transaction.atomic():
            rsvp = RSVP.objects.create(
                event=event,
                member=member,
                status=status,
                responded_at=now,
                waitlisted_at=now if status == RSVPStatus.WAITLIST else None,
            )
            return rsvp, True
    except IntegrityError:
        # The same member answered twice at once (two tabs); the constraint kept one row.
        return RSVP.objects.select_for_update().get(event=event, member=member), False


def respond(
    event: EventPage, member: Member | None, going: bool, now: datetime | None = None
) -> RSVPOutcome:
    """Record the member's answer. 'Going' takes a free seat or a waitlist place.

    Withdrawing a 'going' answer frees the seat for the first person on the waitlist,
    who is told by email. Raises ``RSVPRefused`` after the deadline or the event.
    """
    now = now or timezone.now()
    event = event.canonical
    if member is None or member.status != MemberStatus.ACTIVE:
        raise RSVPRefused(_("Only active club members can answer invitations to events."))
    if going:
        reason = closed_reason(event, now)
        if reason:
            raise RSVPRefused(reason)
    elif now >= event.end:
        raise RSVPRefused(_("This event is over; it no longer takes RSVPs."))

    with transaction.atomic():
        capacity = _lock_event(event)
        wanted = RSVPStatus.NOT_GOING
        if going:
            going_count = RSVP.objects.filter(event=event).going().count()
            # Nobody jumps the queue: while people wait, newcomers wait behind them.
            someone_waiting = RSVP.objects.filter(event=event).waitlist().exists()
            seat_free = capacity is None or going_count < capacity
            wanted = RSVPStatus.GOING if seat_free and not someone_waiting else RSVPStatus.WAITLIST
        rsvp, created = _member_rsvp(event, member, wanted, now)
        if created:
            if wanted in ACTIVE_STATUSES:
                queue_email(rsvp, EmailKind(wanted))
            return RSVPOutcome(rsvp=rsvp, changed=True)
        return _change(event, rsvp, wanted, capacity, now)


def _change(
    event: EventPage, rsvp: RSVP, wanted: RSVPStatus, capacity: int | None, now: datetime
) -> RSVPOutcome:
    """Apply an answer to an existing RSVP (event and RSVP rows locked)."""
    previous = rsvp.status
    if wanted in ACTIVE_STATUSES and previous in ACTIVE_STATUSES:
        return RSVPOutcome(rsvp=rsvp, changed=False)  # already has a seat or a place in line
    if wanted == RSVPStatus.NOT_GOING:
        if previous not in ACTIVE_STATUSES:
            return RSVPOutcome(rsvp=rsvp, changed=False)
        wanted = RSVPStatus.CANCELLED
    rsvp.status = wanted
    rsvp.responded_at = now
    rsvp.waitlisted_at = now if wanted == RSVPStatus.WAITLIST else None
    rsvp.checked_in_at = None
    rsvp.checked_in_by = None
    rsvp.save(
        update_fields=["status", "responded_at", "waitlisted_at", "checked_in_at", "checked_in_by"]
    )
    promoted: list[RSVP] = []
    if wanted in ACTIVE_STATUSES:
        queue_email(rsvp, EmailKind(wanted))
    elif previous == RSVPStatus.GOING:
        promoted = _fill_seats(event, capacity, now)
    return RSVPOutcome(rsvp=rsvp, changed=True, promoted=promoted)


def fill_free_seats(event: EventPage, now: datetime | None = None) -> list[RSVP]:
    """Promote waitlisted members into seats freed by a larger capacity (after an edit)."""
    now = now or timezone.now()
    event = event.canonical
    with transaction.atomic():
        capacity = _lock_event(event)
        return _fill_seats(event, capacity, now)
