"""Shared fixtures: the demo site is seeded once per test database."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Locale

from club.demo.pages.site import seed_site
from club.pages.models import HomePage

# Playwright's expect() waits 5 s by default, which a loaded 2-CPU CI machine can exceed while
# a live server and its worker share it: one slow frame must not fail a browser test.
EXPECT_TIMEOUT_MS = 20_000


def pytest_configure(config: pytest.Config) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)


# `make test` and CI run the suite in two pytest-xdist workers (--dist loadgroup). A test
# module stays on one worker, so its module-scoped servers start once; these folders stay
# whole, because their session fixtures seed a site of their own (slow to build twice).
WHOLE_FOLDERS = {"journeys", "deploy", "faults"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = item.path.relative_to(item.config.rootpath).parts
        folder = parts[1] if len(parts) > 2 and parts[0] == "tests" else ""
        group = folder if folder in WHOLE_FOLDERS else "/".join(parts)
        item.add_marker(pytest.mark.xdist_group(group))


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


@pytest.fixture
def events_index(demo_site):
    from club.events.models import EventIndexPage

    return EventIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def make_event(events_index):
    """Publish an event (and its Japanese translation) starting ``days`` from now."""
    from datetime import timedelta

    from django.utils import timezone

    from club.events.models import EventPage

    counter = iter(range(1, 10_000))

    def make(
        title: str | None = None,
        chapter: Any = None,
        days: float = 10,
        hours: float = 3,
        translate: bool = True,
        **fields: Any,
    ) -> EventPage:
        number = next(counter)
        start = fields.pop("start", None) or (timezone.now() + timedelta(days=days)).replace(
            second=0, microsecond=0
        )
        end = fields.pop("end", None) or start + timedelta(hours=hours)
        event = EventPage(
            title=title or f"Test reunion {number}",
            slug=f"test-reunion-{number}-{int(start.timestamp())}",
            summary="A test reunion.",
            start=start,
            end=end,
            time_zone=fields.pop("time_zone", "Asia/Kolkata"),
            venue=fields.pop("venue", "India Habitat Centre"),
            chapter=chapter,
            **fields,
        )
        events_index.add_child(instance=event)
        event.save_revision().publish()
        if translate:
            japanese = event.copy_for_translation(Locale.objects.get(language_code="ja"))
            japanese.title = f"テスト同窓会 {number}"
            japanese.save_revision().publish()
        return EventPage.objects.get(pk=event.pk)

    return make


# Named people used across the members tests. Alice and Carol are in the India
# chapter (Carol coordinates it); Bob is in the Thailand chapter; Jess is JST staff.


@pytest.fixture
def india(db):
    from club.members.models import Chapter

    return Chapter.objects.get_or_create(slug="india", defaults={"name": "India chapter"})[0]


@pytest.fixture
def thailand(db):
    from club.members.models import Chapter

    return Chapter.objects.get_or_create(slug="thailand", defaults={"name": "Thailand chapter"})[0]


@pytest.fixture
def alice(db, india):
    from tests.factories import MemberFactory, UserFactory, join

    member = MemberFactory(
        user=UserFactory(username="alice"), given_name="Alice", family_name="Anand"
    )
    join(member, india)
    return member


@pytest.fixture
def bob(db, thailand):
    from tests.factories import MemberFactory, UserFactory, join

    member = MemberFactory(
        user=UserFactory(username="bob"), given_name="Bob", family_name="Boonmee", country="TH"
    )
    join(member, thailand)
    return member


@pytest.fixture
def carol(db, india):
    from tests.factories import MemberFactory, UserFactory, join

    member = MemberFactory(
        user=UserFactory(username="carol"), given_name="Carol", family_name="Chandra"
    )
    join(member, india, coordinator=True)
    return member


@pytest.fixture
def jess(db):
    """A JST staff user (in the 'JST staff' group), with no member profile."""
    from django.contrib.auth.models import Group

    from club.members.roles import JST_STAFF_GROUP
    from tests.factories import UserFactory

    user = UserFactory(username="jess")
    user.groups.add(Group.objects.get(name=JST_STAFF_GROUP))
    return user


@pytest.fixture(autouse=True)
def no_site_lookups_from_earlier_tests():
    """The site and menus kept in the shared cache (club/pages/site_lookup.py) were read from
    an earlier test's rows, which its rollback undid: each test starts without them."""
    from club.page_cache import PAGE_TREE, forget_now

    forget_now(PAGE_TREE)


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request to /ja/ leaves Japanese active in the thread."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")
