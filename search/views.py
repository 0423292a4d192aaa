"""Site search over the Wagtail pages of the current language."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale, Page

from club.pagination import page_or_404
from search.pages import clean_query, search_pages

RESULTS_PER_PAGE = 10


def site_search(request: HttpRequest) -> HttpResponse:
    query = clean_query(request.GET.get("q", ""))
    results = search_pages(query, Locale.get_active()) if query else Page.objects.none()
    page_obj = page_or_404(results, request.GET.get("page"), RESULTS_PER_PAGE)
    return render(request, "search/site_search.html", {"query": query, "results": page_obj})
