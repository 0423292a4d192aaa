"""Site search over the Wagtail pages of the current language."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale, Page

from search.pages import clean_query, search_pages

RESULTS_PER_PAGE = 10


def site_search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""))
    results = search_pages(query, Locale.get_active()) if query else Page.objects.none()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage):
        raise Http404("No such page") from None
    return render(request, "search/site_search.html", {"query": query, "results": page_obj})
