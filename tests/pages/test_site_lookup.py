"""The site, its root page and the menus are kept in the shared cache for every request, and
a change to any of them shows on the very next request."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale, Page, PageViewRestriction, Site

from club.pages.models import HomePage, StandardPage


def nav_of(html: str) -> str:
    return html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_second_request_reads_neither_the_site_nor_the_locale_nor_the_menu(demo_site):
    client = Client()
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").status_code == 200

    tables = " ".join(query["sql"] for query in queries)
    assert "wagtailcore_site" not in tables
    assert "wagtailcore_locale" not in tables
    assert '"is_chrome"' not in tables  # club/pages/chrome.py


def test_both_languages_route_to_their_own_home_page(client, demo_site):
    japanese = HomePage.objects.get(locale__language_code="ja")
    client.get("/en/")

    assert demo_site.title in client.get("/en/").content.decode()
    assert japanese.title in client.get("/ja/").content.decode()


def test_a_new_site_root_page_serves_at_once(client, demo_site):
    about = StandardPage.objects.get(url_path__endswith="/about/", locale__language_code="en")
    hero = escape(demo_site.hero_title)
    assert hero in client.get("/en/").content.decode()

    site = Site.objects.get(is_default_site=True)
    site.root_page = about
    site.save()

    html = client.get("/en/").content.decode()
    assert hero not in html
    assert escape(about.title) in html.split("<main", 1)[1]


def test_a_new_hostname_stops_serving_the_old_one_at_once(client, demo_site):
    assert client.get("/en/").status_code == 200

    site = Site.objects.get(is_default_site=True)
    site.hostname = "club.example.org"
    site.is_default_site = False
    site.save()

    assert client.get("/en/").status_code == 404


def test_a_locale_change_makes_the_next_request_read_the_locales_again(client, demo_site):
    client.get("/en/")
    Locale.objects.get(language_code="ja").save()

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")

    assert any("wagtailcore_locale" in query["sql"] for query in queries)


def test_a_published_menu_page_shows_in_the_menu_at_once(client, demo_site):
    assert "Alumni stories" not in nav_of(client.get("/en/").content.decode())

    page = StandardPage(title="Alumni stories", slug="alumni-stories", show_in_menus=True)
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    assert "Alumni stories" in nav_of(client.get("/en/").content.decode())

    page.unpublish()
    assert "Alumni stories" not in nav_of(client.get("/en/").content.decode())


def test_a_renamed_menu_page_shows_its_new_title_at_once(client, demo_site):
    menu_page = Page.objects.child_of(demo_site).live().filter(show_in_menus=True).first()
    assert menu_page is not None
    client.get("/en/")

    specific = menu_page.specific
    specific.title = "Renamed section"
    specific.save_revision().publish()

    assert "Renamed section" in nav_of(client.get("/en/").content.decode())


def test_a_menu_page_made_private_leaves_the_menu_at_once(client, demo_site):
    menu_page = Page.objects.child_of(demo_site).live().filter(show_in_menus=True).first()
    assert menu_page is not None
    assert menu_page.url in nav_of(client.get("/en/").content.decode())

    PageViewRestriction.objects.create(page=menu_page, restriction_type=PageViewRestriction.LOGIN)

    assert menu_page.url not in nav_of(client.get("/en/").content.decode())
