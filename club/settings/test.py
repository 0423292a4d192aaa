"""Test settings: the same stack as dev, with fast hashing and captured email."""

from club.settings.base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
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
