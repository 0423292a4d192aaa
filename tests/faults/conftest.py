"""The fault suite's real parts: a seeded site database, and Redis servers of our own to stop.

Each test starts the site (Daphne) in its own process against the seeded database and the
services it chooses, then stops or exhausts one of them mid-run, as a failing data centre
would, and checks what people would see.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator

import pytest
import redis

from tests.servers import ROOT, free_port, manage, own_database

REDIS_SERVER = "redis-server"


@pytest.fixture(scope="session")
def site_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Settings for a site process on a migrated, seeded database of its own."""
    folder = tmp_path_factory.mktemp("faults")
    with own_database(folder) as database_url:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "club.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(folder / "media"),
            "EMAIL_URL": "locmem://",
            "PYTHONPATH": str(ROOT),
            "DEBUG": "true",
        }
        environment.pop("REDIS_URL", None)
        environment.pop("ELASTICSEARCH_URL", None)
        manage(environment, "seed_demo", "--members", "20", "--demo-accounts", "-v0")
        environment["DEBUG"] = "false"
        yield environment


class RedisServer:
    """A redis-server of our own on a free port, which a test may stop and start again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        give_up = time.monotonic() + 20
        while True:  # until it answers: it takes a moment to listen
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > give_up:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        """Kill it, as a crashed server goes: no goodbye to its clients."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()
