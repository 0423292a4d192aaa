"""iCalendar (.ics) for events: one event, a chapter's feed, and email attachments."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import icalendar
from django.utils import timezone

from club import public_urls
from club.events.models import EventPage

PRODID = "-//Sakura Science Club//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(event: EventPage) -> str:
    """Stable across languages and edits, so calendars update the entry instead of adding one."""
    return f"event-{event.canonical.pk}@{public_urls.host()}"


def _location(event: EventPage) -> str:
    parts = [event.venue, " ".join(event.address.split())] if event.is_in_person else []
    return ", ".join(part for part in parts if part)


def _vevent(event: EventPage, join_url: str = "") -> icalendar.Event:
    zone = event.zone
    url = public_urls.page_url(event)
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", timezone.localtime(event.start, zone))
    vevent.add("dtend", timezone.localtime(event.end, zone))
    vevent.add("summary", event.title)
    description = [event.summary]
    if join_url:
        description.append(join_url)
    if url:
        description.append(url)
        vevent.add("url", url)
    vevent.add("description", "\n\n".join(description))
    location = _location(event) or join_url
    if location:
        vevent.add("location", location)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent


def calendar_bytes(
    events: Iterable[EventPage], name: str = "", join_urls: dict[int, str] | None = None
) -> bytes:
    """A calendar of ``events``; ``join_urls`` (by event pk) only for confirmed attendees."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, (join_urls or {}).get(event.pk, "")))
    calendar.add_missing_timezones()
    # icalendar's to_ical is unannotated.
    return cast(bytes, calendar.to_ical())


def event_ics(event: EventPage, join_url: str = "") -> bytes:
    return calendar_bytes([event], join_urls={event.pk: join_url} if join_url else None)


def ics_filename(event: EventPage) -> str:
    return f"{event.slug or 'event'}.ics"
