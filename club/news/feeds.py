"""RSS and Atom feeds of a news index, in the index page's language."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from club.news.models import NewsIndexPage, NewsPage

FEED_ITEMS = 20


class NewsRssFeed(Feed):
    def __init__(self, index_page: NewsIndexPage) -> None:
        super().__init__()
        self.index_page = index_page

    def title(self) -> str:
        return self.index_page.title

    def link(self) -> str:
        return self.index_page.url

    def description(self) -> str:
        return self.index_page.intro

    def items(self) -> list[NewsPage]:
        return list(self.index_page.news()[:FEED_ITEMS])

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.intro

    def item_link(self, item: NewsPage) -> str:
        return item.url

    def item_pubdate(self, item: NewsPage):
        return item.first_published_at

    def item_categories(self, item: NewsPage) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.index_page.intro
