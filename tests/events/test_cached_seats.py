"""Seats shown on a cached event page change at once when someone answers."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client

from club.events import attendance
from club.page_cache import CACHE_ALIAS, HEADER


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


def anonymous_get(path: str):
    return Client().get(path)


def test_an_rsvp_changes_the_seats_on_the_cached_event_page_in_both_languages(
    make_event, make_member, django_capture_on_commit_callbacks
):
    event = make_event(capacity=3)
    japanese = event.get_translations().get().specific
    assert "3 places left of 3." in anonymous_get(event.url).content.decode()
    anonymous_get(japanese.url)

    with django_capture_on_commit_callbacks(execute=True):
        attendance.respond(event, make_member(), going=True)

    assert "2 places left of 3." in anonymous_get(event.url).content.decode()
    assert anonymous_get(japanese.url)[HEADER] == "miss"
