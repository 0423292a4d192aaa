"""The live Q&A consumer over the full ASGI stack, on the in-memory layer and on real Redis."""

from __future__ import annotations

import json

import pytest
from channels.db import database_sync_to_async

from club.qa.models import ChannelEvent, Question, QuestionState, Vote
from tests.qa.conftest import communicator, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)
TIMEOUT = 10


@pytest.fixture
def cookies(alice, bob, dora) -> dict[str, str]:
    return {
        name: session_cookie(m.user) for name, m in (("alice", alice), ("bob", bob), ("dora", dora))
    }


async def join(slug: str, cookie: str | None = None, query: str = ""):
    """Connect and read the first frame; returns the client and that frame."""
    client = communicator(slug, cookie, query)
    connected, _ = await client.connect(timeout=TIMEOUT)
    assert connected
    return client, await client.receive_json_from(timeout=TIMEOUT)


async def frame_of(client, wanted: str) -> dict:
    """The next frame of type ``wanted``, skipping others (acks and broadcasts interleave)."""
    for _ in range(10):
        frame = await client.receive_json_from(timeout=TIMEOUT)
        if frame["type"] == wanted:
            return frame
    raise AssertionError(f"no {wanted} frame")


async def test_it_sends_the_current_state_on_connect(channel_layer, channel, cookies, alice):
    await database_sync_to_async(Question.objects.create)(
        channel=channel, author=alice, text="Pinned one", state=QuestionState.PINNED
    )
    client, state = await join(channel.slug, cookies["bob"])

    assert state["type"] == "state"
    assert [q["text"] for q in state["questions"]] == ["Pinned one"]
    assert state["me"] == {"signed_in": True, "can_post": True, "is_moderator": False, "voted": []}
    await client.disconnect()


async def test_a_question_is_saved_then_broadcast_to_every_client(channel_layer, channel, cookies):
    asker, _ = await join(channel.slug, cookies["alice"])
    reader, _ = await join(channel.slug)  # an anonymous visitor of a public channel

    await asker.send_json_to({"type": "ask", "text": "How do I find a lab?", "ref": 7})

    seen = await frame_of(reader, "question")
    assert seen["question"]["text"] == "How do I find a lab?"
    assert seen["question"]["votes"] == 0
    ack = await frame_of(asker, "ack")
    assert ack == {"type": "ack", "action": "ask", "question": seen["question"]["id"], "ref": 7}
    saved = await database_sync_to_async(Question.objects.get)(pk=seen["question"]["id"])
    assert saved.text == "How do I find a lab?"
    assert (
        seen["event"]
        == await database_sync_to_async(lambda: ChannelEvent.objects.get(question=saved).pk)()
    )
    await asker.disconnect()
    await reader.disconnect()


async def test_votes_reach_every_client_and_count_once_per_member(
    channel_layer, channel, cookies, alice
):
    question = await database_sync_to_async(Question.objects.create)(
        channel=channel, author=alice, text="Visa?"
    )
    asker, _ = await join(channel.slug, cookies["alice"])
    voter, _ = await join(channel.slug, cookies["bob"])

    await voter.send_json_to({"type": "vote", "question": question.pk})
    update = await frame_of(asker, "question")
    assert update["question"] == {"id": question.pk, "votes": 1, "state": "open"}
    assert (await frame_of(voter, "ack"))["voted"] is True

    await voter.send_json_to({"type": "vote", "question": question.pk})  # again: no change
    assert (await frame_of(voter, "ack"))["voted"] is True
    assert await database_sync_to_async(Vote.objects.filter(question=question).count)() == 1

    await voter.send_json_to({"type": "unvote", "question": question.pk})
    assert (await frame_of(asker, "question"))["question"]["votes"] == 0
    await asker.disconnect()
    await voter.disconnect()


