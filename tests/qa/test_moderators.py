"""Who moderates a channel, who may read and post in it, and how authors are named to readers."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from club.events.models import EventPage
from club.members.sections import Visibility
from club.qa.access import access_for, author_name, is_moderator
from club.qa.models import QuestionChannel
from tests.factories import MemberFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def india_meeting(demo_site, india) -> EventPage:
    event = EventPage.objects.get(slug="seventh-india-alumni-meeting", locale__language_code="en")
    assert event.chapter == india
    return event


@pytest.fixture
def live_session(india_meeting) -> QuestionChannel:
    return QuestionChannel.objects.create(title="Live Q&A", slug="india-live", event=india_meeting)


def test_the_hosting_chapters_coordinators_moderate_an_event_channel(
    live_session, carol, alice, bob
):
    assert is_moderator(carol.user, live_session)
    assert not is_moderator(alice.user, live_session)  # a plain India member
    assert not is_moderator(bob.user, live_session)  # coordinates nothing here


def test_assigned_members_and_jst_staff_moderate_too(live_session, bob, jess):
    live_session.moderators.add(bob)

    assert is_moderator(bob.user, live_session)
    assert is_moderator(jess, live_session)
    assert access_for(jess, live_session).can_post is False  # staff without a profile: no author


def test_a_subject_groups_coordinators_moderate_its_channel(channel, dora, carol):
    assert is_moderator(dora.user, channel)
    assert not is_moderator(carol.user, channel)


def test_visitors_read_public_channels_and_members_read_all(channel, private_channel, bob):
    visitor = AnonymousUser()

    assert access_for(visitor, channel).can_read is True
    assert access_for(visitor, channel).can_post is False
    assert access_for(visitor, private_channel).can_read is False
    assert access_for(bob.user, private_channel).can_post is True


def test_pending_accounts_cannot_post(channel):
    pending = MemberFactory(user=UserFactory(username="pending"), status="pending")

    access = access_for(pending.user, channel)

    assert access.can_read is True
    assert access.can_post is False


def test_authors_are_named_only_where_their_profile_is_visible_to_every_reader(
    channel, private_channel
):
    shy = MemberFactory(given_name="Shy", family_name="One")  # profile visible to members
    open_ = MemberFactory(
        given_name="Open", family_name="Book", visibility_profile=Visibility.PUBLIC
    )

    assert author_name(shy, channel) is None  # visitors read public channels
    assert author_name(shy, private_channel) == "Shy One"
    assert author_name(open_, channel) == "Open Book"
