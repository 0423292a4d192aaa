"""Chapter and subject-group pages: listings, privacy-aware member lists, join and leave."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from club.members.consent import record_consent
from club.members.models import (
    ChapterMembership,
    ConsentSource,
    MemberStatus,
    Purpose,
    SubjectGroupMembership,
)
from club.members.sections import Visibility
from tests.factories import MemberFactory, SubjectGroupFactory, join

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"members:{name}", kwargs=kwargs or None)


def member_names(response) -> list[str]:
    return [profile.display_name for profile in response.context["members"]]


@pytest.fixture
def materials():
    return SubjectGroupFactory(slug="materials", name="Materials science")


# Listings and detail pages


@pytest.mark.parametrize("language", ["en", "ja"])
def test_chapter_list_shows_chapters_counts_and_coordinators(client, alice, bob, carol, language):
    client.force_login(bob.user)

    response = client.get(url("chapter-list", language))

    assert response.status_code == 200
    assert url("chapter-list", language).startswith(f"/{language}/")
    cards = {card["group"].slug: card for card in response.context["cards"]}
    assert cards["india"]["group"].visible_member_count == 2
    assert [c.display_name for c in cards["india"]["coordinators"]] == ["Carol Chandra"]
    assert cards["thailand"]["group"].visible_member_count == 1
    assert "Carol Chandra" in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_chapter_detail_renders_members_and_coordinators(client, alice, bob, carol, language):
    client.force_login(bob.user)

    response = client.get(url("chapter-detail", language, slug="india"))

    assert response.status_code == 200
    assert member_names(response) == ["Alice Anand", "Carol Chandra"]
    assert [c.display_name for c in response.context["coordinators"]] == ["Carol Chandra"]
    html = response.content.decode()
    assert "Alice Anand" in html
    assert reverse("members:member-detail", kwargs={"pk": alice.pk}) in html
    assert "css/members-groups.css" in html


def test_subject_group_pages_list_their_members(client, alice, bob, materials):
    SubjectGroupMembership.objects.create(group=materials, member=alice)
    client.force_login(bob.user)

    listing = client.get(url("group-list"))
    detail = client.get(url("group-detail", slug="materials"))

    assert listing.status_code == 200
    assert [card["group"].visible_member_count for card in listing.context["cards"]] == [1]
    assert member_names(detail) == ["Alice Anand"]


def test_unknown_chapter_is_404(client):
    assert client.get(url("chapter-detail", slug="atlantis")).status_code == 404


@pytest.mark.parametrize("page", ["abc", "0", "99", "-1", "1.5"])
def test_bad_page_number_is_404_not_500(client, alice, page):
    response = client.get(url("chapter-detail", slug="india"), {"page": page})

    assert response.status_code == 404


def test_member_list_is_paginated(client, india, bob):
    for number in range(30):
        join(MemberFactory(given_name=f"Member{number:02d}", family_name="Test"), india)
    client.force_login(bob.user)

    first = client.get(url("chapter-detail", slug="india"))
    second = client.get(url("chapter-detail", slug="india"), {"page": 2})

    assert len(first.context["members"]) == 24
    assert len(second.context["members"]) == 6
    assert first.context["page_obj"].paginator.count == 30


def test_detail_page_queries_do_not_grow_with_members(
    client, india, bob, django_assert_max_num_queries
):
    for number in range(24):
        member = MemberFactory(given_name=f"Member{number:02d}", family_name="Test")
        member.fields.add("Robotics", "Materials")
        member.visibility_profile = Visibility.CHAPTER if number % 2 else Visibility.MEMBERS
        member.save()
        join(member, india)
    client.force_login(bob.user)

    with django_assert_max_num_queries(25):
        response = client.get(url("chapter-detail", slug="india"))

    assert len(response.context["members"]) == 12


# Privacy


@pytest.mark.parametrize(
    ("level", "sees_bob"),
    [
        # anonymous, alice (India chapter), a Thailand member, bob himself, jess (staff)
        (Visibility.PUBLIC, [True, True, True, True, True]),
        (Visibility.MEMBERS, [False, True, True, True, True]),
        (Visibility.CHAPTER, [False, False, True, True, True]),
        (Visibility.PRIVATE, [False, False, False, True, True]),
    ],
)
def test_member_list_shows_only_profiles_the_viewer_may_see(
    client, alice, bob, thailand, jess, level, sees_bob
):
    bob.visibility_profile = level
    bob.save()
    neighbour = MemberFactory(given_name="Nok", family_name="Niran", country="TH")
    join(neighbour, thailand)
    neighbour.visibility_profile = Visibility.PRIVATE
    neighbour.save()
    viewers = [None, alice.user, neighbour.user, bob.user, jess]

    seen = []
    for user in viewers:
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url("chapter-detail", slug="thailand"))
        names = member_names(response)
        seen.append("Bob Boonmee" in names)
        assert ("Bob Boonmee" in response.content.decode()) is ("Bob Boonmee" in names)

    assert seen == sees_bob


def test_counts_only_include_visible_members(client, alice, bob, carol):
    alice.visibility_profile = Visibility.PRIVATE
    alice.save()
    carol.visibility_profile = Visibility.PUBLIC
    carol.save()

    client.force_login(bob.user)
    as_bob = client.get(url("chapter-list"))
    detail = client.get(url("chapter-detail", slug="india"))
    client.logout()
    as_anonymous = client.get(url("chapter-list"))

    india_for = lambda response: next(  # noqa: E731
        card["group"] for card in response.context["cards"] if card["group"].slug == "india"
    )
    assert india_for(as_bob).visible_member_count == 1
    assert detail.context["page_obj"].paginator.count == 1
    assert india_for(as_anonymous).visible_member_count == 1
    assert "Alice Anand" not in detail.content.decode()


def test_anonymous_visitors_see_only_public_profiles_and_no_join_button(client, alice, carol):
    carol.visibility_profile = Visibility.PUBLIC
    carol.save()

    response = client.get(url("chapter-detail", slug="india"))

    assert member_names(response) == ["Carol Chandra"]
    assert url("chapter-join", slug="india") not in response.content.decode()


def test_hidden_coordinators_are_not_named(client, bob, carol):
    carol.visibility_profile = Visibility.PRIVATE
    carol.save()
    client.force_login(bob.user)

    listing = client.get(url("chapter-list"))
    detail = client.get(url("chapter-detail", slug="india"))

    assert "Carol Chandra" not in listing.content.decode()
    assert detail.context["coordinators"] == []


@pytest.mark.parametrize("viewer", ["bob", "jess"])
def test_pending_and_anonymised_members_are_not_listed(client, india, bob, jess, viewer):
    pending = MemberFactory(given_name="Pat", family_name="Pending", status=MemberStatus.PENDING)
    gone = MemberFactory(given_name="Gone", family_name="Away", status=MemberStatus.ANONYMISED)
    join(pending, india)
    join(gone, india)
    client.force_login(bob.user if viewer == "bob" else jess)

    response = client.get(url("chapter-detail", slug="india"))
    listing = client.get(url("chapter-list"))

    assert member_names(response) == []
    india_card = next(c for c in listing.context["cards"] if c["group"].slug == "india")
    assert india_card["group"].visible_member_count == 0


@pytest.mark.parametrize("viewer", ["bob", "jess"])
def test_a_member_who_left_the_directory_leaves_every_member_list(
    client, alice, bob, carol, jess, materials, viewer
):
    SubjectGroupMembership.objects.create(group=materials, member=alice)
    record_consent(alice, Purpose.DIRECTORY, False, ConsentSource.SETTINGS)
    client.force_login(bob.user if viewer == "bob" else jess)

    chapter = client.get(url("chapter-detail", slug="india"))
    group = client.get(url("group-detail", slug="materials"))
    listing = client.get(url("chapter-list"))

    india = next(c["group"] for c in listing.context["cards"] if c["group"].slug == "india")
    if viewer == "bob":  # a member: Alice is on no list and in no count
        assert member_names(chapter) == ["Carol Chandra"]
        assert member_names(group) == []
        assert india.visible_member_count == 1
        assert "Alice Anand" not in chapter.content.decode()
    else:  # JST staff keep seeing everyone, as in their administrative export
        assert member_names(chapter) == ["Alice Anand", "Carol Chandra"]
        assert member_names(group) == ["Alice Anand"]
        assert india.visible_member_count == 2


# Join and leave


def test_member_can_join_and_leave_a_chapter(client, alice, thailand):
    client.force_login(alice.user)

    joined = client.post(url("chapter-join", slug="thailand"))
    assert joined.status_code == 302
    assert joined.url == url("chapter-detail", slug="thailand")
    assert ChapterMembership.objects.filter(chapter=thailand, member=alice).exists()

    page = client.get(url("chapter-detail", slug="thailand"))
    assert url("chapter-leave", slug="thailand") in page.content.decode()

    left = client.post(url("chapter-leave", slug="thailand"))
    assert left.status_code == 302
    assert not ChapterMembership.objects.filter(chapter=thailand, member=alice).exists()


def test_joining_twice_keeps_one_membership(client, alice, india):
    client.force_login(alice.user)

    client.post(url("chapter-join", slug="india"))

    assert ChapterMembership.objects.filter(chapter=india, member=alice).count() == 1


def test_member_can_join_a_subject_group(client, alice, materials):
    client.force_login(alice.user)

    client.post(url("group-join", slug="materials"))

    assert SubjectGroupMembership.objects.filter(group=materials, member=alice).exists()


@pytest.mark.parametrize("action", ["chapter-join", "chapter-leave"])
def test_join_and_leave_refuse_get(client, alice, action):
    client.force_login(alice.user)

    response = client.get(url(action, slug="thailand"))

    assert response.status_code == 405
    assert not ChapterMembership.objects.filter(chapter__slug="thailand", member=alice).exists()


def test_join_requires_csrf_token(alice, thailand):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice.user)

    response = client.post(url("chapter-join", slug="thailand"))

    assert response.status_code == 403
    assert not ChapterMembership.objects.filter(chapter=thailand, member=alice).exists()


def test_anonymous_join_redirects_to_sign_in(client, thailand):
    response = client.post(url("chapter-join", slug="thailand"))

    assert response.status_code == 302
    assert "next=" in response.url
    assert not ChapterMembership.objects.filter(chapter=thailand).exists()


def test_accounts_without_an_active_profile_cannot_join(client, jess, thailand):
    pending = MemberFactory(status=MemberStatus.PENDING)

    client.force_login(jess)
    staff_response = client.post(url("chapter-join", slug="thailand"))
    client.force_login(pending.user)
    pending_response = client.post(url("chapter-join", slug="thailand"))

    assert staff_response.status_code == 403
    assert pending_response.status_code == 403
    assert not ChapterMembership.objects.filter(chapter=thailand).exists()


def test_joining_a_chapter_reveals_its_chapter_only_profiles(client, alice, bob):
    bob.visibility_profile = Visibility.CHAPTER
    bob.save()
    client.force_login(alice.user)

    before = client.get(url("chapter-detail", slug="thailand"))
    client.post(url("chapter-join", slug="thailand"))
    after = client.get(url("chapter-detail", slug="thailand"))
    client.post(url("chapter-leave", slug="thailand"))
    again = client.get(url("chapter-detail", slug="thailand"))

    assert "Bob Boonmee" not in member_names(before)
    assert "Bob Boonmee" in member_names(after)
    assert "Bob Boonmee" not in member_names(again)


def test_last_coordinator_may_leave_with_a_warning(client, carol, india):
    client.force_login(carol.user)

    response = client.post(url("chapter-leave", slug="india"), follow=True)

    assert not ChapterMembership.objects.filter(chapter=india, member=carol).exists()
    levels = [message.level_tag for message in response.context["messages"]]
    assert "warning" in levels
