"""Template tags that put an event's live Q&A on its page."""

from __future__ import annotations

from typing import Any

from django import template

from club.qa.access import access_for
from club.qa.event_channels import can_start, channels_for_event

register = template.Library()


@register.simple_tag(takes_context=True)
def event_qa(context: template.Context, event: Any) -> dict[str, Any]:
    """The event's Q&A channels the viewer may read, and whether they may open one."""
    request = context.get("request")
    user = getattr(request, "user", None)
    channels = list(channels_for_event(event).select_related("event"))
    readable = [channel for channel in channels if access_for(user, channel).can_read]
    return {
        "channels": readable,
        "members_only": len(channels) > len(readable),
        "can_start": not channels and can_start(user, event),
    }
