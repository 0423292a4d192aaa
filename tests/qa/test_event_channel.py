"""An event's live Q&A: linked from its page in both languages, opened by its coordinators."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from club.demo.qa import seed_qa_channels
from club.events.models import EventPage
from club.qa.models import QuestionChannel

pytestmark = pytest.mark.django_db


@pytest.fixture
def india_meeting(demo_site) -> EventPage:
    return EventPage.objects.get(slug="seventh-india-alumni-meeting", locale__language_code="en")


def signed_in(member) -> Client:
    client = Client()
    client.force_login(member.user)
    return client


def test_the_event_page_links_its_live_qa_in_both_languages(client, india_meeting, ja):
    channel = QuestionChannel.objects.create(
        title="7th meeting live Q&A", slug="india-live", event=india_meeting
    )
    link = f'href="{reverse("qa:channel", kwargs={"slug": channel.slug})}"'

    english = client.get(india_meeting.url).content.decode()
    japanese = client.get(india_meeting.get_translation(ja).url).content.decode()

    assert link in english
    assert link.replace("/en/", "/ja/") in japanese


def test_a_chapter_coordinator_opens_the_live_qa_once(india_meeting, carol):
    client = signed_in(carol)
    assert "Open a live Q&A" in client.get(india_meeting.url).content.decode()
    start = reverse("qa:start-for-event", kwargs={"page_id": india_meeting.pk})

    first = client.post(start)
    second = client.post(start)

    channel = QuestionChannel.objects.get(event=india_meeting)
    assert (
        first["Location"]
        == second["Location"]
        == reverse("qa:channel", kwargs={"slug": channel.slug})
    )
    assert channel.title == "7th India alumni meeting"
    assert channel.title_ja == "第7回インド同窓会"


def test_other_members_cannot_open_an_events_live_qa(india_meeting, alice, bob):
    start = reverse("qa:start-for-event", kwargs={"page_id": india_meeting.pk})

    assert "Open a live Q&A" not in signed_in(alice).get(india_meeting.url).content.decode()
    assert signed_in(alice).post(start).status_code == 403
    assert signed_in(bob).post(start).status_code == 403
    assert not QuestionChannel.objects.exists()


def test_the_demo_seed_adds_two_standing_channels_and_the_meetings_live_qa(india_meeting, alice):
    seed_qa_channels(report=lambda _: None)
    seed_qa_channels(report=lambda _: None)  # again: nothing doubles

    channels = {channel.slug: channel for channel in QuestionChannel.objects.all()}
    assert set(channels) == {
        "studying-in-japan",
        "materials-science",
        "seventh-india-alumni-meeting-qa",
    }
    assert channels["studying-in-japan"].subject_group.slug == "studying-in-japan"
    assert channels["seventh-india-alumni-meeting-qa"].event == india_meeting
    assert channels["materials-science"].questions.filter(author=alice).count() == 2
    assert not channels["seventh-india-alumni-meeting-qa"].questions.exists()


def test_the_channel_list_names_the_event_in_the_page_language(client, india_meeting, ja):
    QuestionChannel.objects.create(
        title="7th meeting live Q&A", slug="india-live", event=india_meeting
    )
    japanese_title = india_meeting.get_translation(ja).title
    assert japanese_title != india_meeting.title

    english = client.get("/en/qa/").content.decode()
    japanese = client.get("/ja/qa/").content.decode()
    channel = client.get("/ja/qa/india-live/").content.decode()

    assert india_meeting.title in english
    assert japanese_title in japanese
    assert india_meeting.title not in japanese
    assert f'href="{india_meeting.get_translation(ja).url}"' in channel
