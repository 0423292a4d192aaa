"""The site's public address: the one source of every absolute link that leaves the site.

E-mails, calendars, feeds and exports are read away from the request that made them,
often by a worker with no request at all, so their links come from ``SITE_URL`` (the
address people use, behind any proxy), never from a request's Host header or from
Wagtail's Site hostname.
"""

from __future__ import annotations

from urllib.parse import urlparse

from django.conf import settings
from wagtail.models import Page


def base_url() -> str:
    """``SITE_URL`` without a trailing slash, e.g. ``https://club.example.org``."""
    return str(settings.SITE_URL).rstrip("/")


def host() -> str:
    """The public host name alone (for identifiers such as iCalendar UIDs)."""
    return urlparse(base_url()).hostname or "localhost"


def absolute(path: str) -> str:
    """``path`` (starting with ``/``) on the public address."""
    return base_url() + path


def page_url(page: Page) -> str:
    """The public address of a Wagtail page, or '' if it is not routable."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return absolute(parts[2])
