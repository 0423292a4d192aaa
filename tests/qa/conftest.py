"""Q&A fixtures: channels, signed-in WebSocket clients, and the channel layer under test."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from club.members.models import GroupRole, SubjectGroupMembership
from club.qa.models import QuestionChannel
from tests.factories import SubjectGroupFactory
from tests.servers import redis_database

REDIS_TEST_URL = f"redis://127.0.0.1:6379/{redis_database(5)}"
LAYERS = {
    "memory": {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}},
    "redis": {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [REDIS_TEST_URL]},
        }
    },
}


def redis_unreachable() -> str | None:
    """Why the local Redis cannot be used, or None if it answers."""
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        return f"Redis is not reachable at {REDIS_TEST_URL}: {error}"
    return None


@pytest.fixture(params=["memory", "redis"])
def channel_layer(request, settings) -> str:
    """Run the test on the in-memory layer and again on the real local Redis."""
    if request.param == "redis":
        reason = redis_unreachable()
        if reason:
            pytest.skip(reason)
        import redis

        # Database 5 belongs to the Q&A tests: clear groups left by earlier runs.
        redis.Redis.from_url(REDIS_TEST_URL).flushdb()
    settings.CHANNEL_LAYERS = LAYERS[request.param]
    return request.param


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings) -> None:
    """A cache of its own per test, so one test's counted questions never limit another's."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"qa-{uuid.uuid4()}",
        },
    }


@pytest.fixture
def materials(db) -> Any:
    return SubjectGroupFactory(slug="materials-science", name="Materials science")


@pytest.fixture
def channel(db, materials) -> QuestionChannel:
    """A public standing channel of the materials science group."""
    return QuestionChannel.objects.create(
        title="Materials science", slug="materials-science", subject_group=materials
    )


@pytest.fixture
def private_channel(db) -> QuestionChannel:
    return QuestionChannel.objects.create(
        title="Members corner", slug="members-corner", is_public=False
    )


@pytest.fixture
def dora(db, materials):
    """Coordinator of the materials science group, so a moderator of its channel."""
    from tests.factories import MemberFactory, UserFactory

    member = MemberFactory(user=UserFactory(username="dora"), given_name="Dora")
    SubjectGroupMembership.objects.create(
        member=member, group=materials, role=GroupRole.COORDINATOR
    )
    return member


def session_cookie(user) -> str:
    """A real session for ``user``, as the browser would send it."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def communicator(slug: str, cookie: str | None = None, query: str = "") -> WebsocketCommunicator:
    """A client of the full ASGI stack (origin check, sessions, auth, routing)."""
    from club.asgi import application

    headers = [(b"origin", b"http://testserver"), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    path = f"/ws/qa/{slug}/" + (f"?{query}" if query else "")
    return WebsocketCommunicator(application, path, headers=headers)
