"""Two uvicorn workers, started from deploy/systemd/club-web@.service as written, share
live Q&A, sessions and rate limits; the task worker from club-tasks.service sends the mail.

Each client talks to one worker directly, on its own port, so A and B are certainly two
processes: whatever one client sees of another's action went through PostgreSQL or Redis.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from websockets.sync.client import connect

from club.qa.ratelimit import DEFAULT_LIMITS
from tests.deploy.conftest import browser_session, empty_redis
from tests.deploy.stack import (
    TASKS_UNIT,
    Service,
    Worker,
    exec_start,
    needs_engines,
    next_frame,
    running,
)
from tests.smtp_server import SmtpServer

pytestmark = needs_engines
CHANNEL = "studying-in-japan"


@pytest.fixture(scope="module")
def mail() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


@pytest.fixture(scope="module")
def workers(deploy_environment, mail, tmp_path_factory) -> Iterator[tuple[Worker, Worker]]:
    """Web workers A and B and the task worker, on plain HTTP (no proxy: DEBUG off, dev
    settings, so cookies are not limited to HTTPS)."""
    environment = {**deploy_environment, "EMAIL_URL": mail.url}
    empty_redis(environment)
    logs = tmp_path_factory.mktemp("workers")
    a, b = Worker(environment, logs), Worker(environment, logs)
    tasks = Service("tasks", exec_start(TASKS_UNIT), environment, logs)
    with running(a, b, tasks):
        yield a, b


def live(worker: Worker, session=None):
    """A WebSocket on the channel's live Q&A at one worker, as the page opens it."""
    cookie = {"Cookie": f"sessionid={session.cookies['sessionid']}"} if session else {}
    return connect(
        f"ws://127.0.0.1:{worker.port}/ws/qa/{CHANNEL}/?lang=en",
        origin=worker.url,
        additional_headers=cookie,
        proxy=None,
        open_timeout=20,
    )


def opened(socket) -> dict:
    return next_frame(socket, lambda frame: frame["type"] == "state")


def test_a_question_asked_on_one_worker_reaches_a_reader_on_the_other(workers, mail):
    a, b = workers
    assert a.pid != b.pid and a.running() and b.running()
    minh = browser_session(a.url, "minh")
    somchai = browser_session(b.url, "somchai")
    with live(a, minh) as asker, live(b, somchai) as reader, live(b) as visitor:
        for socket in (asker, reader, visitor):
            opened(socket)
        text = "Asked on worker A: who answers from worker B?"
        asker.send(json.dumps({"type": "ask", "text": text, "ref": "q"}))
        asked = next_frame(asker, lambda frame: frame.get("ref") == "q")
        assert asked["type"] == "ack", asked

        for socket in (reader, visitor):
            seen = next_frame(socket, lambda frame: frame["type"] == "question")
            assert seen["question"]["text"] == text
            assert seen["question"]["id"] == asked["question"]

        answer = "Answered on worker B, read on worker A."
        reader.send(json.dumps({"type": "answer", "question": asked["question"], "text": answer}))
        answered = next_frame(
            asker, lambda frame: frame["type"] == "question" and frame["kind"] == "answered"
        )
        assert answered["question"]["id"] == asked["question"]

    # The asker is told by mail, sent by the task worker (a third process).
    sent = mail.wait_for(lambda message: answer in message.get_body(("plain",)).get_content())
    assert text in sent.get_body(("plain",)).get_content()


def test_a_session_started_on_one_worker_is_signed_in_on_the_other(workers):
    a, b = workers
    ananya = browser_session(a.url, "ananya")
    cookie = {"sessionid": ananya.cookies["sessionid"]}

    on_b = browser_session(b.url).get(
        f"{b.url}/en/account/profile/", cookies=cookie, allow_redirects=False, timeout=30
    )
    anonymous = browser_session(b.url).get(
        f"{b.url}/en/account/profile/", allow_redirects=False, timeout=30
    )

    assert on_b.status_code == 200
    assert "Ananya" in on_b.text
    assert anonymous.status_code == 302  # the page does need a session


def wait_for_a_fresh_window(window: int, needed: float) -> None:
    """Counters reset when the clock enters a new window: start the count early in one."""
    left = window - time.time() % window
    if left < needed:
        time.sleep(left + 0.1)  # until the window turns, not a guess


def test_the_question_limit_counts_questions_asked_on_every_worker(workers):
    a, b = workers
    limit, window = DEFAULT_LIMITS["ask"]
    wait_for_a_fresh_window(window, needed=20)
    member = browser_session(a.url, "somchai")
    replies = []
    with live(a, member) as on_a, live(b, member) as on_b:
        opened(on_a), opened(on_b)
        for number in range(limit + 1):
            socket = on_a if number % 2 == 0 else on_b  # A, B, A, B, …
            text = f"Question {number + 1} from one member, on either worker?"
            socket.send(json.dumps({"type": "ask", "text": text, "ref": number}))
            replies.append(next_frame(socket, lambda frame, n=number: frame.get("ref") == n))

    # Neither worker saw more than the limit on its own: only a shared count refuses.
    assert [reply["type"] for reply in replies] == ["ack"] * limit + ["error"], replies
    assert replies[-1]["code"] == "rate_limited"
