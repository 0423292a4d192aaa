"""Coordinators manage their own chapter's membership; JST staff manage every group."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from club.members import roles
from club.members.models import ChapterMembership, GroupRole, SubjectGroupMembership
from club.members.sections import Visibility
from tests.factories import MemberFactory, SubjectGroupFactory, UserFactory, join

pytestmark = pytest.mark.django_db


def manage_url(slug: str, kind: str = "chapter") -> str:
    return reverse(f"members:{kind}-manage", kwargs={"slug": slug})


def role_of(member, chapter) -> str | None:
    membership = ChapterMembership.objects.filter(member=member, chapter=chapter).first()
    return membership.role if membership else None


def test_is_coordinator_only_for_own_active_chapter(alice, bob, carol, india, thailand):
    assert roles.is_coordinator(carol.user, india)
    assert not roles.is_coordinator(carol.user, thailand)
    assert not roles.is_coordinator(alice.user, india)
    carol.status = "pending"
    carol.save()
    carol.user.refresh_from_db()
    assert not roles.is_coordinator(carol.user, india)


def test_coordinator_sees_their_chapters_manage_page(client, alice, carol):
    client.force_login(carol.user)

    response = client.get(manage_url("india"))

    assert response.status_code == 200
    names = [row["profile"].display_name for row in response.context["rows"]]
    assert names == ["Carol Chandra", "Alice Anand"]  # coordinators first


def test_coordinator_can_remove_a_member(client, alice, carol, india):
    client.force_login(carol.user)

    response = client.post(manage_url("india"), {"action": "remove", "member": alice.pk})

    assert response.status_code == 302
    assert role_of(alice, india) is None


def test_coordinator_can_promote_and_demote(client, alice, carol, india):
    client.force_login(carol.user)

    client.post(manage_url("india"), {"action": "make_coordinator", "member": alice.pk})
    assert role_of(alice, india) == GroupRole.COORDINATOR

    client.post(manage_url("india"), {"action": "make_member", "member": alice.pk})
    assert role_of(alice, india) == GroupRole.MEMBER


def test_coordinator_gets_403_on_another_chapters_manage_page(client, bob, carol, thailand):
    client.force_login(carol.user)

    page = client.get(manage_url("thailand"))
    action = client.post(manage_url("thailand"), {"action": "remove", "member": bob.pk})

    assert page.status_code == 403
    assert action.status_code == 403
    assert role_of(bob, thailand) == GroupRole.MEMBER


def test_coordinator_cannot_act_on_members_of_other_chapters(client, bob, carol, thailand):
    client.force_login(carol.user)

    response = client.post(manage_url("india"), {"action": "remove", "member": bob.pk})

    assert response.status_code == 400
    assert role_of(bob, thailand) == GroupRole.MEMBER


@pytest.mark.parametrize(
    "data",
    [{}, {"action": "explode", "member": "1"}, {"action": "remove", "member": "abc"}],
)
def test_malformed_actions_are_a_400_not_a_500(client, carol, data):
    client.force_login(carol.user)

    response = client.post(manage_url("india"), data)

    assert response.status_code == 400


def test_plain_members_get_403_and_visitors_sign_in(client, alice, carol):
    client.force_login(alice.user)
    as_member = client.get(manage_url("india"))
    client.logout()
    as_visitor = client.get(manage_url("india"))

    assert as_member.status_code == 403
    assert as_visitor.status_code == 302
    assert "next=" in as_visitor.url


def test_staff_can_manage_every_chapter(client, bob, carol, jess, india, thailand):
    client.force_login(jess)

    assert client.get(manage_url("india")).status_code == 200
    assert client.get(manage_url("thailand")).status_code == 200
    client.post(manage_url("thailand"), {"action": "make_coordinator", "member": bob.pk})

    assert role_of(bob, thailand) == GroupRole.COORDINATOR


def test_change_chapter_permission_is_enough_to_manage(client, bob, thailand):
    editor = UserFactory(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="change_chapter"))
    client.force_login(editor)

    response = client.get(manage_url("thailand"))

    assert response.status_code == 200


def test_private_profiles_are_listed_without_their_name(client, alice, carol, india):
    alice.visibility_profile = Visibility.PRIVATE
    alice.save()
    client.force_login(carol.user)

    response = client.get(manage_url("india"))

    assert "Alice Anand" not in response.content.decode()
    assert len(response.context["rows"]) == 2
    client.post(manage_url("india"), {"action": "remove", "member": alice.pk})
    assert role_of(alice, india) is None


def test_coordinator_stepping_down_loses_the_manage_page(client, carol, india):
    client.force_login(carol.user)

    response = client.post(manage_url("india"), {"action": "make_member", "member": carol.pk})

    assert response.status_code == 302
    assert response.url == reverse("members:chapter-detail", kwargs={"slug": "india"})
    assert client.get(manage_url("india")).status_code == 403


def test_subject_group_coordinators_manage_only_their_group(client, alice, bob):
    materials = SubjectGroupFactory(slug="materials")
    robotics = SubjectGroupFactory(slug="robotics")
    SubjectGroupMembership.objects.create(group=materials, member=alice, role="coordinator")
    SubjectGroupMembership.objects.create(group=materials, member=bob)
    SubjectGroupMembership.objects.create(group=robotics, member=bob)
    client.force_login(alice.user)

    assert client.get(manage_url("materials", "group")).status_code == 200
    assert client.get(manage_url("robotics", "group")).status_code == 403
    client.post(manage_url("materials", "group"), {"action": "remove", "member": bob.pk})

    assert not SubjectGroupMembership.objects.filter(group=materials, member=bob).exists()
    assert SubjectGroupMembership.objects.filter(group=robotics, member=bob).exists()


def test_chapter_coordinator_does_not_coordinate_subject_groups(client, carol):
    SubjectGroupFactory(slug="materials")
    client.force_login(carol.user)

    assert client.get(manage_url("materials", "group")).status_code == 403


def test_manage_link_shows_only_for_those_who_may_manage(client, alice, carol):
    detail = reverse("members:chapter-detail", kwargs={"slug": "india"})

    client.force_login(carol.user)
    as_coordinator = client.get(detail).content.decode()
    client.force_login(alice.user)
    as_member = client.get(detail).content.decode()

    assert manage_url("india") in as_coordinator
    assert manage_url("india") not in as_member


def test_manage_page_paginates_and_rejects_bad_pages(client, carol, india):
    for _ in range(55):
        join(MemberFactory(), india)
    client.force_login(carol.user)

    assert len(client.get(manage_url("india")).context["rows"]) == 50
    assert len(client.get(manage_url("india"), {"page": 2}).context["rows"]) == 6
    assert client.get(manage_url("india"), {"page": "x"}).status_code == 404


def test_removing_the_last_row_of_a_page_returns_to_a_page_that_exists(client, carol, india):
    members = [MemberFactory() for _ in range(50)]
    for member in members:
        join(member, india)
    client.force_login(carol.user)
    last_on_page_two = client.get(manage_url("india"), {"page": 2}).context["rows"][0]

    response = client.post(
        f"{manage_url('india')}?page=2",
        {"action": "remove", "member": last_on_page_two["membership"].member_id},
    )

    assert response.url == manage_url("india") + "?page=1"
    assert client.get(response.url).status_code == 200