async def test_moderation_reaches_everyone_and_hidden_text_only_moderators(
    channel_layer, channel, cookies, alice
):
    question = await database_sync_to_async(Question.objects.create)(
        channel=channel, author=alice, text="Off-topic advert"
    )
    moderator, state = await join(channel.slug, cookies["dora"])
    assert state["me"]["is_moderator"] is True
    reader, _ = await join(channel.slug, cookies["bob"])

    await moderator.send_json_to({"type": "moderate", "question": question.pk, "state": "hidden"})

    assert await frame_of(reader, "removed") == {
        "type": "removed",
        "event": (await frame_of(moderator, "question"))["event"],
        "question": question.pk,
    }
    await moderator.send_json_to({"type": "moderate", "question": question.pk, "state": "pinned"})
    shown = await frame_of(reader, "question")
    assert shown["question"]["state"] == "pinned"
    assert shown["question"]["text"] == "Off-topic advert"
    await moderator.disconnect()
    await reader.disconnect()


async def test_members_cannot_moderate(channel_layer, channel, cookies, alice):
    question = await database_sync_to_async(Question.objects.create)(
        channel=channel, author=alice, text="Mine"
    )
    client, _ = await join(channel.slug, cookies["alice"])

    await client.send_json_to({"type": "moderate", "question": question.pk, "state": "pinned"})

    assert (await frame_of(client, "error"))["code"] == "forbidden"
    await database_sync_to_async(question.refresh_from_db)()
    assert question.state == QuestionState.OPEN
    await client.disconnect()


async def test_a_reconnecting_client_gets_everything_since_its_last_event(
    channel_layer, channel, cookies, alice
):
    old = await database_sync_to_async(Question.objects.create)(
        channel=channel, author=alice, text="Asked before the drop"
    )
    client, state = await join(channel.slug, cookies["bob"])
    last_seen = state["event"]
    await client.disconnect()

    # While bob is away: a new question, a vote on it, and one hidden question.
    asker, _ = await join(channel.slug, cookies["alice"])
    await asker.send_json_to({"type": "ask", "text": "Asked while you were away"})
    new_id = (await frame_of(asker, "ack"))["question"]
    moderator, _ = await join(channel.slug, cookies["dora"])
    await moderator.send_json_to({"type": "vote", "question": new_id})
    await frame_of(moderator, "ack")
    await moderator.send_json_to({"type": "moderate", "question": old.pk, "state": "hidden"})
    await frame_of(moderator, "ack")

    back, changes = await join(channel.slug, cookies["bob"], f"since={last_seen}")

    assert changes["type"] == "changes"
    assert [(q["id"], q["text"], q["votes"]) for q in changes["questions"]] == [
        (new_id, "Asked while you were away", 1)
    ]
    assert changes["removed"] == [old.pk]
    newest = await database_sync_to_async(lambda: ChannelEvent.objects.latest("id").pk)()
    assert changes["event"] == newest
    for client_ in (asker, moderator, back):
        await client_.disconnect()


async def test_a_sync_frame_also_replays_and_a_bad_cursor_gets_the_full_state(
    channel_layer, channel, cookies
):
    client, state = await join(channel.slug, cookies["alice"], "since=not-a-number")
    assert state["type"] == "state"

    await client.send_json_to({"type": "ask", "text": "First"})
    await frame_of(client, "ack")
    await client.send_json_to({"type": "sync", "since": state["event"]})
    changes = await frame_of(client, "changes")
    assert [q["text"] for q in changes["questions"]] == ["First"]

    await client.send_json_to({"type": "sync", "since": 10**12})  # from no database we know
    assert (await frame_of(client, "state"))["questions"][0]["text"] == "First"
    await client.disconnect()


async def test_anonymous_visitors_read_public_channels_but_never_post(channel_layer, channel):
    client, state = await join(channel.slug)
    assert state["me"]["can_post"] is False

    await client.send_json_to({"type": "ask", "text": "Can I?"})

    assert (await frame_of(client, "error"))["code"] == "sign_in_required"
    assert not await database_sync_to_async(Question.objects.exists)()
    await client.disconnect()


async def test_private_channels_turn_anonymous_visitors_away(
    channel_layer, private_channel, cookies
):
    client = communicator(private_channel.slug)
    connected, _ = await client.connect(timeout=TIMEOUT)
    assert connected
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "sign_in_required"
    assert (await client.receive_output(timeout=TIMEOUT)) == {
        "type": "websocket.close",
        "code": 4401,
    }

    member, state = await join(private_channel.slug, cookies["bob"])
    assert state["type"] == "state"
    await member.disconnect()


