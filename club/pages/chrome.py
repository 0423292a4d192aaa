"""The site chrome (header, footer, feed links): its pages looked up once per request."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, ExpressionWrapper, F, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from club.news.models import NewsIndexPage
from club.page_cache import PAGE_TREE, remember
from club.pages.site_lookup import SITE_LOOKUP_SECONDS
from club.public_pages import restricted_q


class SiteChrome:
    """The current language's home page, menu pages and news index, and the translations of
    the page shown, for one request: all from one query, kept in the shared cache until the
    page tree changes (as the site lookup, club/pages/site_lookup.py).

    The pages carry only Page's own fields: titles and URLs are all the chrome shows.
    """

    def __init__(self, request: HttpRequest, page: Page | None = None) -> None:
        self.request = request
        self.page = page

    @cached_property
    def _rows(self) -> list[Any]:
        site = Site.find_for_request(self.request)
        if site is None:
            return []
        language = get_supported_content_language_variant(get_language())
        # The same for every viewer (restricted pages are left out for all), so shared.
        shown = self.page.translation_key if self.page is not None else "-"
        return remember(
            f"chrome:{site.pk}:{language}:{shown}",
            (PAGE_TREE,),
            lambda: self._load(site.root_page, language),
            SITE_LOOKUP_SECONDS,
        )

    def _load(self, site_root: Page, language: str) -> list[Any]:
        # Wagtail's ``localized``: the live translation of the site root, else the root itself.
        translation = Page.objects.filter(
            translation_key=site_root.translation_key, locale__language_code=language, live=True
        ).values("path")[:1]
        rows = self._query(Q(path__startswith=Subquery(translation)), site_root)
        if not any(row.is_chrome for row in rows):
            rows = self._query(Q(path__startswith=site_root.path), site_root)
        return rows

    def _query(self, under_root: Q, site_root: Page) -> list[Any]:
        shown = (
            Q(live=True)
            & (
                Q(depth=site_root.depth + 1, show_in_menus=True)
                | Q(content_type=ContentType.objects.get_for_model(NewsIndexPage))
            )
            & ~restricted_q()
        )
        chrome = under_root & (Q(depth=site_root.depth) | shown)
        wanted = chrome
        if self.page is not None:
            wanted |= Q(translation_key=self.page.translation_key, live=True)
        found: QuerySet[Any] = Page.objects.filter(wanted).annotate(
            is_chrome=ExpressionWrapper(chrome, output_field=BooleanField()),
            language=F("locale__language_code"),
        )
        return list(found.order_by("path"))

    @cached_property
    def _tree(self) -> list[Page]:
        """The root first, then its menu pages and news indexes, in tree order."""
        return [row for row in self._rows if row.is_chrome]

    @cached_property
    def root(self) -> Page | None:
        """The site's root page in the active language (as Wagtail's ``localized``)."""
        return self._tree[0] if self._tree else None

    @cached_property
    def menu_pages(self) -> list[Page]:
        """The root's live, public children marked 'show in menus'."""
        if self.root is None:
            return []
        depth = self.root.depth + 1
        return [row for row in self._tree[1:] if row.depth == depth and row.show_in_menus]

    @cached_property
    def news_index(self) -> Page | None:
        """The live, public news index of the active language, whose feeds every page links."""
        return next((row for row in self._tree[1:] if row.specific_class is NewsIndexPage), None)

    def translations(self, page: Page) -> dict[str, Page]:
        """The page's live translations (itself included) by language code."""
        if self.page is None or page.translation_key != self.page.translation_key:
            found = Page.objects.filter(translation_key=page.translation_key, live=True)
            return {row.locale.language_code: row for row in found.select_related("locale")}
        key = page.translation_key
        return {row.language: row for row in self._rows if row.translation_key == key and row.live}


def chrome_for(context: Any) -> SiteChrome:
    """The ``SiteChrome`` of the template context's request, made on first use."""
    request = context["request"]
    chrome: SiteChrome | None = getattr(request, "_site_chrome", None)
    if chrome is None:
        page = context.get("page")
        chrome = SiteChrome(request, page if isinstance(page, Page) else None)
        request._site_chrome = chrome
    return chrome
