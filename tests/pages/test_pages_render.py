"""Every page type renders in English and Japanese."""

from __future__ import annotations

import pytest
from wagtail.models import Page

from club.events.models import EventIndexPage, EventPage
from club.news.models import NewsIndexPage, NewsPage
from club.pages.models import (
    HomePage,
    ProgrammeIndexPage,
    ProgrammePage,
    StandardPage,
)

PAGE_TYPES = [
    HomePage,
    StandardPage,
    ProgrammeIndexPage,
    ProgrammePage,
    NewsIndexPage,
    NewsPage,
    EventIndexPage,
    EventPage,
]


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_page_type_renders_in_both_languages(client, demo_site, model, language):
    page: Page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"the demo site has no {language} {model.__name__}"

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert page.title in html
    # The site chrome is translated too, not only the page content.
    assert ("さくらサイエンスクラブ" in html) == (language == "ja")


def test_home_page_shows_key_numbers_news_and_upcoming_events(client, demo_site):
    response = client.get("/en/")

    html = response.content.decode()
    assert "43,000" in html
    assert "The 6th India alumni meeting in New Delhi" in html or "Y-tec" in html
    assert "7th India alumni meeting" in html  # January 2027, upcoming on the demo site
    assert "6th India alumni meeting</a>" not in html  # past events are not "upcoming"


def test_programme_page_shows_its_limits(client, demo_site):
    html = client.get("/en/programmes/course-c/").content.decode()

    assert "Up to 10 days" in html
    assert "25 from several countries" in html


def test_japanese_programme_page_is_in_japanese(client, demo_site):
    html = client.get("/ja/programmes/course-b/").content.decode()

    assert "Bコース:共同研究活動コース" in html
    assert "21日間まで" in html


def test_standard_page_renders_its_quote_block(client, demo_site):
    html = client.get("/en/about/").content.decode()

    assert '<figure class="block-quote">' in html
    assert "Vipul Nath Jindal" in html


def test_event_page_shows_event_zone_and_viewer_zone(client, demo_site):
    html = client.get("/en/events/seventh-india-alumni-meeting/").content.decode()

    assert "Asia/Kolkata" in html
    assert "In your time zone" in html


def test_event_times_are_shown_in_the_event_zone(client, demo_site):
    listing = client.get("/en/events/").content.decode()
    page = client.get("/en/events/seventh-india-alumni-meeting/").content.decode()

    # 10:00 in New Delhi, not 13:30 in Tokyo (the server's zone).
    assert "Jan. 23, 2027, 10 a.m." in listing
    assert "Jan. 23, 2027, 10 a.m." in page
    assert "Jan. 23, 2027, 1:30 p.m." in page  # the same moment in the viewer's zone


@pytest.mark.parametrize(
    ("language", "path"),
    [("en", "/en/"), ("ja", "/ja/"), ("en", "/en/chapters/"), ("ja", "/ja/account/login/")],
)
def test_every_page_advertises_the_news_feeds_of_its_language(client, demo_site, language, path):
    import re

    html = client.get(path).content.decode()
    feeds = re.findall(
        r'<link rel="alternate" type="application/(rss|atom)\+xml"[^>]*href="([^"]+)"', html
    )

    assert sorted(kind for kind, _ in feeds) == ["atom", "rss"]
    for _kind, href in feeds:
        assert href.startswith(f"/{language}/")
        assert client.get(href).status_code == 200


def test_the_news_index_advertises_each_feed_once(client, demo_site):
    html = client.get("/en/news/").content.decode()

    assert html.count('rel="alternate" type="application/rss+xml"') == 1


@pytest.mark.parametrize("path", ["/en/search/?q=India", "/ja/search/?q=India", "/en/events/"])
def test_every_search_landmark_has_its_own_name(client, demo_site, path):
    import re

    html = client.get(path).content.decode()
    landmarks = re.findall(r'<[^>]*role="search"[^>]*>', html)
    names = [re.search(r'aria-label="([^"]+)"', tag) for tag in landmarks]

    assert len(landmarks) >= 2
    assert all(names), landmarks
    assert len({name.group(1) for name in names}) == len(names)
