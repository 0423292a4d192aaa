"""Whole pages for anonymous visitors, kept in the shared cache and forgotten by tag.

Why hand-written: wagtail-cache (the library for this) supports Wagtail < 8 only, and
Django's cache middleware can forget a page only by expiry. Here, while a page renders,
the code that reads changeable data declares it (``depends_on("event:12")``); a change
forgets that tag (``forget("event:12")``) and every page that showed it misses next time.
Tags are versioned counters, so forgetting is one increment, not a scan. The same tags
forget small lookups that every request makes, whoever the viewer (``remember``: the site
and the menus), so that signed-in pages do not pay for them either.

Only anonymous GETs without a session or messages cookie are served from the cache. Only
a 200 that declared at least one tag, sets no cookie, uses no CSRF token and is not marked
private is stored: nothing personal is stored or handed to someone else, and a view that
declares nothing (so could never be forgotten) is never cached. The query string must be
empty or a bare page number, so junk parameters never fill the cache. If the cache (Redis)
is away, pages are rendered as usual: the backend ignores its errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar, cast

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse

CACHE_ALIAS = "pages"
CHANGES_KEY = "page-cache:changes"
HEADER = "X-Page-Cache"
# Paths that are never anonymous content: the admin and the account area (claim tokens).
NEVER = ("/admin/", "/django-admin/", "/documents/")
PRIVATE_SEGMENTS = ("/account/",)
QUERY_ALLOWED = re.compile(r"\Apage=[1-9][0-9]{0,3}\Z")
# How Django splits Cache-Control (django.utils.cache.cc_delim_re, which is not public API).
CACHE_CONTROL_DELIMITER = re.compile(r"\s*,\s*")

T = TypeVar("T")

_tags: ContextVar[set[str] | None] = ContextVar("page_cache_tags", default=None)


def depends_on(*tags: str) -> None:
    """Declare that the page being rendered shows data behind these tags."""
    current = _tags.get()
    if current is not None:
        current.update(tags)


def forget(*tags: str) -> None:
    """Make every cached page and value that declared one of these tags miss, once the
    change commits."""
    if tags:
        transaction.on_commit(lambda: _bump(tags))


def forget_now(*tags: str) -> None:
    """Make what declared these tags miss now, in or out of a transaction: for a lookup kept
    by ``remember`` that the changing transaction itself reads again. ``forget`` must
    follow, so that what other processes read before the commit misses too."""
    _bump(tags)


def _bump(tags: tuple[str, ...]) -> None:
    cache = caches[CACHE_ALIAS]
    for key in [*(_tag_key(tag) for tag in tags), CHANGES_KEY]:
        # add() then incr(): incr() refuses a missing key, and the key may be evicted between.
        if not cache.add(key, 1, timeout=None):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, timeout=None)


def remember(key: str, tags: tuple[str, ...], compute: Callable[[], T], seconds: int) -> T:
    """``compute()``, kept in the shared cache until one of ``tags`` is forgotten (or for
    ``seconds``, in case a tag's counter is evicted), whoever asks: for lookups every page
    makes whatever the viewer, such as the site and its menu. One cache round trip on a hit.
    """
    cache = caches[CACHE_ALIAS]
    entry_key = f"page-cache:value:{key}"
    found = cache.get_many([entry_key, *(_tag_key(tag) for tag in tags)])
    # Read before computing: a change committed meanwhile then makes this entry miss.
    versions = {tag: found.get(_tag_key(tag), 0) for tag in tags}
    entry = found.get(entry_key)
    if entry is not None and entry["tags"] == versions:
        return cast(T, entry["value"])
    value = compute()
    cache.set(entry_key, {"tags": versions, "value": value}, timeout=seconds)
    return value


# Every Wagtail page, and the site lookups every page makes, show the published page tree.
PAGE_TREE = "pages"


def event_tag(canonical_event_id: int) -> str:
    """The seats of an event (both language versions share the original's RSVPs)."""
    return f"event:{canonical_event_id}"


def member_tag(member_id: int) -> str:
    """Everything a page shows of one member."""
    return f"member:{member_id}"


def group_tag(group: Any) -> str:
    """A chapter's or subject group's page (names, coordinators, who belongs)."""
    return f"{group._meta.model_name}:{group.pk}"


def _tag_key(tag: str) -> str:
    return f"page-cache:tag:{tag}"


def _entry_key(request: HttpRequest) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"page-cache:page:{request.get_host()}:{request.path}?{query}"


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or settings.PAGE_CACHE_SECONDS <= 0:
        return False
    if request.path.startswith(NEVER) or any(part in request.path for part in PRIVATE_SEGMENTS):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    query = request.META.get("QUERY_STRING", "")
    return not query or bool(QUERY_ALLOWED.match(query))


def _cacheable_response(request: HttpRequest, response: HttpResponse, tags: set[str]) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming or not tags:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_USED"):
        return False
    control = {
        part.strip().lower()
        for part in CACHE_CONTROL_DELIMITER.split(response.get("Cache-Control", ""))
    }
    return not control & {"private", "no-cache", "no-store"}


class AnonymousPageCacheMiddleware:
    """Serve anonymous pages from the shared cache; store the ones that are safe to share."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = caches[CACHE_ALIAS]
        key = _entry_key(request)
        entry = cache.get(key)
        if entry is not None and _still_fresh(entry["tags"]):
            return _replay(entry)
        changes_before = cache.get(CHANGES_KEY)
        token = _tags.set(set())
        try:
            response = self.get_response(request)
            tags = _tags.get() or set()
        finally:
            _tags.reset(token)
        # A change that committed while this page rendered may not be in it: don't keep it.
        if (
            _cacheable_response(request, response, tags)
            and cache.get(CHANGES_KEY) == changes_before
        ):
            versions = cache.get_many([_tag_key(tag) for tag in tags])
            cache.set(
                key,
                {
                    "tags": {tag: versions.get(_tag_key(tag), 0) for tag in tags},
                    "content": response.content,
                    "headers": dict(response.headers),
                },
                timeout=settings.PAGE_CACHE_SECONDS,
            )
            response[HEADER] = "miss"
        return response


def _still_fresh(tags: dict[str, int]) -> bool:
    if not tags:
        return True
    current = caches[CACHE_ALIAS].get_many([_tag_key(tag) for tag in tags])
    return all(current.get(_tag_key(tag), 0) == version for tag, version in tags.items())


def _replay(entry: dict[str, Any]) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"].items():
        response[name] = value
    response[HEADER] = "hit"
    return response
