"""club.asgi plus a minimal echo-broadcast consumer, the "floor" bench/qa_load.py compares against.

    daphne bench.qa_asgi:application

``/ws/echo/<name>/`` joins a group and rebroadcasts every text frame to it verbatim: no
database, no JSON, no permissions. Everything else goes to the real application.
"""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.qa_settings")

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.generic.websocket import AsyncWebsocketConsumer  # noqa: E402
from channels.routing import URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import path  # noqa: E402

from club.asgi import application as club_application  # noqa: E402  (sets Django up)


class EchoBroadcastConsumer(AsyncWebsocketConsumer):
    """Every text frame from any client goes to every client of the same group."""

    async def connect(self) -> None:
        self.group = "echo." + self.scope["url_route"]["kwargs"]["name"]
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.channel_layer.group_send(self.group, {"type": "echo.text", "text": text_data})

    async def dispatch(self, message: dict[str, Any]) -> None:
        # The same shortcut as the Q&A consumer: no database, so no thread hop per frame.
        if message.get("type") == "echo.text":
            await self.echo_text(message)
        else:
            await super().dispatch(message)

    async def echo_text(self, message: dict[str, Any]) -> None:
        await self.send(text_data=message["text"])


# The same middleware as the real consumer, so only the consumers differ.
echo_application = AllowedHostsOriginValidator(
    AuthMiddlewareStack(URLRouter([path("ws/echo/<slug:name>/", EchoBroadcastConsumer.as_asgi())]))
)


async def application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Echo routes to the floor consumer, everything else to club.asgi."""
    if scope["type"] == "websocket" and scope["path"].startswith("/ws/echo/"):
        await echo_application(scope, receive, send)
    else:
        await club_application(scope, receive, send)
