"""Another client takes every PostgreSQL connection: people see pages or a "try again" 503,
never a 500, and the site recovers as soon as the connections are given back."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest

from tests.servers import daphne

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="needs a PostgreSQL DATABASE_URL",
)
PATHS = ["/en/", "/en/news/", "/en/chapters/", "/ja/", "/en/directory/search.json?q=a"]


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


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


@pytest.mark.postgres
def test_a_database_with_no_connection_left(site_environment):
    environment = {
        **site_environment,
        "DATABASE_POOL_SIZE": "4",
        "DATABASE_POOL_TIMEOUT": "2",
    }
    with daphne(environment, ready_path="/en/") as base:
        urls = [f"{base}{PATHS[i % len(PATHS)]}" for i in range(40)]
        held = take_every_connection(site_environment["DATABASE_URL"])
        try:
            with ThreadPoolExecutor(8) as crowd:
                during = Counter(crowd.map(status_of, urls))
        finally:
            for connection in held:
                connection.close()
        after = Counter(status_of(url) for url in urls[:10])

    assert during[500] == 0, during
    assert set(during) <= {200, 503}, during
    assert after == Counter({200: 10}), after
