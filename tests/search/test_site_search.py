"""Site search over the pages of the current language."""

from __future__ import annotations

import pytest


def test_search_finds_a_news_item(client, demo_site):
    html = client.get("/en/search/", {"q": "SuperKEKB"}).content.decode()

    assert "LOTUS: an IIT Hyderabad graduate student at KEK" in html


def test_search_stays_in_the_current_language(client, demo_site):
    html = client.get("/ja/search/", {"q": "ニューデリー"}).content.decode()

    assert "第6回インド同窓会をニューデリーで開催" in html
    assert "The 6th India alumni meeting in New Delhi" not in html


def test_empty_query_shows_the_form_only(client, demo_site):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert "search-results" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"q": "x" * 5000},
        {"q": 'title:"India" AND (OR) ~*?'},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
        {"q": "\x00\x01"},
        {"q": "India", "page": "-3"},
    ],
)
def test_hostile_queries_never_500(client, demo_site, query):
    assert client.get("/en/search/", query).status_code in {200, 400, 404}
