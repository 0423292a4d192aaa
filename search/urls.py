"""Directory URLs, under the language prefix: /<lang>/directory/."""

from __future__ import annotations

from django.urls import URLPattern, path

from search import directory_views

app_name = "directory"
urlpatterns: list[URLPattern] = [
    path("", directory_views.directory, name="index"),
    path("search.json", directory_views.search_json, name="search-json"),
]
