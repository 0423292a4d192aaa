"""RSS and Atom feeds of a news index, in the index page's language, and their sub-URLs."""

from __future__ import annotations

from datetime import datetime, time
from typing import cast

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from club.news.models import NewsIndexPage, NewsPage, localized_tag_name
from club.page_routes import page_route
from club.public_urls import page_url

FEED_ITEMS = 20


class NewsRssFeed(Feed[NewsPage, None]):
    def __init__(self, index_page: NewsIndexPage) -> None:
        super().__init__()
        self.index_page = index_page

    def title(self) -> str:
        # Wagtail's Page fields are untyped.
        return cast(str, self.index_page.title)

    def link(self) -> str:
        return page_url(self.index_page)

    def description(self) -> str:
        return self.index_page.intro

    def items(self) -> list[NewsPage]:
        return list(self.index_page.news()[:FEED_ITEMS])

    def item_title(self, item: NewsPage) -> str:
        return cast(str, item.title)

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return page_url(item)

    def item_pubdate(self, item: NewsPage) -> datetime:
        # The article's own date (what the page shows), at midnight in the site's time zone;
        # publishing an old report later must not make it look new.
        return timezone.make_aware(datetime.combine(item.date, time.min))

    def item_updateddate(self, item: NewsPage) -> datetime | None:
        return cast(datetime | None, item.last_published_at)

    def item_categories(self, item: NewsPage) -> list[str]:
        return [localized_tag_name(tag) for tag in item.tag_list()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.index_page.intro


def rss_feed(request: HttpRequest, index_page: NewsIndexPage) -> HttpResponse:
    return NewsRssFeed(index_page)(request)


def atom_feed(request: HttpRequest, index_page: NewsIndexPage) -> HttpResponse:
    return NewsAtomFeed(index_page)(request)


FEED_ROUTES = [
    page_route("feed/rss/", rss_feed, name="rss"),
    page_route("feed/atom/", atom_feed, name="atom"),
]
