"""Events built for a test: one helper publishes an event in English and Japanese."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from club.events.models import EventPage
from tests.factories import MemberFactory, UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def make_member(india):
    """An active member with a sign-in account (in the India chapter unless told otherwise)."""
    from tests.factories import join

    counter = iter(range(1, 10_000))

    def make(chapter: Any = None, **fields: Any):
        number = next(counter)
        member = MemberFactory(
            user=UserFactory(username=f"guest{number}"),
            given_name=fields.pop("given_name", f"Guest{number}"),
            family_name=fields.pop("family_name", "Test"),
            **fields,
        )
        join(member, chapter or india)
        return member

    return make


def at(event: EventPage, **delta: float) -> datetime:
    """A moment relative to the event's start, e.g. at(event, hours=-1)."""
    return event.start + timedelta(**delta)
