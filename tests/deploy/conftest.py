"""The deploy suite's parts: one seeded PostgreSQL database shared by every worker process,
the Redis that REDIS_URL names, and browser-like HTTP clients.

Several processes cannot share SQLite's test file well, nor an in-memory channel layer at
all: without PostgreSQL and Redis the tests marked ``needs_engines`` (tests/deploy/stack.py)
are skipped, saying why.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import redis
import requests

from tests.faults.test_redis_outage import sign_in
from tests.servers import ROOT, manage, own_database


@pytest.fixture(scope="session")
def deploy_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Settings for the site's processes on a migrated database seeded with the demo accounts."""
    folder = tmp_path_factory.mktemp("deploy")
    with own_database(folder) as database_url:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "club.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
            "EMAIL_URL": "locmem://",
            "PYTHONPATH": str(ROOT),
            "DEBUG": "true",  # demo accounts are refused without it
        }
        environment.pop("ELASTICSEARCH_URL", None)
        environment.pop("SITE_URL", None)
        manage(environment, "seed_demo", "--members", "0", "--demo-accounts", "-v0")
        environment["DEBUG"] = "false"
        yield environment


def empty_redis(environment: dict[str, str]) -> None:
    """Forget what an earlier run left: a member's question count, say, keyed by the same id."""
    redis.Redis.from_url(environment["REDIS_URL"]).flushdb()


def browser_session(
    base: str, username: str | None = None, verify: bool | str = True
) -> requests.Session:
    """An HTTP client that sends Referer and Origin as a browser does (CSRF checks them over
    HTTPS), signed in as ``username`` if given."""
    session = requests.Session()
    # Loopback servers: no proxy from the environment, and REQUESTS_CA_BUNDLE would
    # override a test certificate given as ``verify``.
    session.trust_env = False
    session.verify = verify
    session.headers.update({"Referer": f"{base}/", "Origin": base})
    if username:
        signed = sign_in(session, base, username)
        assert signed.status_code == 302, (username, signed.status_code)
    return session
