"""Private pages stay private: Wagtail's view restrictions, now asked in one query each."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from club.news.models import NewsIndexPage, NewsPage


@pytest.fixture
def private_news(demo_site) -> NewsPage:
    """A news item behind a sign-in restriction."""
    index = NewsIndexPage.objects.get(locale__language_code="en")
    item = NewsPage(title="Members only news", slug="members-only-news", intro="Secret.")
    index.add_child(instance=item)
    item.save_revision().publish()
    PageViewRestriction.objects.create(page=item, restriction_type=PageViewRestriction.LOGIN)
    return item


def test_a_restricted_page_asks_visitors_to_sign_in(client, private_news, alice):
    response = client.get(private_news.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"] or "login" in response["Location"]

    client.force_login(alice.user)
    assert client.get(private_news.url).status_code == 200


def test_a_page_under_a_restricted_section_is_restricted_too(client, demo_site, alice):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    item = index.get_children().live().first()
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)

    assert client.get(item.url).status_code == 302
    client.force_login(alice.user)
    assert client.get(item.url).status_code == 200


def test_an_alias_keeps_its_source_pages_restriction(client, private_news):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    alias = private_news.create_alias(parent=index, update_slug="members-only-alias")
    assert Page.objects.get(pk=alias.pk).alias_of_id == private_news.pk

    assert client.get(alias.url).status_code == 302


def test_restricted_pages_stay_out_of_listings_and_the_menu(client: Client, private_news):
    listing = client.get("/en/news/").content.decode()
    assert "Members only news" not in listing

    menu_page = Page.objects.get(pk=NewsIndexPage.objects.get(locale__language_code="en").pk)
    PageViewRestriction.objects.create(page=menu_page, restriction_type=PageViewRestriction.LOGIN)
    home = client.get("/en/").content.decode()
    nav = home.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert menu_page.url not in nav
    assert 'type="application/rss+xml"' not in home  # no feed of a private news index
