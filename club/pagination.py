"""One page of a long list, where a page number people can type is a 404 when it is wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

if TYPE_CHECKING:
    # Only in django-stubs: what Paginator accepts (a QuerySet, a list, ...).
    from django.core.paginator import _SupportsPagination

T = TypeVar("T")


def page_or_404(items: _SupportsPagination[T], raw_page: str | None, per_page: int) -> Page[T]:
    """Page ``raw_page`` (1 if empty) of ``items``; a malformed or out-of-range number is a 404."""
    try:
        return Paginator(items, per_page).page(raw_page or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page") from None
