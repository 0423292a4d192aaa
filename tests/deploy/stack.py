"""The committed production files, run as written: workers from the systemd units in
deploy/systemd/ and nginx from deploy/nginx/club.conf, with this checkout's paths and free
ports filled in for the ones a server would have."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.servers import ROOT, free_port

DEPLOY = ROOT / "deploy"
WEB_UNIT = DEPLOY / "systemd" / "club-web@.service"
TASKS_UNIT = DEPLOY / "systemd" / "club-tasks.service"
NGINX_SITE = DEPLOY / "nginx" / "club.conf"
INSTALLED = Path("/srv/club")  # where the units and the site file expect the checkout
START_SECONDS = 60  # loading Django and Wagtail on a busy 2-CPU machine

_MISSING = [
    needed
    for needed, variable, schemes in [
        ("PostgreSQL in DATABASE_URL", "DATABASE_URL", ("postgres://", "postgresql://")),
        ("Redis in REDIS_URL", "REDIS_URL", ("redis://", "rediss://")),
    ]
    if not os.environ.get(variable, "").startswith(schemes)
]
needs_engines = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        bool(_MISSING),
        reason=f"needs {' and '.join(_MISSING)}: several worker processes share them",
    ),
]


def exec_starts(unit: Path, instance: str = "") -> list[list[str]]:
    """Each of the unit's ExecStart lines as arguments (a oneshot may have several), this
    checkout's virtualenv standing in for /srv/club's."""
    text = unit.read_text().replace("\\\n", " ")
    commands = []
    for line in text.splitlines():
        if not line.startswith("ExecStart="):
            continue
        command = shlex.split(line.removeprefix("ExecStart=").replace("%i", instance))
        program = Path(command[0])
        assert program.parent == INSTALLED / ".venv" / "bin", f"{unit.name} runs {program}"
        commands.append([str(Path(sys.executable).parent / program.name), *command[1:]])
    return commands


def exec_start(unit: Path, instance: str = "") -> list[str]:
    """The unit's (first) ExecStart as arguments."""
    return exec_starts(unit, instance)[0]


class Service:
    """A process started from a unit's command in this checkout, its output in a log file."""

    def __init__(self, name: str, command: list[str], environment: dict[str, str], logs: Path):
        self.name = name
        self.command = command
        self.environment = environment
        self.log = logs / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                self.command, cwd=ROOT, env=self.environment, stdout=log, stderr=log
            )

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM, as systemctl stop sends it."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()

    def wait_stopped(self) -> None:
        """Wait for the end after ``stop()``; killed if it has not come in 20 s."""
        if self.process is None:
            return
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def wait_until(self, ready: Callable[[], bool], what: str) -> None:
        """Return once ``ready()``; fail with the end of the log if the process dies first."""
        give_up = time.monotonic() + START_SECONDS
        while not ready():
            if not self.running():
                raise AssertionError(f"{self.name} ended:\n{self.tail()}")
            if time.monotonic() > give_up:
                raise AssertionError(f"{self.name}: no {what} in {START_SECONDS} s\n{self.tail()}")
            time.sleep(0.2)

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


class Worker(Service):
    """One `club-web@PORT` instance: uvicorn serving HTTP and WebSockets on a loopback port."""

    def __init__(self, environment: dict[str, str], logs: Path) -> None:
        self.port = free_port()
        command = exec_start(WEB_UNIT, str(self.port))
        super().__init__(f"web-{self.port}", command, environment, logs)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def answers(self) -> bool:
        try:
            return requests.get(f"{self.url}/en/", timeout=5, allow_redirects=False).ok
        except requests.RequestException:
            return False

    def wait_until_up(self) -> None:
        self.wait_until(self.answers, "page")


@contextmanager
def running(*services: Service) -> Iterator[None]:
    """Start every service at once (they load in parallel), stop them all at the end."""
    try:
        for service in services:
            service.start()
        for service in services:
            if isinstance(service, Worker):
                service.wait_until_up()
        for service in services:  # a bad command line has ended it by now
            assert service.running(), f"{service.name} ended:\n{service.tail()}"
        yield
    finally:
        for service in services:
            service.stop()
        for service in services:
            service.wait_stopped()


def next_frame(socket: Any, match: Callable[[dict[str, Any]], bool], timeout: float = 20) -> dict:
    """The next JSON frame on a WebSocket for which ``match`` is true; others are skipped."""
    give_up = time.monotonic() + timeout
    while True:
        frame = json.loads(socket.recv(timeout=max(0.1, give_up - time.monotonic())))
        if match(frame):
            return frame
