"""The live Q&A over WebSockets: one Channels group per QuestionChannel.

Frames from the client (JSON objects, at most 4 KB):
``{"type": "ask", "text"}``, ``{"type": "answer", "question", "text"}``,
``{"type": "vote" | "unvote", "question"}``, ``{"type": "moderate", "question", "state"}``,
``{"type": "sync", "since"}``. Any may carry a ``ref`` that the reply echoes.
Frames to the client: ``state``, ``changes``, ``question``, ``removed``, ``ack``, ``error``.
The consumer stays thin: rules live in club.qa.services, reads in club.qa.snapshots, and
broadcasts reach it through club.qa.fanout (one group subscription per process).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import math
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from club.qa import services, snapshots
from club.qa.access import Access, access_for
from club.qa.access_changes import user_group
from club.qa.broadcast import publish
from club.qa.fanout import fanout_for
from club.qa.models import QuestionChannel, QuestionState

logger = logging.getLogger(__name__)

MAX_FRAME_BYTES = 4096
MAX_FRAME_DEPTH = 8  # our frames are flat objects; deep nesting only serves to crash parsers
# Close codes in the application range (4000-4999): Daphne and uvicorn refuse to send RFC
# 6455's 1009 and 1013 and turn them into 1011 "internal error".
MESSAGE_TOO_BIG = 4009
CLOSE_SIGN_IN_REQUIRED = 4401
CLOSE_ACCESS_ENDED = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TRY_AGAIN_LATER = 4013
GROUP_RETRY_DELAYS = (0.05, 0.25, 1.0)


def parse_cursor(value: Any) -> int | None:
    """An event id from a query string or frame; None when absent or malformed.

    Only whole numbers: a float such as 1e400 (infinity) or 2.5 is no event id.
    """
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    if isinstance(value, str) and not (value.isascii() and value.isdigit() and len(value) <= 18):
        return None
    cursor = int(value)
    return cursor if 0 <= cursor < 2**63 else None


def fit_frame(content: Any) -> bool:
    """Whether a parsed frame is shallow and holds only text the database can store.

    A lone surrogate ("\\ud800") is valid JSON but no valid UTF-8, and the database driver
    fails on it; 800 nested lists make any recursive walk fail.
    """
    stack = [(content, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_FRAME_DEPTH:
            return False
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(value, dict):
            stack.extend((item, depth + 1) for pair in value.items() for item in pair)
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
        elif isinstance(value, float) and not math.isfinite(value):
            return False
    return True


@database_sync_to_async
def current_access(user: Any, channel: QuestionChannel) -> tuple[Any, Access]:
    """The user as the database has them now, and what they may do: an open socket keeps no
    permission its member has lost since it connected (deactivated, set back to pending)."""
    if user is not None and getattr(user, "pk", None) is not None:
        user = get_user_model()._default_manager.filter(pk=user.pk).first() or AnonymousUser()
    return user, access_for(user, channel)


@database_sync_to_async
def load_channel(slug: str, user: Any) -> tuple[QuestionChannel | None, Access | None]:
    channel = QuestionChannel.objects.filter(slug=slug).first()
    if channel is None:
        return None, None
    return channel, access_for(user, channel)


@database_sync_to_async
def catch_up(channel: QuestionChannel, access: Access, since: int | None) -> dict[str, Any]:
    """Changes since the cursor when possible, else the whole current state."""
    changes = snapshots.changes_since(channel, access, since) if since is not None else None
    return changes or snapshots.channel_state(channel, access)


class QuestionChannelConsumer(AsyncJsonWebsocketConsumer):
    """Serves one reader (or asker, or moderator) of one Q&A channel."""

    channel_obj: QuestionChannel
    access: Access
    group: str | None = None
    user_group: str | None = None
    language: str = settings.LANGUAGE_CODE

    async def connect(self) -> None:
        slug = self.scope["url_route"]["kwargs"]["slug"]
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        # The socket URL has no language prefix: the page says which language it is in.
        requested = (query.get("lang") or [""])[0]
        if requested in dict(settings.LANGUAGES):
            self.language = requested
        channel, access = await load_channel(slug, self.scope.get("user"))
        if channel is None or access is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if not access.can_read:
            await self.accept()
            await self.send_error("sign_in_required", _("Sign in to follow this channel."))
            await self.close(code=CLOSE_SIGN_IN_REQUIRED)
            return
        self.channel_obj, self.access = channel, access
        user = self.scope.get("user")
        if user is not None and getattr(user, "pk", None) is not None:
            # Told when this user's access changes (club/qa/access_changes.py).
            self.user_group = user_group(user.pk)
            with contextlib.suppress(Exception):  # without the layer: re-checked per frame
                await self.channel_layer.group_add(self.user_group, self.channel_name)
        # Join before reading the state: a change committed meanwhile then arrives twice
        # (harmless, frames are idempotent) instead of never.
        joined = await self._join(channel.group_name)
        self.group = channel.group_name if joined else None
        await self.accept()
        since = parse_cursor((query.get("since") or [None])[0])
        await self.send_json(await catch_up(channel, access, since))
        if not joined:
            # Never serve a silently frozen page: the client shows the state it just got,
            # then reconnects with its cursor and loses nothing.
            await self.send_error("unavailable", _("Live updates are unavailable. Retrying…"))
            await self.close(code=CLOSE_TRY_AGAIN_LATER)

    async def disconnect(self, code: int) -> None:
        if self.group:
            await fanout_for(self.channel_layer).leave(self.group, self)
        if self.user_group:
            with contextlib.suppress(Exception):
                await self.channel_layer.group_discard(self.user_group, self.channel_name)

    async def access_check(self, event: dict[str, Any]) -> None:
        """The member's access changed: close this socket if it may no longer read."""
        user, self.access = await current_access(self.scope.get("user"), self.channel_obj)
        self.scope["user"] = user
        if not self.access.can_read:
            await self.send_error("forbidden", _("You can no longer use this channel."))
            await self.close(code=CLOSE_ACCESS_ENDED)

    async def _join(self, group: str) -> bool:
        """Subscribe to the channel's broadcasts, retrying briefly if the layer hiccups."""
        for delay in (*GROUP_RETRY_DELAYS, None):
            try:
                await fanout_for(self.channel_layer).join(group, self)
            except Exception:
                if delay is None:
                    logger.warning("Q&A group %s: channel layer unavailable", group, exc_info=True)
                    return False
                await asyncio.sleep(delay)
            else:
                return True
        return False

    async def subscription_lost(self) -> None:
        """The process lost its subscription: have the client reconnect and resume."""
        self.group = None
        await self.send_error("unavailable", _("Live updates are unavailable. Retrying…"))
        await self.close(code=CLOSE_TRY_AGAIN_LATER)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """Refuse anything but a small JSON object, then dispatch on its type."""
        if text_data is None:
            await self.send_error("invalid", _("Send JSON text frames only."))
            return
        if len(text_data.encode("utf-8")) > MAX_FRAME_BYTES:
            await self.send_error("too_large", _("That message is too large."))
            await self.close(code=MESSAGE_TOO_BIG)
            return
        try:
            content = json.loads(text_data)
        except (ValueError, RecursionError):
            await self.send_error("invalid", _("That message is not valid JSON."))
            return
        if not isinstance(content, dict):
            await self.send_error("invalid", _("Send a JSON object with a type."))
            return
        if not fit_frame(content):
            await self.send_error("invalid", _("That message cannot be read."))
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict[str, Any], **kwargs: Any) -> None:
        ref = content.get("ref") if isinstance(content.get("ref"), int | str) else None
        action = content.get("type")
        handler = self.actions.get(action) if isinstance(action, str) else None
        if handler is None:
            await self.send_error("unknown_type", _("Unknown message type."), ref)
            return
        user, self.access = await current_access(self.scope.get("user"), self.channel_obj)
        self.scope["user"] = user
        if not self.access.can_read:
            await self.send_error("forbidden", _("You can no longer use this channel."), ref)
            await self.close(code=CLOSE_ACCESS_ENDED)
            return
        try:
            await handler(self, content, ref)
        except services.QAError as error:
            await self.send_error(error.code, error.message, ref)
        except DatabaseError:
            logger.exception("Q&A action %s failed", action)
            await self.send_error("unavailable", _("Something went wrong. Please try again."), ref)
        except (TypeError, ValueError, OverflowError, UnicodeError):
            # Input no rule above foresaw: the sender gets a clean error, never a dead socket.
            logger.warning("Q&A frame refused: %r", content, exc_info=True)
            await self.send_error("invalid", _("That message cannot be read."), ref)

    async def send_error(self, code: str, message: Any, ref: Any = None) -> None:
        """An error frame, its message in the page's language."""
        with translation.override(self.language):
            text = str(message)
        frame = {"type": "error", "code": code, "message": text}
        if ref is not None:
            frame["ref"] = ref
        await self.send_json(frame)

    async def _apply(self, change: services.Change, ref: Any, action: str) -> None:
        """Broadcast, then acknowledge; if the broadcast failed the actor still sees the change."""
        delivered = await publish(change)
        if not delivered and change.event_id is not None:
            await self.qa_event(change.message)
        ack: dict[str, Any] = {"type": "ack", "action": action, "question": change.question["id"]}
        if change.voted is not None:
            ack["voted"] = change.voted
        if ref is not None:
            ack["ref"] = ref
        await self.send_json(ack)

    async def ask(self, content: dict[str, Any], ref: Any) -> None:
        change = await database_sync_to_async(services.ask)(
            self.scope["user"], self.channel_obj, content.get("text")
        )
        await self._apply(change, ref, "ask")

    async def answer(self, content: dict[str, Any], ref: Any) -> None:
        change = await database_sync_to_async(services.answer)(
            self.scope["user"], self.channel_obj, content.get("question"), content.get("text")
        )
        await self._apply(change, ref, "answer")

    async def vote(self, content: dict[str, Any], ref: Any) -> None:
        up = content.get("type") == "vote"
        change = await database_sync_to_async(services.vote)(
            self.scope["user"], self.channel_obj, content.get("question"), up
        )
        await self._apply(change, ref, "vote")

    async def moderate(self, content: dict[str, Any], ref: Any) -> None:
        change = await database_sync_to_async(services.moderate)(
            self.scope["user"], self.channel_obj, content.get("question"), content.get("state")
        )
        await self._apply(change, ref, "moderate")

    async def sync(self, content: dict[str, Any], ref: Any) -> None:
        since = parse_cursor(content.get("since"))
        if since is None:
            raise services.InvalidInput(_("Send the last event id you saw as since."))
        await self.send_json(await catch_up(self.channel_obj, self.access, since))

    actions = {
        "ask": ask,
        "answer": answer,
        "vote": vote,
        "unvote": vote,
        "moderate": moderate,
        "sync": sync,
    }

    async def qa_event(self, message: dict[str, Any]) -> None:
        """A committed change, handed over by club.qa.fanout; hidden questions reach
        moderators only."""
        question = message["question"]
        if question.get("state") == QuestionState.HIDDEN and not self.access.is_moderator:
            frame = {"type": "removed", "event": message["event"], "question": question["id"]}
        else:
            frame = {
                "type": "question",
                "event": message["event"],
                "kind": message["kind"],
                "question": question,
            }
        await self.send_json(frame)
