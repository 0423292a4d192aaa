"""Wagtail's Site for a request, with its root page and that page's live translations, kept
in the shared cache: routing a Wagtail page otherwise reads the site, the active locale and
the localized root page's specific row (three queries) before anything of the page itself.

An entry is kept until the page tree, a Site, a Locale or a view restriction changes: each
forgets ``PAGE_TREE`` (club/pages/wagtail_hooks.py), as for the anonymous page cache. With
Redis (REDIS_URL) that reaches every process at once. Without it the cache is per process: the
one process serving the site sees its own admin's changes at once, and a change made by
another process (a management command) shows within ``SITE_LOOKUP_SECONDS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site
from wagtail.models.sites import get_site_for_hostname

from club.page_cache import PAGE_TREE, remember

# Only bounds how long an entry could outlive a change whose tag counter was evicted.
SITE_LOOKUP_SECONDS = 300
TRANSLATIONS = "site_translations"  # where the root page carries its SiteTranslations


@dataclass(frozen=True)
class SiteTranslations:
    """A site root's live translations by language code (itself under its own), and the
    language codes that have a Locale: what Wagtail's ``localized`` reads, in two queries."""

    by_language: dict[str, Page]
    locales: frozenset[str]

    def localized(self, root: Page) -> Page:
        """As Wagtail's ``localized``: the live translation in the active locale (the default
        locale when the active language has none), else the root itself."""
        for language in (get_language(), settings.LANGUAGE_CODE):
            try:
                code = get_supported_content_language_variant(language)
            except LookupError:
                continue
            if code in self.locales:
                return self.by_language.get(code, root)
        return root


class LocalizedFromSiteLookupMixin:
    """``localized`` without a query on a site root that came from ``site_for``, which
    routing asks of every Wagtail page. List it before ``Page``."""

    @property
    def localized(self) -> Any:
        known: SiteTranslations | None = self.__dict__.get(TRANSLATIONS)
        if known is None:
            return super().localized  # type: ignore[misc]
        return known.localized(self)


def site_for(hostname: str, port: str) -> Site | None:
    """Wagtail's site for this host and port (``Site.find_for_request``), its root page
    specific and carrying its translations."""
    return remember(
        f"site:{hostname}:{port}", (PAGE_TREE,), lambda: _load(hostname, port), SITE_LOOKUP_SECONDS
    )


def _load(hostname: str, port: str) -> Site | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    root = site.root_page.specific
    others = (
        Page.objects.filter(translation_key=root.translation_key, live=True)
        .exclude(pk=root.pk)
        .select_related("locale")
        .specific()
    )
    by_language = {page.locale.language_code: page for page in others}
    by_language[root.locale.language_code] = root
    locales = frozenset(Locale.objects.values_list("language_code", flat=True))
    root.__dict__[TRANSLATIONS] = SiteTranslations(by_language, locales)
    site.root_page = root
    return site


class SiteLookupMiddleware:
    """Hands Wagtail the request's site from the shared cache (``Site.find_for_request``
    keeps what it finds on ``request._wagtail_site`` and asks no more)."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # The admin edits drafts of these very pages: it reads them fresh, as Wagtail does.
        if not request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            try:
                host = request.get_host()  # only allowed hosts: junk ones never fill the cache
            except DisallowedHost:
                pass
            else:
                request._wagtail_site = site_for(  # type: ignore[attr-defined]
                    split_domain_port(host)[0], request.get_port()
                )
        response: HttpResponse = self.get_response(request)
        return response
