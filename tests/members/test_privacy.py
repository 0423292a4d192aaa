"""The privacy rule, in Python and as an ORM filter, agrees for every level and viewer."""

from __future__ import annotations

import pytest

from club.members.models import Member, MemberStatus
from club.members.privacy import ANONYMOUS, ProfileView, Viewer, can_see, visible_members
from club.members.sections import Section, Visibility


def viewer_for(person) -> Viewer:
    user = person.user if isinstance(person, Member) else person
    return Viewer.for_user(user)


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        # anonymous, bob (other chapter), carol (same chapter), alice herself, jess (staff)
        (Visibility.PUBLIC, [True, True, True, True, True]),
        (Visibility.MEMBERS, [False, True, True, True, True]),
        (Visibility.CHAPTER, [False, False, True, True, True]),
        (Visibility.PRIVATE, [False, False, False, True, True]),
    ],
)
def test_rule_in_python_and_sql_agree(alice, bob, carol, jess, level, expected):
    alice.visibility_bio = level
    alice.save()
    viewers = [ANONYMOUS, viewer_for(bob), viewer_for(carol), viewer_for(alice), viewer_for(jess)]

    in_python = [can_see(viewer, alice, Section.BIO) for viewer in viewers]
    in_sql = [
        visible_members(viewer, Section.BIO).filter(pk=alice.pk).exists() for viewer in viewers
    ]

    assert in_python == expected
    assert in_sql == expected


def test_default_visibility_is_members_only(alice):
    assert all(alice.visibility(section) == Visibility.MEMBERS for section in Section)
    assert not can_see(ANONYMOUS, alice, Section.PROFILE)


def test_anonymised_and_pending_members_are_hidden_from_everyone_but_staff(alice, bob, jess):
    alice.visibility_profile = Visibility.PUBLIC
    alice.status = MemberStatus.ANONYMISED
    alice.save()

    assert not can_see(viewer_for(bob), alice, Section.PROFILE)
    assert not visible_members(viewer_for(bob)).filter(pk=alice.pk).exists()
    assert visible_members(viewer_for(jess)).filter(pk=alice.pk).exists()


def test_profile_view_hides_sections_and_unknown_fields(alice, bob):
    alice.bio = "Materials scientist"
    alice.visibility_profile = Visibility.PUBLIC
    alice.visibility_bio = Visibility.PRIVATE
    alice.save()

    as_bob = ProfileView(alice, viewer_for(bob))
    as_anyone = ProfileView(alice, ANONYMOUS)

    assert as_bob.display_name == "Alice Anand"
    assert as_bob.bio is None
    assert as_bob.careers == []
    assert "bio" not in as_bob.to_dict()
    assert as_anyone.to_dict()["display_name"] == "Alice Anand"
    with pytest.raises(AttributeError):
        as_bob.user  # noqa: B018 - not part of any section, so never exposed