async def test_an_unknown_channel_is_refused(channel_layer, db):
    connected, _ = await communicator("no-such-channel").connect(timeout=TIMEOUT)
    assert not connected


async def test_bad_frames_get_an_error_and_the_connection_keeps_serving(
    channel_layer, channel, cookies
):
    client, _ = await join(channel.slug, cookies["alice"])

    await client.send_to(text_data="{not json")
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "invalid"
    await client.send_to(text_data="[1, 2]")
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "invalid"
    await client.send_json_to({"type": "drop_tables"})
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "unknown_type"
    await client.send_to(bytes_data=b"\x00\x01")
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "invalid"
    await client.send_json_to({"type": "ask", "text": "   "})
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "invalid"
    await client.send_json_to({"type": "ask", "text": "y" * 1001})
    too_long = await client.receive_json_from(timeout=TIMEOUT)
    assert (too_long["code"], too_long["message"]) == (
        "invalid",
        "Please keep it to 1000 characters.",
    )

    await client.send_json_to({"type": "ask", "text": "Still here?"})
    assert (await frame_of(client, "ack"))["action"] == "ask"
    await client.disconnect()


async def test_an_oversized_frame_closes_that_client_only(channel_layer, channel, cookies):
    flooder, _ = await join(channel.slug, cookies["alice"])
    other, _ = await join(channel.slug, cookies["bob"])

    await flooder.send_to(text_data=json.dumps({"type": "ask", "text": "x" * 5000}))

    assert (await flooder.receive_json_from(timeout=TIMEOUT))["code"] == "too_large"
    assert (await flooder.receive_output(timeout=TIMEOUT)) == {
        "type": "websocket.close",
        "code": 4009,
    }
    await other.send_json_to({"type": "ask", "text": "Served as usual"})
    assert (await frame_of(other, "question"))["question"]["text"] == "Served as usual"
    assert not await database_sync_to_async(
        Question.objects.filter(text__startswith="xxx").exists
    )()
    await other.disconnect()


async def test_questions_and_votes_are_rate_limited_per_member(
    channel_layer, channel, cookies, settings
):
    settings.QA_RATE_LIMITS = {"ask": (2, 60), "vote": (3, 60)}
    client, _ = await join(channel.slug, cookies["alice"])
    for number in range(2):
        await client.send_json_to({"type": "ask", "text": f"Question {number}"})
        question_id = (await frame_of(client, "ack"))["question"]

    await client.send_json_to({"type": "ask", "text": "One too many"})
    assert (await frame_of(client, "error"))["code"] == "rate_limited"
    for action in ("vote", "unvote", "vote"):
        await client.send_json_to({"type": action, "question": question_id})
        await frame_of(client, "ack")
    await client.send_json_to({"type": "unvote", "question": question_id})
    assert (await frame_of(client, "error"))["code"] == "rate_limited"
    assert await database_sync_to_async(Question.objects.count)() == 2

    other, _ = await join(channel.slug, cookies["bob"])  # the limit is per member
    await other.send_json_to({"type": "ask", "text": "My first"})
    assert (await frame_of(other, "ack"))["action"] == "ask"
    await client.disconnect()
    await other.disconnect()


async def test_a_closed_channel_refuses_questions(channel_layer, channel, cookies):
    channel.is_open = False
    await database_sync_to_async(channel.save)()
    client, state = await join(channel.slug, cookies["alice"])
    assert state["me"]["can_post"] is False

    await client.send_json_to({"type": "ask", "text": "Too late?"})

    assert (await frame_of(client, "error"))["code"] == "closed"
    await client.disconnect()


async def test_markup_in_a_question_travels_as_plain_text(channel_layer, channel, cookies):
    client, _ = await join(channel.slug, cookies["alice"])
    text = '<script>alert("x")</script><b>bold</b>'

    await client.send_json_to({"type": "ask", "text": text})

    # Stored and sent verbatim; qa.js inserts it with textContent, templates autoescape.
    assert (await frame_of(client, "question"))["question"]["text"] == text
    await client.disconnect()


