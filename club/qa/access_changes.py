"""Open Q&A sockets follow their member's access as it changes, not as it was at connect.

When an account is deactivated, or a member set back to pending or anonymised, every socket
of that user is told to check again; one that may no longer read its channel is closed
(4403). Posting is re-checked on every frame anyway (consumers.current_access); this push
covers the sockets that only read.
"""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save

from club.members.models import Member, MemberStatus

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    """The channel-layer group of every Q&A socket of one signed-in user."""
    return f"qa-user-{user_id}"


def tell_sockets_to_recheck(user_id: int) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "access.check"})
    except Exception:
        # The layer is away: those sockets are re-checked on their next frame instead.
        logger.warning("Could not tell user %s's Q&A sockets to re-check access", user_id)


def _user_saved(sender: type, instance: Any, created: bool = False, **kwargs: Any) -> None:
    if not created and not instance.is_active:
        transaction.on_commit(lambda: tell_sockets_to_recheck(instance.pk))


def _member_saved(sender: type, instance: Member, created: bool = False, **kwargs: Any) -> None:
    if not created and instance.user_id and instance.status != MemberStatus.ACTIVE:
        user_id = instance.user_id
        transaction.on_commit(lambda: tell_sockets_to_recheck(user_id))


def connect() -> None:
    post_save.connect(_user_saved, sender=get_user_model(), dispatch_uid="qa.user_access")
    post_save.connect(_member_saved, sender=Member, dispatch_uid="qa.member_access")
