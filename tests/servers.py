"""Real servers in separate processes for tests: free ports, waiting, and the site on Daphne."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def redis_database(number: int) -> int:
    """Redis database ``number`` of this pytest-xdist worker (see club/settings/test.py)."""
    from django.conf import settings

    return number + settings.REDIS_DB_OFFSET


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


def _migrate_environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "club.settings.dev",
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
    }


@functools.cache
def _sqlite_template() -> Path:
    """A migrated SQLite file, built once per pytest process, that sites start from.

    Migrating from nothing takes 30 s or more on a busy CI machine, and half a dozen test
    modules start a site of their own: they copy this file instead.
    """
    path = Path(tempfile.mkdtemp(prefix="club-template-")) / "migrated.sqlite3"
    manage(_migrate_environment(f"sqlite:///{path}"), "migrate", "--noinput", "-v0")
    atexit.register(shutil.rmtree, path.parent, ignore_errors=True)
    return path


def migrated_sqlite(path: Path) -> Path:
    """``path``, a new SQLite file with every migration applied (a copy of the template)."""
    shutil.copyfile(_sqlite_template(), path)
    return path


def _postgres_admin(url: str) -> str:
    return urlunparse(urlparse(url)._replace(path="/postgres"))


@functools.cache
def _postgres_template(url: str) -> str:
    """The name of a migrated PostgreSQL database, built once per pytest process (see
    ``_sqlite_template``); new site databases are created from it as a TEMPLATE."""
    import psycopg

    name = f"site_template_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_postgres_admin(url), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    atexit.register(_drop_postgres, url, name)
    manage(
        _migrate_environment(urlunparse(urlparse(url)._replace(path=f"/{name}"))),
        "migrate",
        "--noinput",
        "-v0",
    )
    return name


def _drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_postgres_admin(url), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def own_database(folder: Path) -> Iterator[str]:
    """A migrated database for the site process alone, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{migrated_sqlite(folder / 'site.sqlite3')}"
        return
    import psycopg

    template = _postgres_template(url)
    name = f"site_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_postgres_admin(url), autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield urlunparse(urlparse(url)._replace(path=f"/{name}"))
    finally:
        _drop_postgres(url, name)
