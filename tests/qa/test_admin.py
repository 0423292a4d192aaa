"""JST staff create and edit Q&A channels in the Wagtail admin; members stay out."""

from __future__ import annotations

import pytest
from django.urls import reverse

from club.qa.models import QuestionChannel

pytestmark = pytest.mark.django_db


def test_staff_list_and_add_channels(client, jess, channel, materials):
    client.force_login(jess)

    listing = client.get(reverse("questionchannel-admin:index"))
    response = client.post(
        reverse("questionchannel-admin:add"),
        {
            "title": "Careers in industry",
            "title_ja": "",
            "slug": "careers",
            "description": "",
            "description_ja": "",
            "subject_group": materials.pk,
            "is_public": "on",
            "is_open": "on",
        },
    )

    assert listing.status_code == 200
    assert "Materials science" in listing.content.decode()
    assert response.status_code == 302, response.context["form"].errors
    assert QuestionChannel.objects.get(slug="careers").subject_group == materials


def test_a_channel_cannot_belong_to_an_event_and_a_group(client, jess, materials, demo_site):
    from club.events.models import EventPage

    client.force_login(jess)
    event = EventPage.objects.filter(locale__language_code="en").first()

    response = client.post(
        reverse("questionchannel-admin:add"),
        {"title": "Both", "slug": "both", "event": event.pk, "subject_group": materials.pk},
    )

    assert response.status_code == 200
    assert "not both" in response.content.decode()
    assert not QuestionChannel.objects.filter(slug="both").exists()


def test_members_are_kept_out(client, carol):
    client.force_login(carol.user)

    response = client.get(reverse("questionchannel-admin:index"))

    assert response.status_code == 302
    assert "/admin/login/" in response.url
