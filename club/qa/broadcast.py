"""Telling connected clients about a committed change. A failure here is logged, never fatal.

The change is already in the database; a client that missed the broadcast catches up
from the event log when it reconnects, and page readers see it on the next load.
"""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from club.qa.services import Change

logger = logging.getLogger(__name__)


async def publish(change: Change) -> bool:
    """Send the change to the channel's group; False (and a log line) if the layer failed."""
    if change.event_id is None:
        return True
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        await layer.group_send(change.group, change.message)
    except Exception:
        logger.exception(
            "Q&A event %s was saved but not broadcast; clients catch up on reconnect.",
            change.event_id,
        )
        return False
    return True


def publish_from_sync(change: Change) -> bool:
    """``publish`` for plain Django views."""
    return async_to_sync(publish)(change)
