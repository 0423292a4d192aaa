"""The anonymous page cache: shared only when safe, and a change shows at once.

A change forgets cached pages when it commits; these tests run the on-commit callbacks of
each change as its commit would. The rest of the rules suite runs with the cache off.
"""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from club.members.sections import Section, Visibility
from club.news.models import NewsIndexPage, NewsPage
from club.page_cache import CACHE_ALIAS, HEADER


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches[CACHE_ALIAS].clear()
    yield
    caches[CACHE_ALIAS].clear()


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks of the changes made inside, as their commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def anonymous_get(path: str):
    return Client().get(path)


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(demo_site):
    first = anonymous_get("/en/")
    with CaptureQueriesContext(connection) as queries:
        second = anonymous_get("/en/")

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert len(queries) == 0
    assert second["Content-Type"].startswith("text/html")
    assert second["X-Frame-Options"] == "DENY"


def test_each_language_has_its_own_entry(demo_site):
    english = anonymous_get("/en/")
    japanese = anonymous_get("/ja/")

    assert japanese[HEADER] == "miss"
    assert english.content != japanese.content
    assert 'lang="ja"' in anonymous_get("/ja/").content.decode()


def test_signed_in_people_neither_get_nor_fill_the_cache(demo_site, alice):
    anonymous_get("/en/news/")
    signed_in = Client()
    signed_in.force_login(alice.user)

    own = signed_in.get("/en/news/")
    signed_in.get("/en/events/")
    after = anonymous_get("/en/events/")

    assert HEADER not in own
    assert "Sign out" in own.content.decode()
    assert after[HEADER] == "miss"
    assert "Sign out" not in after.content.decode()


def test_junk_query_strings_are_served_but_never_stored(demo_site):
    for query in ("utm_source=mail", "page=0", "page=%EF%BC%91", "page=1&x=1", "page=99999"):
        response = anonymous_get(f"/en/news/?{query}")
        assert response.status_code in (200, 404)
        assert HEADER not in response

    assert anonymous_get("/en/news/?page=1")[HEADER] == "miss"


def test_a_published_news_item_shows_on_the_cached_index_at_once(demo_site, committing):
    assert "Seventh reunion announced" not in anonymous_get("/en/news/").content.decode()
    index = NewsIndexPage.objects.get(locale__language_code="en")
    item = NewsPage(
        title="Seventh reunion announced", slug="seventh-reunion-announced", intro="New Delhi."
    )
    with committing():
        index.add_child(instance=item)
        item.save_revision().publish()

    response = anonymous_get("/en/news/")

    assert response[HEADER] == "miss"
    assert "Seventh reunion announced" in response.content.decode()


def test_an_unpublished_page_disappears_at_once(demo_site, committing):
    about = Page.objects.get(url_path__endswith="/about/", locale__language_code="en")
    assert anonymous_get(about.url).status_code == 200
    assert anonymous_get(about.url)[HEADER] == "hit"

    with committing():
        about.specific.unpublish()

    assert anonymous_get(about.url).status_code == 404


def test_a_section_made_private_leaves_the_cached_public_profile_at_once(
    demo_site, alice, committing
):
    alice.bio = "Alice builds low-cost water sensors."
    alice.visibility_profile = Visibility.PUBLIC
    alice.visibility_bio = Visibility.PUBLIC
    alice.save()
    path = f"/en/members/{alice.pk}/"
    assert "low-cost water sensors" in anonymous_get(path).content.decode()
    assert anonymous_get(path)[HEADER] == "hit"

    owner = Client()
    owner.force_login(alice.user)
    data = {f"visibility_{section}": Visibility.PUBLIC.value for section in Section}
    data[f"visibility_{Section.BIO}"] = Visibility.MEMBERS.value
    with committing():
        assert owner.post("/en/account/profile/privacy/", data).status_code == 302

    assert "low-cost water sensors" not in anonymous_get(path).content.decode()


def test_a_new_member_of_a_chapter_shows_on_its_cached_page_at_once(
    demo_site, india, bob, committing
):
    bob.visibility_profile = Visibility.PUBLIC
    bob.save()
    path = f"/en/chapters/{india.slug}/"
    assert "Boonmee" not in anonymous_get(path).content.decode()
    assert anonymous_get(path)[HEADER] == "hit"

    joining = Client()
    joining.force_login(bob.user)
    with committing():
        joining.post(f"/en/chapters/{india.slug}/join/")

    assert "Boonmee" in anonymous_get(path).content.decode()
