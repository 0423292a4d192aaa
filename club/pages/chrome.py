"""The site chrome (header, footer, feed links): its pages looked up once per request."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from club.news.models import NewsIndexPage
from club.public_pages import restricted_q


class SiteChrome:
    """The current language's home page, menu pages and news index for one request.

    All three come from one query. The pages carry only Page's own fields (titles and URLs
    are all the chrome shows), as instances of their specific classes.
    """

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def _pages(self) -> list[Page]:
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        site_root = site.root_page
        language = get_supported_content_language_variant(get_language())
        # Wagtail's ``localized``: the live translation of the site root, else the root itself.
        translation = Page.objects.filter(
            translation_key=site_root.translation_key, locale__language_code=language, live=True
        ).values("path")[:1]
        pages = self._tree(Page.objects.filter(path__startswith=Subquery(translation)), site_root)
        if not pages or pages[0].depth != site_root.depth:
            pages = self._tree(Page.objects.filter(path__startswith=site_root.path), site_root)
        return pages

    @staticmethod
    def _tree(under_root: QuerySet[Page], site_root: Page) -> list[Page]:
        shown = (
            Q(live=True)
            & (
                Q(depth=site_root.depth + 1, show_in_menus=True)
                | Q(content_type=ContentType.objects.get_for_model(NewsIndexPage))
            )
            & ~restricted_q()
        )
        found: Any = under_root.filter(Q(depth=site_root.depth) | shown).order_by("path")
        return list(found.specific(defer=True))

    @cached_property
    def root(self) -> Page | None:
        """The site's root page in the active language (as Wagtail's ``localized``)."""
        return self._pages[0] if self._pages else None

    @cached_property
    def menu_pages(self) -> list[Page]:
        """The root's live, public children marked 'show in menus'."""
        return [
            page
            for page in self._pages[1:]
            if page.depth == self._pages[0].depth + 1 and page.show_in_menus
        ]

    @cached_property
    def news_index(self) -> NewsIndexPage | None:
        """The live, public news index of the active language, whose feeds every page links."""
        return next((p for p in self._pages[1:] if isinstance(p, NewsIndexPage)), None)


def chrome_for(request: HttpRequest) -> SiteChrome:
    """The request's ``SiteChrome``, made on first use."""
    chrome: SiteChrome | None = getattr(request, "_site_chrome", None)
    if chrome is None:
        chrome = SiteChrome(request)
        request._site_chrome = chrome  # type: ignore[attr-defined]
    return chrome


def translations_of(page: Page) -> dict[str, Page]:
    """The page's live translations (itself included) by language code, in one query."""
    found: Any = Page.objects.filter(translation_key=page.translation_key, live=True)
    return {p.locale.language_code: p for p in found.select_related("locale")}
