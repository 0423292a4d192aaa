"""One channel-layer subscription per process and Q&A channel, fanned out to its local clients.

The usual Channels pattern puts every connection in the group, so the layer delivers
each broadcast once per connection, through a receive task per connection. With a
thousand readers of one live session that per-connection machinery is most of the
cost of a broadcast. Here the process joins the group once, receives each message
once, and hands it to every local consumer's handler (named from the message type,
as Channels does). If that subscription fails, every local client is told to
reconnect; clients resume from their last event id, so nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass, field
from typing import Any, Protocol

from channels.consumer import get_handler_name

logger = logging.getLogger(__name__)


class Subscriber(Protocol):
    """What a consumer offers the fan-out: handlers by message type, and a way to be dropped."""

    async def subscription_lost(self) -> None: ...


@dataclass(eq=False)
class Subscription:
    group: str
    channel_name: str
    members: set[Any] = field(default_factory=set)
    task: asyncio.Task[None] | None = None


class Fanout:
    """The subscriptions of one process (one event loop) on one channel layer."""

    def __init__(self, layer: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.layer = layer
        self.loop = loop
        self.subscriptions: dict[str, Subscription] = {}
        self.lock = asyncio.Lock()

    async def join(self, group: str, consumer: Subscriber) -> None:
        """Add a local consumer; the first one subscribes the process. Raises if the layer fails."""
        async with self.lock:
            subscription = self.subscriptions.get(group)
            if subscription is None:
                channel_name = await self.layer.new_channel()
                await self.layer.group_add(group, channel_name)
                subscription = Subscription(group, channel_name)
                subscription.task = asyncio.create_task(self._pump(subscription))
                self.subscriptions[group] = subscription
            else:
                await self._refresh(subscription)
            subscription.members.add(consumer)

    async def _refresh(self, subscription: Subscription) -> None:
        """Renew the membership, which the layer expires after a day (group_expiry)."""
        try:
            await self.layer.group_add(subscription.group, subscription.channel_name)
        except Exception:
            logger.warning("Could not renew Q&A group %s", subscription.group, exc_info=True)

    async def leave(self, group: str, consumer: Subscriber) -> None:
        """Remove a local consumer; the last one unsubscribes the process."""
        async with self.lock:
            subscription = self.subscriptions.get(group)
            if subscription is None:
                return
            subscription.members.discard(consumer)
            if subscription.members:
                return
            del self.subscriptions[group]
        if subscription.task:
            subscription.task.cancel()
        try:
            await self.layer.group_discard(group, subscription.channel_name)
        except Exception:
            # The membership expires on its own (group_expiry); nothing reads it meanwhile.
            logger.warning("Could not leave Q&A group %s", group, exc_info=True)

    async def _pump(self, subscription: Subscription) -> None:
        try:
            while True:
                message = await self.layer.receive(subscription.channel_name)
                handler_name = get_handler_name(message)
                for consumer in list(subscription.members):
                    try:
                        await getattr(consumer, handler_name)(message)
                    except Exception:
                        # One broken connection must not stop delivery to the others.
                        logger.warning("Q&A delivery to one client failed", exc_info=True)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("Q&A subscription to %s lost; clients reconnect", subscription.group)
            async with self.lock:
                if self.subscriptions.get(subscription.group) is subscription:
                    del self.subscriptions[subscription.group]
            for consumer in list(subscription.members):
                await consumer.subscription_lost()


_fanouts: weakref.WeakKeyDictionary[Any, Fanout] = weakref.WeakKeyDictionary()


def fanout_for(layer: Any) -> Fanout:
    """The fan-out of this channel layer on the running event loop."""
    loop = asyncio.get_running_loop()
    fanout = _fanouts.get(layer)
    if fanout is None or fanout.loop is not loop:
        fanout = _fanouts[layer] = Fanout(layer, loop)
    return fanout
