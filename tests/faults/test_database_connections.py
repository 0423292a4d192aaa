"""A crowd on a real ASGI server over PostgreSQL: connections stay bounded and nobody sees a 500.

Before, DATABASE_URL was parsed with CONN_MAX_AGE=60: under Daphne each request runs in a pool
thread, so those connections were never reused nor closed. 200 directory requests, 8 at a
time, left dozens of idle connections and gave HTTP 500s ("too many clients already").
"""

from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse, urlunparse

import pytest
from django.db import connection

from tests.servers import ROOT, daphne, status_of

REQUESTS = 300
AT_ONCE = 16
POOL_SIZE = 6
PATHS = ["/en/", "/en/news/", "/en/directory/search.json?q=kumar", "/ja/chapters/"]

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="needs a PostgreSQL DATABASE_URL",
)


def server_connections(database: str) -> int:
    with connection.cursor() as cursor:
        # Inside the test's transaction pg_stat_activity is read once and kept: read it afresh.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        )
        return cursor.fetchone()[0]


def site_on_test_database(database: str) -> dict[str, str]:
    """A site process on this test's PostgreSQL database, with a pool of POOL_SIZE."""
    url = urlparse(os.environ["DATABASE_URL"])
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "club.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": urlunparse(url._replace(path=f"/{database}")),
        "DATABASE_POOL_SIZE": str(POOL_SIZE),
        "PYTHONPATH": str(ROOT),
    }


@pytest.mark.postgres
def test_hundreds_of_concurrent_requests_keep_connections_bounded(demo_site):
    database = connection.settings_dict["NAME"]
    environment = site_on_test_database(database)
    before = server_connections(database)

    with daphne(environment, ready_path="/en/") as base, ThreadPoolExecutor(AT_ONCE) as crowd:
        statuses = Counter(
            crowd.map(status_of, (f"{base}{PATHS[i % len(PATHS)]}" for i in range(REQUESTS)))
        )
        during = server_connections(database)

    assert statuses[500] == 0, statuses
    assert set(statuses) <= {200, 302, 403}, statuses
    assert during - before <= POOL_SIZE


@pytest.mark.postgres
def test_the_pool_opens_every_connection_before_the_crowd_comes(demo_site):
    """psycopg grows a pool one connection at a time: a crowd at a fresh worker on a busy
    machine waited behind that growth and got 503s. The first request opens them all."""
    database = connection.settings_dict["NAME"]
    environment = site_on_test_database(database)
    before = server_connections(database)
    with daphne(environment, ready_path="/en/"):
        give_up = time.monotonic() + 30
        while (opened := server_connections(database) - before) < POOL_SIZE:
            if time.monotonic() > give_up:
                break
            time.sleep(0.05)
    assert opened == POOL_SIZE
