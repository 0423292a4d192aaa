"""A query budget: every page type renders in at most 12 queries, however much content exists.

Each page is measured at two data sizes (after a first request that warms the caches, such
as image renditions, content types, the site lookup and the menu); the count must fit the
budget and must not grow with the number of news items, events, members, careers or questions.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from club.members.models import GroupRole, SubjectGroupMembership
from club.members.privacy import Section, Visibility
from club.news.models import NewsIndexPage, NewsPage
from club.qa.models import Question, QuestionChannel
from tests.factories import (
    CareerEntryFactory,
    MemberFactory,
    RevisitFactory,
    SubjectGroupFactory,
    UserFactory,
    join,
)

BUDGET = 12
SMALL, LARGE = 2, 12


class Content:
    """The content every page shows some of, grown to a given size."""

    def __init__(self, alice: Any, india: Any, make_event: Callable[..., Any]) -> None:
        self.alice = alice
        self.india = india
        self.make_event = make_event
        self.group = SubjectGroupFactory(slug="materials", name="Materials")
        SubjectGroupMembership.objects.create(member=alice, group=self.group, role=GroupRole.MEMBER)
        self.channel = QuestionChannel.objects.create(title="Studying in Japan", slug="studying")
        self.news_index = NewsIndexPage.objects.get(locale__language_code="en")
        self.size = 0
        for section in Section:
            setattr(alice, f"visibility_{section}", Visibility.PUBLIC)
        alice.save()

    def grow_to(self, size: int) -> None:
        for number in range(self.size, size):
            self._add(number)
        self.size = size

    def _add(self, number: int) -> None:
        image = Image.objects.create(title=f"Photo {number}", file=get_test_image_file())
        news = NewsPage(
            title=f"Budget news {number}",
            slug=f"budget-news-{number}",
            date=date.today() - timedelta(days=number),
            intro="News for the query budget.",
            chapter=self.india,
            hero_image=image,
        )
        self.news_index.add_child(instance=news)
        news.save_revision().publish()
        self.make_event(chapter=self.india, days=number + 1)
        self.make_event(chapter=self.india, days=-(number + 30), translate=False)
        member = MemberFactory(
            user=UserFactory(username=f"budget{number}"),
            visibility_profile=Visibility.PUBLIC,
            visibility_career=Visibility.PUBLIC,
        )
        join(member, self.india)
        SubjectGroupMembership.objects.create(
            member=member, group=self.group, role=GroupRole.MEMBER
        )
        CareerEntryFactory(member=member)
        CareerEntryFactory(member=self.alice, organisation=f"Lab {number}")
        RevisitFactory(member=member, start_date=date(2020, 4, 1) + timedelta(days=number))
        Question.objects.create(channel=self.channel, author=member, text=f"Question {number}")


PAGES: dict[str, Callable[[Content], str]] = {
    "home": lambda c: "/en/",
    "news index": lambda c: "/en/news/",
    "news item": lambda c: "/en/news/budget-news-0/",
    "events index": lambda c: "/en/events/",
    "event": lambda c: c.make_event.last_url,  # type: ignore[attr-defined]
    "programmes": lambda c: "/en/programmes/",
    "programme": lambda c: "/en/programmes/course-a/",
    "chapter": lambda c: f"/en/chapters/{c.india.slug}/",
    "group": lambda c: f"/en/groups/{c.group.slug}/",
    "directory": lambda c: "/en/directory/",
    "public profile": lambda c: f"/en/members/{c.alice.pk}/",
    "Q&A channel": lambda c: f"/en/qa/{c.channel.slug}/",
}
MEMBER_ONLY = {"my profile": lambda c: "/en/account/profile/"}
STAFF_ONLY = {"outcomes dashboard": lambda c: "/en/outcomes/"}


@pytest.fixture
def content(demo_site, alice, india, make_event) -> Content:
    made: list[Any] = []

    def make(*args: Any, **kwargs: Any) -> Any:
        event = make_event(*args, **kwargs)
        made.append(event)
        return event

    make.last_url = ""  # type: ignore[attr-defined]
    built = Content(alice, india, make)
    # The event measured is always the first one: later ones only add to the listings.
    built.grow_to(1)
    make.last_url = made[0].url  # type: ignore[attr-defined]
    return built


def viewer_client(who: str, alice: Any, jess: Any) -> Client:
    client = Client()
    if who == "member":
        client.force_login(alice.user)
    elif who == "staff":
        client.force_login(jess)
    return client


def count_queries(client: Client, url: str) -> int:
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def pages_for(who: str) -> dict[str, Callable[[Content], str]]:
    extra = {"member": MEMBER_ONLY, "staff": STAFF_ONLY}.get(who, {})
    return {**PAGES, **extra}


@pytest.mark.parametrize("who", ["anonymous", "member", "staff"])
def test_every_page_fits_the_budget_at_any_size(content, alice, jess, settings, who):
    settings.PAGE_CACHE_SECONDS = 0
    client = viewer_client(who, alice, jess)
    pages = pages_for(who)

    content.grow_to(SMALL)
    small = {page: count_queries(client, url(content)) for page, url in pages.items()}
    content.grow_to(LARGE)
    large = {page: count_queries(client, url(content)) for page, url in pages.items()}

    assert {page: (small[page], n) for page, n in large.items() if n != small[page]} == {}, (
        f"{small}"
    )
    over = {page: n for page, n in small.items() if n > BUDGET}
    assert over == {}, f"{small}"