async def test_a_client_the_layer_cannot_take_gets_the_state_then_a_retry_close(
    channel, cookies, settings
):
    # A real Redis layer on a closed port: joining the group fails, reading the state works.
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    client, state = await join(channel.slug, cookies["alice"])

    assert state["type"] == "state"
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "unavailable"
    assert await client.receive_output(timeout=TIMEOUT) == {"type": "websocket.close", "code": 4013}


async def group_members(group: str) -> int:
    """How many subscriptions the channel layer holds for a group."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    if hasattr(layer, "groups"):  # the in-memory layer
        return len(layer.groups.get(group, {}))
    return await layer.connection(layer.consistent_hash(group)).zcard(layer._group_key(group))


async def test_local_clients_share_one_subscription_per_channel(channel_layer, channel, cookies):
    first, _ = await join(channel.slug, cookies["alice"])
    second, _ = await join(channel.slug, cookies["bob"])
    third, _ = await join(channel.slug)

    assert await group_members(channel.group_name) == 1
    await first.send_json_to({"type": "ask", "text": "Everyone gets it once"})
    for client in (first, second, third):
        assert (await frame_of(client, "question"))["question"]["text"] == "Everyone gets it once"
    for client in (second, third):
        assert await client.receive_nothing(timeout=0.3)  # and only once
    for client in (first, second, third):
        await client.disconnect()
    assert await group_members(channel.group_name) == 0


@pytest.mark.parametrize(
    "raw",
    [
        '{"type": "sync", "since": 1e400}',  # OverflowError before
        '{"type": "sync", "since": 2.5}',
        '{"type": "ask", "text": "\\ud800"}',  # a lone surrogate: UnicodeEncodeError before
        "[" * 800 + "]" * 800,  # RecursionError before
        '{"type": "ask", "text": ' + "[" * 800 + "]" * 800 + "}",
        '{"type": "vote", "question": 1e400}',
        '{"type": "moderate", "question": "1", "state": {"a": [1, {"b": NaN}]}}',
    ],
)
async def test_junk_frames_get_invalid_and_the_socket_keeps_serving(
    channel_layer, channel, cookies, raw
):
    client, _ = await join(channel.slug, cookies["alice"])

    await client.send_to(text_data=raw)

    reply = await client.receive_json_from(timeout=TIMEOUT)
    assert reply["type"] == "error" and reply["code"] in ("invalid", "not_found", "forbidden")
    await client.send_json_to({"type": "ask", "text": "Still served after junk?"})
    assert (await frame_of(client, "ack"))["action"] == "ask"
    await client.disconnect()


async def test_an_open_socket_loses_what_its_member_loses(channel_layer, channel, cookies, alice):
    client, _ = await join(channel.slug, cookies["alice"])

    alice.user.is_active = False
    await database_sync_to_async(alice.user.save)()
    await client.send_json_to({"type": "ask", "text": "Posted after my account was closed"})

    # A public channel: she may still read, as any visitor, but no longer post.
    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "sign_in_required"
    assert not await database_sync_to_async(
        Question.objects.filter(text__startswith="Posted after").exists
    )()
    await client.disconnect()


async def test_a_members_channel_closes_the_socket_of_a_member_set_back_to_pending(
    channel_layer, private_channel, cookies, alice
):
    from club.members.models import MemberStatus

    client, _ = await join(private_channel.slug, cookies["alice"])

    alice.status = MemberStatus.PENDING
    await database_sync_to_async(alice.save)()
    await client.send_json_to({"type": "ask", "text": "Posted while pending"})

    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "forbidden"
    assert await client.receive_output(timeout=TIMEOUT) == {"type": "websocket.close", "code": 4403}
    assert not await database_sync_to_async(
        Question.objects.filter(text__startswith="Posted while").exists
    )()


async def test_a_reader_whose_access_ends_is_closed_without_sending_anything(
    channel_layer, private_channel, cookies, alice
):
    from django.db import transaction

    from club.members.models import MemberStatus

    client, _ = await join(private_channel.slug, cookies["alice"])

    def set_pending() -> None:
        with transaction.atomic():
            alice.status = MemberStatus.PENDING
            alice.save()

    await database_sync_to_async(set_pending)()

    assert (await client.receive_json_from(timeout=TIMEOUT))["code"] == "forbidden"
    assert await client.receive_output(timeout=TIMEOUT) == {"type": "websocket.close", "code": 4403}
