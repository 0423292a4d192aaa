"""Shared fixtures: the demo site is seeded once per test database."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from club.pages.demo.site import seed_site
from club.pages.models import HomePage


def _quiet(_: str) -> None:
    """Discard seed_demo's progress lines in tests."""


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed_site(report=_quiet)


@pytest.fixture
def demo_site(db) -> HomePage:
    """The seeded English home page (re-seeded if a transactional test flushed it)."""
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None:
        seed_site(report=_quiet)
        home = HomePage.objects.get(locale__language_code="en")
    return home


@pytest.fixture
def ja(db) -> Locale:
    return Locale.objects.get(language_code="ja")
