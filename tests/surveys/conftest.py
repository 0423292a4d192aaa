"""Survey fixtures: waves, and alumni who never claimed an account (only a contact address)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from club.members.models import Member
from club.members.programmes import Programme
from club.surveys.models import Invitation, InvitationState, Wave
from tests.factories import MemberFactory, ParticipationFactory


@pytest.fixture
def make_wave(db):
    def make(**fields) -> Wave:
        today = timezone.localdate()
        defaults = {
            "title": "Have you come back to Japan? 2026",
            "title_ja": "日本に戻ってきましたか？ 2026",
            "opens_on": today - timedelta(days=1),
            "closes_on": today + timedelta(days=30),
            "reminder_after_days": 7,
            "skip_answered_months": 12,
        }
        return Wave.objects.create(**(defaults | fields))

    return make


@pytest.fixture
def make_alumnus(db):
    """An imported alumnus without an account, with one programme in ``year``."""
    counter = iter(range(1, 10_000))

    def make(
        year: int = 2018,
        nationality: str = "IN",
        programme: str = Programme.COURSE_A,
        language: str = "en",
        **fields,
    ) -> Member:
        n = next(counter)
        member = MemberFactory(
            user=None,
            contact_email=fields.pop("contact_email", f"alumnus{n}.{nationality}@example.org"),
            nationality=nationality,
            preferred_language=language,
            **fields,
        )
        ParticipationFactory(
            member=member,
            programme=programme,
            fiscal_year=year,
            start_date=date(year, 7, 2),
        )
        return member

    return make


@pytest.fixture
def invite(db):
    """An invitation already sent ``days_ago``."""

    def make(wave: Wave, member: Member, days_ago: float = 0, **fields) -> Invitation:
        sent = timezone.now() - timedelta(days=days_ago)
        defaults = {"state": InvitationState.SENT, "sent_at": sent}
        return Invitation.objects.create(wave=wave, member=member, **(defaults | fields))

    return make
