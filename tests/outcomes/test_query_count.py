"""The dashboard's figures take a fixed number of queries, however many alumni, chapters,
check-ins and confirmations there are: every figure is a GROUP BY, never a query per row."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from club.events.models import RSVP, RSVPStatus
from club.members.consent import confirm_profile
from club.members.models import ConfirmationKind
from club.outcomes.queries import Selection
from club.outcomes.report import build_report
from tests.factories import ChapterFactory, MemberFactory, ParticipationFactory, join

# Headline, months, 4 breakdowns, host names, kind, source, reunions (2), engagement by
# chapter and by cohort, 5 monthly series, freshness.
REPORT_QUERIES = 19


def count(selection: Selection) -> int:
    with CaptureQueriesContext(connection) as queries:
        build_report(selection)
    return len(queries)


def test_the_report_takes_the_same_queries_at_any_size(alumni, make_event):
    small = count(Selection())
    event = make_event(translate=False)
    for number in range(12):
        member = MemberFactory(nationality="VN")
        ParticipationFactory(member=member, fiscal_year=2012 + number % 5)
        join(member, ChapterFactory(slug=f"chapter-{number % 4}"))
        confirm_profile(member, ConfirmationKind.SURVEY)
        RSVP.objects.create(
            event=event, member=member, status=RSVPStatus.GOING, checked_in_at=timezone.now()
        )

    # One fewer while nobody checked in at a reunion: the groups are not compared.
    assert small == REPORT_QUERIES - 1
    assert count(Selection()) == REPORT_QUERIES
    assert count(Selection(as_of=timezone.localdate())) <= REPORT_QUERIES
    assert count(Selection(as_of=date(2025, 1, 1))) <= REPORT_QUERIES
