"""Events: pages for reunions, and members' RSVPs to them."""

from club.events.models.pages import (
    EventIndexPage,
    EventMode,
    EventPage,
    EventPageQuerySet,
    validate_time_zone,
)
from club.events.models.rsvp import RSVP, RSVPQuerySet, RSVPStatus

__all__ = [
    "RSVP",
    "EventIndexPage",
    "EventMode",
    "EventPage",
    "EventPageQuerySet",
    "RSVPQuerySet",
    "RSVPStatus",
    "validate_time_zone",
]
