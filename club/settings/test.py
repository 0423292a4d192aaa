"""Test settings: the same stack as dev, with fast hashing and captured email."""

import os
from urllib.parse import urlparse, urlunparse

# pytest-xdist runs the suite in two processes at once (gw0, gw1). Each keeps to Redis
# databases of its own, REDIS_DB_STRIDE apart, so one worker's flush, rate limit or cached
# page never reaches the other's. It is set in the environment before the settings below
# read it, so the site processes the tests start inherit it too.
REDIS_DB_STRIDE = 8
REDIS_DB_OFFSET = REDIS_DB_STRIDE * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0")[2:] or 0)
if os.environ.get("REDIS_URL") and REDIS_DB_OFFSET:
    _redis = urlparse(os.environ["REDIS_URL"])
    _number = int(_redis.path.strip("/") or 0) + REDIS_DB_OFFSET
    os.environ["REDIS_URL"] = urlunparse(_redis._replace(path=f"/{_number}"))

from club.settings.base import *  # noqa: E402, F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# ASGI requests run in their own threads; persistent connections would outlive the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# pytest-django swaps the database name for the test database; a pool opened on the way
# would keep connections to the other name. Sites under test in their own process keep it.
DATABASES["default"].get("OPTIONS", {}).pop("pool", None)  # noqa: F405
# The test database is SQLite in memory with a shared cache: its locks are per table, and an
# IMMEDIATE transaction in a request thread would wait on the test's own open transaction.
# Site processes under test (journeys, faults) keep IMMEDIATE on their own database file.
DATABASES["default"].get("OPTIONS", {}).pop("transaction_mode", None)  # noqa: F405
# Rules tests run inside a transaction that never commits, so a change would never forget
# a cached page (that happens on commit). tests/project/test_page_cache.py commits and turns the
# cache on; the journeys and fault tests serve the site with it on.
PAGE_CACHE_SECONDS = 0
