"""A signed-in member sees the open surveys waiting for them in their account area."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from club.surveys.models import InvitationState


def test_the_profile_overview_lists_open_unanswered_surveys(client, alice, make_wave, invite):
    today = timezone.localdate()
    open_wave = make_wave(title="Open wave")
    closed = make_wave(
        title="Closed wave",
        opens_on=today - timedelta(days=20),
        closes_on=today - timedelta(days=1),
    )
    answered = make_wave(title="Answered wave")
    invite(open_wave, alice)
    invite(closed, alice)
    invite(answered, alice, state=InvitationState.ANSWERED)
    client.force_login(alice.user)

    page = client.get("/en/account/profile/").content.decode()

    assert "Surveys waiting for your answer" in page
    assert "Open wave" in page
    assert "Closed wave" not in page and "Answered wave" not in page
    assert "/en/surveys/answer/" in page


def test_no_survey_no_section(client, alice):
    client.force_login(alice.user)
    assert "Surveys waiting" not in client.get("/en/account/profile/").content.decode()
