"""The language switcher leads to the same page in the other language."""

from __future__ import annotations

import re

import pytest


def switcher_links(html: str) -> dict[str, str]:
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(
        (code, url.replace("&amp;", "&"))
        for url, code in re.findall(r'href="([^"]+)" lang="(\w+)"', nav)
    )


@pytest.mark.parametrize(
    ("english", "japanese"),
    [
        ("/en/", "/ja/"),
        ("/en/programmes/course-a/", "/ja/programmes/course-a/"),
        ("/en/news/sixth-india-alumni-meeting/", "/ja/news/sixth-india-alumni-meeting/"),
        ("/en/events/", "/ja/events/"),
    ],
)
def test_switcher_keeps_the_page(client, demo_site, english, japanese):
    assert switcher_links(client.get(english).content.decode())["ja"] == japanese
    assert switcher_links(client.get(japanese).content.decode())["en"] == english


def test_switcher_keeps_the_search_query(client, demo_site):
    html = client.get("/en/search/", {"q": "India forum"}).content.decode()

    assert switcher_links(html)["ja"] == "/ja/search/?q=India+forum"


def test_switcher_marks_the_current_language(client, demo_site):
    html = client.get("/ja/").content.decode()

    assert 'hreflang="ja" aria-current="true"' in html
    assert 'hreflang="en" aria-current="true"' not in html


def test_root_redirects_to_a_language(client, demo_site):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ja")

    assert response.status_code == 302
    assert response["Location"] == "/ja/"
