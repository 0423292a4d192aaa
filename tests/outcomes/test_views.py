"""Who may see the outcome figures: JST staff everywhere, coordinators their own chapter."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from club.members.models import MemberStatus
from tests.factories import UserFactory

ADMIN_DASHBOARD = "/admin/outcomes/"


def chapter_url(slug: str, lang: str = "en") -> str:
    return f"/{lang}/outcomes/chapter/{slug}/"


def test_staff_open_the_admin_dashboard_and_see_the_menu_item(client, jess, alumni):
    client.force_login(jess)

    response = client.get(ADMIN_DASHBOARD)

    assert response.status_code == 200
    assert response.context["report"].headline.alumni.value == 12
    content = response.content.decode()
    assert '<svg class="outcome-chart"' in content
    assert "How the figures are defined" in content
    assert ADMIN_DASHBOARD.encode() in client.get("/admin/").content


def test_the_admin_dashboard_refuses_admin_users_without_the_staff_permission(client, db):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.get(ADMIN_DASHBOARD)

    assert response.status_code == 302
    assert ADMIN_DASHBOARD.encode() not in client.get("/admin/").content


@pytest.mark.parametrize("user", ["alice", "carol", None])
def test_the_admin_dashboard_refuses_members_and_visitors(client, alice, carol, user):
    if user:
        client.force_login({"alice": alice, "carol": carol}[user].user)

    response = client.get(ADMIN_DASHBOARD)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("url", [ADMIN_DASHBOARD, f"{ADMIN_DASHBOARD}export.xlsx"])
def test_exports_refuse_non_staff_too(client, carol, url):
    client.force_login(carol.user)

    assert client.get(url).status_code == 302
    assert client.get(f"{ADMIN_DASHBOARD}export.csv").status_code == 302


def test_a_coordinator_sees_their_chapter(client, carol, india, alumni):
    client.force_login(carol.user)

    response = client.get(chapter_url("india"))

    assert response.status_code == 200
    assert response.context["report"].headline.alumni.value == 6
    assert "chapter" not in response.context["form"].fields
    assert "current members of India chapter only" in response.content.decode()


def test_the_coordinator_index_leads_to_their_chapter(client, carol, india):
    client.force_login(carol.user)

    response = client.get("/en/outcomes/")

    assert response.status_code == 302
    assert response["Location"] == chapter_url("india")


def test_a_coordinator_cannot_see_another_chapter(client, carol, thailand, alumni):
    client.force_login(carol.user)

    assert client.get(chapter_url("thailand")).status_code == 403
    assert client.get(f"{chapter_url('thailand')}export.csv").status_code == 403


def test_a_chapter_filter_in_the_query_cannot_widen_a_coordinators_view(client, carol, alumni):
    client.force_login(carol.user)

    response = client.get(chapter_url("india"), {"chapter": "thailand"})

    assert response.status_code == 200
    assert response.context["report"].selection.chapter.slug == "india"


def test_plain_members_are_refused(client, alice, bob, alumni):
    client.force_login(alice.user)

    assert client.get(chapter_url("india")).status_code == 403
    assert client.get(f"{chapter_url('india')}export.xlsx").status_code == 403
    assert client.get("/en/outcomes/").status_code == 403


def test_visitors_are_sent_to_sign_in(client, india):
    response = client.get(chapter_url("india"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def test_a_coordinator_whose_account_is_not_active_is_refused(client, carol, india):
    carol.status = MemberStatus.PENDING
    carol.save()
    client.force_login(carol.user)

    assert client.get(chapter_url("india")).status_code == 403


def test_staff_see_any_chapter_and_the_chapter_list(client, jess, thailand, india, alumni):
    client.force_login(jess)

    assert client.get(chapter_url("thailand")).status_code == 200
    index = client.get("/en/outcomes/")
    assert index.status_code == 200
    assert chapter_url("thailand") in index.content.decode()


def test_an_unknown_chapter_is_a_404(client, jess):
    client.force_login(jess)

    assert client.get(chapter_url("atlantis")).status_code == 404


def test_the_chapter_dashboard_speaks_japanese(client, carol, india, alumni):
    client.force_login(carol.user)

    response = client.get(chapter_url("india", "ja"))

    assert response.status_code == 200
    assert '<html lang="ja">' in response.content.decode()


def test_staff_can_recompute_the_figures(client, jess, alumni):
    from club.outcomes.models import Alumnus

    Alumnus.objects.all().delete()
    client.force_login(jess)
    assert not client.get(ADMIN_DASHBOARD).context["built"]

    response = client.post(reverse("outcomes-admin:rebuild"))

    assert response.status_code == 302
    assert Alumnus.objects.count() == 12


def test_recomputing_is_post_only_and_staff_only(client, jess, carol):
    client.force_login(jess)
    assert client.get(reverse("outcomes-admin:rebuild")).status_code == 405
    client.force_login(carol.user)
    assert client.post(reverse("outcomes-admin:rebuild")).status_code == 302


@pytest.mark.parametrize(
    ("who", "chapter", "shown"),
    [
        ("carol", "india", True),  # coordinates India
        ("carol", "thailand", False),
        ("bob", "thailand", False),  # a member, not a coordinator
        ("jess", "thailand", True),  # JST staff
        (None, "india", False),
    ],
)
def test_the_chapter_page_links_its_figures_for_those_who_may_see_them(
    client, carol, bob, jess, india, thailand, who, chapter, shown
):
    if who:
        client.force_login({"carol": carol.user, "bob": bob.user, "jess": jess}[who])

    page = client.get(reverse("members:chapter-detail", kwargs={"slug": chapter}))

    assert page.status_code == 200
    assert (f'href="{chapter_url(chapter)}"' in page.content.decode()) is shown
