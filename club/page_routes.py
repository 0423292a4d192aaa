"""Routable pages whose sub-URLs are served by their app's views, named by dotted path.

A page model cannot import its views (they import the model), so the page names its routes
the way settings name ``ROOT_URLCONF``; they are loaded on the first request, not at import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.db.models import QuerySet
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


class OneChildTypeRouteMixin:
    """For a page whose children are all of one type: routes to a child in one query, with
    ``child_related`` selected (Wagtail's ``Page.route`` reads the base row, then the specific
    one, then each relation the template shows).

    List it after any ``RoutablePageMixin`` so that the page's own sub-URLs are tried first.
    """

    child_related: ClassVar[tuple[str, ...]] = ()

    def routed_children(self, model: Any) -> QuerySet[Any]:
        """The children a URL may route to; a page adds what its child's view reads."""
        children: QuerySet[Any] = model.objects.child_of(self)
        return children

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        child_models = type(self).allowed_subpage_models()  # type: ignore[attr-defined]
        if path_components and len(child_models) == 1:
            child = (
                self.routed_children(child_models[0])
                .filter(slug=path_components[0])
                .select_related(*self.child_related)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Page.route does: no query for get_parent()
                return child.route(request, path_components[1:])
        # Not found (or a child of a type no longer allowed): Wagtail's own lookup decides.
        return super().route(request, path_components)  # type: ignore[misc]
