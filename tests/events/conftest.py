"""Events built for a test: one helper publishes an event in English and Japanese."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone
from wagtail.models import Locale

from club.events.models import EventIndexPage, EventPage
from tests.factories import MemberFactory, UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def events_index(demo_site) -> EventIndexPage:
    return EventIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def make_event(events_index):
    """Publish an event (and its Japanese translation) starting ``days`` from now."""
    counter = iter(range(1, 10_000))

    def make(
        title: str | None = None,
        chapter: Any = None,
        days: float = 10,
        hours: float = 3,
        translate: bool = True,
        **fields: Any,
    ) -> EventPage:
        number = next(counter)
        start = fields.pop("start", None) or (timezone.now() + timedelta(days=days)).replace(
            second=0, microsecond=0
        )
        end = fields.pop("end", None) or start + timedelta(hours=hours)
        event = EventPage(
            title=title or f"Test reunion {number}",
            slug=f"test-reunion-{number}-{int(start.timestamp())}",
            summary="A test reunion.",
            start=start,
            end=end,
            time_zone=fields.pop("time_zone", "Asia/Kolkata"),
            venue=fields.pop("venue", "India Habitat Centre"),
            chapter=chapter,
            **fields,
        )
        events_index.add_child(instance=event)
        event.save_revision().publish()
        if translate:
            japanese = event.copy_for_translation(Locale.objects.get(language_code="ja"))
            japanese.title = f"テスト同窓会 {number}"
            japanese.save_revision().publish()
        return EventPage.objects.get(pk=event.pk)

    return make


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
