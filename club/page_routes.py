"""Routable pages whose sub-URLs are served by their app's views, named by dotted path.

A page model cannot import its views (they import the model), so the page names its routes
the way settings name ``ROOT_URLCONF``; they are loaded on the first request, not at import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.utils.module_loading import import_string
from wagtail.contrib.routable_page.models import RoutablePageMixin

PageView = Callable[..., HttpResponse]


def page_route(route: str, view: PageView, name: str) -> URLPattern:
    """A sub-URL served by ``view(request, page, **kwargs)``."""

    # Wagtail binds the route's callable to the page, as if it were a method of it.
    def serve(page: Any, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return view(request, page, *args, **kwargs)

    return path(route, serve, name=name)


class RoutesByPathMixin(RoutablePageMixin):
    """Adds the routes listed at ``subpage_routes`` (a dotted path) before the class's own."""

    subpage_routes: ClassVar[str]

    @classmethod
    def get_subpage_urls(cls) -> tuple[Any, ...]:
        return (*import_string(cls.subpage_routes), *super().get_subpage_urls())
