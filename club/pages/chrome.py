"""The site chrome (header, footer, feed links): its pages looked up once per request."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from club.news.models import NewsIndexPage
from club.public_pages import restricted_q


class SiteChrome:
    """The current language's home page, menu pages and news index for one request."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def root(self) -> Page | None:
        """The site's root page in the active language (as Wagtail's ``localized``), specific."""
        site = Site.find_for_request(self.request)
        if site is None:
            return None
        root = site.root_page
        language = get_supported_content_language_variant(get_language())
        # One query for the translation, already specific (``localized.specific`` takes three).
        translation = (
            root.specific_class.objects.filter(
                translation_key=root.translation_key, locale__language_code=language, live=True
            ).first()
            if root.specific_class is not None
            else None
        )
        return translation if translation is not None else root.specific

    @cached_property
    def menu_pages(self) -> list[Page]:
        """The root's live, public children marked 'show in menus'."""
        if self.root is None:
            return []
        return list(self.root.get_children().live().in_menu().exclude(restricted_q()))

    @cached_property
    def news_index(self) -> NewsIndexPage | None:
        """The live, public news index of the active language, whose feeds every page links."""
        if self.root is None:
            return None
        found = NewsIndexPage.objects.descendant_of(self.root).live().exclude(restricted_q())
        return found.first()


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
