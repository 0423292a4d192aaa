"""Two members racing for the last seat at the same moment: exactly one gets it (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from club.events.attendance import respond
from club.events.models import RSVP, EventPage, RSVPStatus

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite serialises all writes",
    ),
]


def race(event: EventPage, members: list) -> list[BaseException]:
    """Answer 'going' for every member at once, each in its own thread and connection."""
    barrier = threading.Barrier(len(members))
    errors: list[BaseException] = []

    def answer(member) -> None:
        try:
            barrier.wait(timeout=10)
            respond(event, member, going=True)
        except BaseException as error:  # reported to the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=answer, args=(member,)) for member in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


@pytest.mark.parametrize("attempt", range(3))
def test_two_members_racing_for_the_last_seat_do_not_overbook(make_event, make_member, attempt):
    event = make_event(capacity=2, translate=False)
    respond(event, make_member(), going=True)  # one of two seats already taken
    racers = [make_member(), make_member()]

    errors = race(event, racers)

    assert errors == []
    statuses = sorted(RSVP.objects.filter(member__in=racers).values_list("status", flat=True))
    assert statuses == sorted([RSVPStatus.GOING, RSVPStatus.WAITLIST])
    assert RSVP.objects.filter(event=event, status=RSVPStatus.GOING).count() == 2


def test_many_members_racing_fill_exactly_the_capacity(make_event, make_member):
    event = make_event(capacity=3, translate=False)
    racers = [make_member() for _ in range(8)]

    errors = race(event, racers)

    assert errors == []
    rsvps = RSVP.objects.filter(event=event)
    assert rsvps.filter(status=RSVPStatus.GOING).count() == 3
    assert rsvps.filter(status=RSVPStatus.WAITLIST).count() == 5


def test_one_member_answering_twice_at_once_keeps_one_rsvp(make_event, make_member):
    event = make_event(capacity=5, translate=False)
    member = make_member()

    errors = race(event, [member, member])

    assert errors == []
    assert RSVP.objects.filter(event=event, member=member).count() == 1
