"""The locust traffic mix of bench/http_load.py: anonymous readers and signed-in members.

Not run by itself: bench/http_load.py starts locust on it with BENCH_PLAN pointing at the
JSON plan (pages, sessions) written by its set-up step, and BENCH_ONLY=static for the
static-file floor. Every request has a 10 s timeout, which counts as a failure.
"""

from __future__ import annotations

import json
import os
import random
from itertools import count
from pathlib import Path

from locust import HttpUser, between, task

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
ONLY_STATIC = os.environ.get("BENCH_ONLY") == "static"
TIMEOUT = 10.0
_sessions = count()


def _get(user: HttpUser, path: str, name: str) -> None:
    with user.client.get(path, name=name, timeout=TIMEOUT, catch_response=True) as response:
        if response.status_code != 200:
            response.failure(f"HTTP {response.status_code}")


class StaticFloor(HttpUser):
    """One WhiteNoise-served file, as fast as it goes: the floor the pages are compared to."""

    weight = 1 if ONLY_STATIC else 0
    wait_time = between(0, 0)

    @task
    def static(self) -> None:
        _get(self, PLAN["static"], "static file")


class AnonymousReader(HttpUser):
    """Someone who followed the mail magazine: home, news, an event, a chapter."""

    weight = 0 if ONLY_STATIC else 6
    wait_time = between(0.5, 1.5)

    @task(3)
    def home(self) -> None:
        _get(self, random.choice(PLAN["homes"]), "anonymous home")

    @task(3)
    def news(self) -> None:
        _get(self, random.choice(PLAN["news"]), "anonymous news")

    @task(2)
    def event(self) -> None:
        _get(self, random.choice(PLAN["events"]), "anonymous event")

    @task(2)
    def chapter(self) -> None:
        _get(self, random.choice(PLAN["chapters"]), "anonymous chapter")


class SignedInMember(HttpUser):
    """A member looking for each other: directory searches, profiles and the live Q&A page."""

    weight = 0 if ONLY_STATIC else 4
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        sessions = PLAN["sessions"]
        self.client.cookies.set("sessionid", sessions[next(_sessions) % len(sessions)])

    @task(4)
    def directory(self) -> None:
        _get(self, random.choice(PLAN["directory"]), "signed-in directory")

    @task(3)
    def profile(self) -> None:
        _get(self, random.choice(PLAN["profiles"]), "signed-in profile")

    @task(1)
    def live_qa(self) -> None:
        _get(self, PLAN["qa"], "signed-in live Q&A page")
