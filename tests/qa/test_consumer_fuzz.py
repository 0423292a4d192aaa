"""Thousands of generated frames at the live Q&A consumer: each gets an answer, none kills it.

Hypothesis builds frames of every shape (valid actions with odd fields, wrong types, deep
nesting, lone surrogates, huge numbers, text that is not JSON); after every frame the socket
must answer, and after each batch it must still serve a real question.
"""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.qa.conftest import communicator, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)
TIMEOUT = 10
ANSWERS = {"error", "ack", "state", "changes"}  # one of these per frame; broadcasts interleave
ACTIONS = ["ask", "answer", "vote", "unvote", "moderate", "sync", "drop", ""]

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=60)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
objects = st.fixed_dictionaries(
    {"type": st.sampled_from(ACTIONS) | st.text(max_size=10)},
    optional={"text": values, "question": values, "since": values, "state": values, "ref": values},
)
raw = st.text(max_size=200) | st.sampled_from(
    ['{"type": "sync", "since": 1e400}', '{"type": "ask", "text": "\\ud800"}', "[" * 900]
)


def encoded(frame: object) -> str:
    return frame if isinstance(frame, str) else json.dumps(frame, allow_nan=True)


async def throw(slug: str, cookie: str, frames: list[object]) -> None:
    client = communicator(slug, cookie, "")
    connected, _ = await client.connect(timeout=TIMEOUT)
    assert connected
    await client.receive_json_from(timeout=TIMEOUT)  # the state
    for frame in frames:
        await client.send_to(
            text_data=encoded(frame) or " "
        )  # the test client sends no empty frame
        while (await client.receive_json_from(timeout=TIMEOUT))["type"] not in ANSWERS:
            pass
    await client.send_json_to({"type": "sync", "since": 0})
    while (await client.receive_json_from(timeout=TIMEOUT))["type"] not in ANSWERS:
        pass
    await client.disconnect()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(frames=st.lists(objects | raw, min_size=60, max_size=100))
def test_no_frame_kills_the_consumer(channel_layer, channel, alice, frames):
    async_to_sync(throw)(channel.slug, session_cookie(alice.user), frames)
