"""The journey suite's real parts: a seeded site served by ``manage.py serve`` (Daphne and the
task worker, as ``make demo`` runs them), a real SMTP server, and Debian's Chromium.

The site runs in its own process on its own database: a SQLite file, or a fresh PostgreSQL
database when ``DATABASE_URL`` names one (CI's second configuration, with Redis too).
Nothing here reaches into the site: tests use it as people do, through the browser and the
mail that arrives.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlparse, urlunparse

import pytest

from tests.journeys.browser import CHROMIUM, Browsing
from tests.servers import ROOT, free_port, get_when_up, manage, own_database, redis_database
from tests.smtp_server import SmtpServer

DEMO_MEMBERS = "30"


@dataclass
class Site:
    url: str
    mail: SmtpServer
    environment: dict[str, str]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "journeys" in item.path.parts:
            item.add_marker(pytest.mark.journey)
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def mail() -> Iterator[SmtpServer]:
    with SmtpServer() as server:
        yield server


JOURNEY_REDIS_DB = 3  # the Q&A tests use 5, the rest of the suite 0


def own_redis_database(url: str) -> str:
    """The same Redis, on a database of the journeys' own, emptied: a cache kept from
    another run (image renditions, say) would point at files this site never made."""
    import redis

    own = urlunparse(urlparse(url)._replace(path=f"/{redis_database(JOURNEY_REDIS_DB)}"))
    redis.Redis.from_url(own).flushdb()
    return own


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory, mail: SmtpServer) -> Iterator[Site]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}: the journeys must run in CI")
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    folder = tmp_path_factory.mktemp("site")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with own_database(folder) as database_url:
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "club.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(folder / "media"),
            "EMAIL_URL": mail.url,
            "SITE_URL": url,
            "PYTHONPATH": str(ROOT),
            "DEBUG": "true",  # demo accounts are refused without it, as in `make demo`
        }
        if environment.get("REDIS_URL"):
            environment["REDIS_URL"] = own_redis_database(environment["REDIS_URL"])
        manage(environment, "seed_demo", "--members", DEMO_MEMBERS, "--demo-accounts", "-v0")
        environment["DEBUG"] = "false"  # served as `make demo` serves it
        log = (folder / "serve.log").open("w")
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "manage.py",
                "serve",
                "--port",
                str(port),
                "--worker-interval",
                "0.2",
            ],
            cwd=ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            get_when_up(f"{url}/en/", deadline=60)
            yield Site(url=url, mail=mail, environment=environment)
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
            print((folder / "serve.log").read_text()[-4000:])  # shown when a journey fails


# Per module, not per session: a running sync Playwright owns the main thread's event loop,
# and the asyncio and browser tests that run after the journeys would find it still there.
@pytest.fixture(scope="module")
def chromium(site: Site) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    from tests.journeys.browser import CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browsing(site: Site, chromium) -> Iterator[Browsing]:
    """Fresh browser contexts (people) for one journey; all closed at its end."""
    with Browsing(site.url, site.mail, chromium) as people:
        yield people
