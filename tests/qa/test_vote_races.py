"""Votes arriving at the same moment keep the count exact: one per member (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from club.qa import services
from club.qa.models import Question, Vote
from tests.factories import MemberFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite serialises all writes",
    ),
]


def at_once(calls: list[Callable[[], object]]) -> list[BaseException]:
    """Run every call in its own thread and connection, released together."""
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], object]) -> None:
        try:
            barrier.wait(timeout=10)
            call()
        except BaseException as error:  # reported to the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


def test_many_members_voting_at_once_are_all_counted(channel, alice):
    question = Question.objects.create(channel=channel, author=alice, text="Popular?")
    voters = [MemberFactory() for _ in range(8)]

    errors = at_once([lambda m=m: services.vote(m.user, channel, question.pk) for m in voters])

    assert errors == []
    question.refresh_from_db()
    assert question.vote_count == Vote.objects.filter(question=question).count() == 8


def test_one_member_voting_twice_at_once_counts_once(channel, alice, bob):
    question = Question.objects.create(channel=channel, author=alice, text="Double?")

    errors = at_once([lambda: services.vote(bob.user, channel, question.pk)] * 4)

    assert errors == []
    question.refresh_from_db()
    assert question.vote_count == Vote.objects.filter(question=question).count() == 1
