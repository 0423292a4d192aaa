"""Editors get links into the admin on the site's pages; nobody else sees them."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from club.news.models import NewsIndexPage


def html_for(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_jst_staff_get_links_to_edit_the_page_and_add_one_under_it(client, demo_site, jess):
    news = NewsIndexPage.objects.get(locale__language_code="en")
    client.force_login(jess)

    html = html_for(client, news.url)

    bar = html.split('class="edit-bar"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[news.pk])}"' in bar
    assert f'href="{reverse("wagtailadmin_pages:add_subpage", args=[news.pk])}"' in bar
    assert "Edit this page" in bar


def test_outside_wagtail_pages_staff_get_only_the_admin_link(client, demo_site, jess):
    client.force_login(jess)

    bar = html_for(client, "/en/directory/").split('class="edit-bar"', 1)[1].split("</nav>", 1)[0]

    assert f'href="{reverse("wagtailadmin_home")}"' in bar
    assert "Edit this page" not in bar


def test_members_and_visitors_see_no_links_into_the_admin(client, demo_site, alice):
    assert "edit-bar" not in html_for(client, "/en/news/")
    client.force_login(alice.user)
    assert "edit-bar" not in html_for(client, "/en/news/")
    assert "/admin/" not in html_for(client, "/en/news/")
