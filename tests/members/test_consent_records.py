"""Consent is kept as history, and the member's current answer follows the latest record."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from club.members.consent import confirm_profile, current_consent, record_consent
from club.members.models import (
    ConfirmationKind,
    ConsentRecord,
    ConsentSource,
    Member,
    ProfileConfirmation,
    Purpose,
)
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def test_unasked_alumni_get_the_documented_defaults():
    member = MemberFactory()
    assert current_consent(member, Purpose.DIRECTORY) is True
    assert current_consent(member, Purpose.SURVEYS) is True
    assert current_consent(member, Purpose.NEWSLETTERS) is False
    assert current_consent(member, Purpose.RESEARCH) is False


def test_each_answer_is_a_record_and_the_latest_is_current(settings):
    settings.CONSENT_POLICY_VERSION = "test-1"
    member = MemberFactory()
    record_consent(member, Purpose.SURVEYS, True, ConsentSource.REGISTRATION)
    record_consent(member, Purpose.SURVEYS, False, ConsentSource.UNSUBSCRIBE)

    member.refresh_from_db()
    assert current_consent(member, Purpose.SURVEYS) is False
    history = list(ConsentRecord.objects.filter(member=member).values_list("given", "source"))
    assert history == [(False, "unsubscribe"), (True, "registration")]
    assert set(ConsentRecord.objects.values_list("policy_version", flat=True)) == {"test-1"}


def test_withdrawal_takes_members_out_of_the_consenting_set():
    stays, leaves = MemberFactory(), MemberFactory()
    record_consent(leaves, Purpose.DIRECTORY, False, ConsentSource.SETTINGS)
    listed = set(Member.objects.consenting(Purpose.DIRECTORY))
    assert stays in listed and leaves not in listed

    record_consent(stays, Purpose.RESEARCH, True, ConsentSource.SETTINGS)
    assert list(Member.objects.consenting(Purpose.RESEARCH)) == [stays]


def test_confirmations_keep_history_and_the_latest_on_the_member():
    member = MemberFactory()
    earlier = timezone.now() - timedelta(days=400)
    confirm_profile(member, ConfirmationKind.PROFILE_SAVE, when=earlier)
    confirm_profile(member, ConfirmationKind.STILL_TRUE)

    member.refresh_from_db()
    assert member.profile_confirmed_at > earlier
    assert ProfileConfirmation.objects.filter(member=member).count() == 2
