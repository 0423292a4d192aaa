"""Who a wave asks: filters, consent withdrawn, recent answers, and the empty audience."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from club.members.consent import record_consent
from club.members.models import ConsentSource, Purpose
from club.members.programmes import Programme
from club.surveys.audience import EmptyAudience, audience
from club.surveys.models import Invitation, InvitationState
from club.surveys.sending import invite_audience
from tests.factories import ChapterFactory, join


def test_the_filters_select_cohorts_countries_programmes_and_chapters(make_wave, make_alumnus):
    chapter = ChapterFactory(slug="kenya")
    old = make_alumnus(year=2015)
    recent = make_alumnus(year=2019)
    thai = make_alumnus(year=2019, nationality="TH")
    course_b = make_alumnus(year=2019, programme=Programme.COURSE_B)
    join(course_b, chapter)

    assert set(audience(make_wave())) == {old, recent, thai, course_b}
    assert set(audience(make_wave(cohort_from=2018, cohort_to=2020))) == {recent, thai, course_b}
    assert set(audience(make_wave(countries=["TH"]))) == {thai}
    assert set(audience(make_wave(programmes=[Programme.COURSE_B]))) == {course_b}
    wave = make_wave()
    wave.chapters.add(chapter)
    wave.save()
    assert set(audience(wave)) == {course_b}


def test_those_who_withdrew_consent_for_surveys_are_never_asked(make_wave, make_alumnus):
    keeps, withdrew = make_alumnus(), make_alumnus()
    record_consent(withdrew, Purpose.SURVEYS, False, ConsentSource.SETTINGS)

    assert list(audience(make_wave())) == [keeps]


def test_other_purposes_withdrawn_do_not_matter(make_wave, make_alumnus):
    member = make_alumnus()
    record_consent(member, Purpose.NEWSLETTERS, False, ConsentSource.SETTINGS)

    assert list(audience(make_wave())) == [member]


def test_those_who_answered_within_the_chosen_months_are_skipped(make_wave, make_alumnus, invite):
    answered_lately, answered_long_ago, never = make_alumnus(), make_alumnus(), make_alumnus()
    earlier = make_wave(title="Earlier")
    invite(earlier, answered_lately, state=InvitationState.ANSWERED, answered_at=timezone.now())
    invite(
        earlier,
        answered_long_ago,
        state=InvitationState.ANSWERED,
        answered_at=timezone.now() - timedelta(days=400),
    )

    assert set(audience(make_wave(skip_answered_months=12))) == {answered_long_ago, never}
    assert set(audience(make_wave(skip_answered_months=0))) == {
        answered_lately,
        answered_long_ago,
        never,
    }


def test_alumni_without_any_address_are_left_out(make_wave, make_alumnus):
    make_alumnus(contact_email="")

    assert list(audience(make_wave())) == []


def test_an_empty_audience_is_an_error_and_writes_nothing(make_wave, make_alumnus):
    make_alumnus(nationality="IN")
    wave = make_wave(countries=["BR"])

    with pytest.raises(EmptyAudience):
        invite_audience(wave)

    wave.refresh_from_db()
    assert wave.sent_at is None
    assert not Invitation.objects.exists()


def test_inviting_twice_invites_each_person_once(make_wave, make_alumnus):
    first = make_alumnus()
    wave = make_wave()
    assert len(invite_audience(wave)) == 1
    second = make_alumnus()

    assert list(invite_audience(wave)) == [Invitation.objects.get(member=second).pk]
    assert Invitation.objects.filter(member=first).count() == 1
