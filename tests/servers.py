"""Real servers in separate processes for tests: free ports, waiting, and the site on Daphne."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_when_up(url: str, deadline: float = 30.0) -> str:
    """The body of ``url`` once its server answers; the last error after ``deadline``."""
    give_up = time.monotonic() + deadline
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                return response.read().decode()
        except OSError:
            if time.monotonic() > give_up:
                raise
            time.sleep(0.3)


def status_of(url: str) -> int:
    """The HTTP status a GET of ``url`` answers, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def site_environment(database: Path) -> dict[str, str]:
    """The environment of a separate site process with its own SQLite file.

    The test database of the pytest process lives in memory, which another process
    cannot share.
    """
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "club.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(database.parent / "media"),
        "PYTHONPATH": str(ROOT),
    }


def manage(environment: dict[str, str], *command: str) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *command], cwd=ROOT, env=environment, check=True, timeout=300
    )


@contextmanager
def daphne(environment: dict[str, str], ready_path: str = "/") -> Iterator[str]:
    """club.asgi on Daphne, yielding its base URL once ``ready_path`` answers."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "--no-server-name",
            "club.asgi:application",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        get_when_up(f"{base}{ready_path}")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@contextmanager
def own_database(folder: Path) -> Iterator[str]:
    """A database URL for the site process alone, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / 'site.sqlite3'}"
        return
    import psycopg

    name = f"site_{uuid.uuid4().hex[:12]}"
    server = urlparse(url)
    admin_url = urlunparse(server._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunparse(server._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
