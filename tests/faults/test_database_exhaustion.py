"""Another client takes every PostgreSQL connection: people see pages or a "try again" 503,
never a 500, and the site recovers as soon as the connections are given back."""

from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from tests.servers import daphne, status_of

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="needs a PostgreSQL DATABASE_URL",
)
PATHS = ["/en/", "/en/news/", "/en/chapters/", "/ja/", "/en/directory/search.json?q=a"]


def take_every_connection(url: str) -> list[psycopg.Connection]:
    """Open connections until PostgreSQL refuses: what a runaway client does."""
    held = []
    while True:
        try:
            held.append(psycopg.connect(url, connect_timeout=5))
        except psycopg.OperationalError:
            return held
        if len(held) > 1000:
            raise AssertionError("PostgreSQL never refused a connection")


def wait_until_only(connection: psycopg.Connection, pids: list[int]) -> None:
    """Until no backend but ``pids`` is connected to the database, or 30 s have passed."""
    give_up = time.monotonic() + 30
    while True:
        others = connection.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND NOT (pid = ANY(%s))",
            [pids],
        ).fetchone()[0]
        if others == 0 or time.monotonic() > give_up:
            return
        time.sleep(0.05)


@pytest.mark.postgres
def test_a_database_with_no_connection_left(site_environment):
    environment = {
        **site_environment,
        "DATABASE_POOL_SIZE": "4",
        "DATABASE_POOL_TIMEOUT": "2",
    }
    with daphne(environment, ready_path="/en/") as base:
        urls = [f"{base}{PATHS[i % len(PATHS)]}" for i in range(40)]
        database_url = site_environment["DATABASE_URL"]
        held = take_every_connection(database_url)
        # The site's own connections drop too (as when the database restarts), and the
        # runaway client takes the freed slots: the site cannot get a connection back.
        ours = [connection.info.backend_pid for connection in held]
        held[0].execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND NOT (pid = ANY(%s))",
            [ours],
        )
        # Terminated backends take a moment to exit and free their slots: take them only then,
        # or the site's pool wins the race for a slot and the refusal is never met.
        wait_until_only(held[0], ours)
        held += take_every_connection(database_url)
        try:
            with ThreadPoolExecutor(8) as crowd:
                during = Counter(crowd.map(status_of, urls))
        finally:
            for connection in held:
                connection.close()
        # "Try again in a few seconds": the pool reconnects on its own, with a short backoff.
        # The pool replaces its dropped connections one by one, with a short backoff: within
        # seconds a whole round of pages answers.
        give_up = time.monotonic() + 30
        while True:
            after = Counter(status_of(url) for url in urls[:10])
            if after == Counter({200: 10}) or time.monotonic() > give_up:
                break
            time.sleep(0.5)

    assert during[500] == 0, during
    assert during[503] > 0, during  # the refusal was met, and answered as "try again"
    assert set(during) <= {200, 503}, during
    assert after == Counter({200: 10}), after
