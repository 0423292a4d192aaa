"""Reunion → re-visit, on the twelve alumni of conftest.py.

Checked in at a reunion on 2017-01-10: A1 A2 A3 A7 A9 A10 (6 alumni, 5 re-visited).
Never checked in: A4 A5 A6 A8 A11 A12 (6 alumni, 4 re-visited: A4 A5 A8 A12).

Whole months from 2017-01-10 to the first re-visit after it:
  A1 2018-04-01: 12 + 3 − 1 = 14    A2 2017-10-20: 9
  A3 2019-06-16: 24 + 5 = 29        A7 2018-01-15: 12      A9 2017-04-01: 3 − 1 = 2
Median of 2 9 12 14 29: 12.
The "no reunion" group's 4 re-visitors are under 5: hidden, and so is the other group's 5,
since the total (9) minus it would give it back.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from django.utils import timezone

from club.events.models import RSVP, RSVPStatus
from club.members.models import Member
from club.outcomes.queries import GroupCount, Selection
from club.outcomes.report import build_report, display
from club.outcomes.reunions import (
    NO_REUNION,
    REUNION,
    months_after_first_reunion,
    reunion_breakdown,
    reunion_counts,
)

ATTENDED = ("A1", "A2", "A3", "A7", "A9", "A10")


def check_in(event, member, when: str) -> RSVP:
    moment = timezone.make_aware(datetime.fromisoformat(when))
    return RSVP.objects.create(
        event=event, member=member, status=RSVPStatus.GOING, checked_in_at=moment
    )


@pytest.fixture
def reunion(alumni, make_event):
    event = make_event(title="India alumni meeting", translate=False)
    for key in ATTENDED:
        check_in(event, alumni[key], "2017-01-10T12:00")
    return event


def test_alumni_who_checked_in_against_those_who_did_not(reunion):
    assert reunion_counts(Selection()) == {
        REUNION: GroupCount(6, 5, 5),
        NO_REUNION: GroupCount(6, 4, 4),
    }


def test_months_from_the_first_reunion_to_a_revisit_after_it(reunion, alumni, make_event):
    # A later reunion does not move anyone's first one.
    check_in(make_event(title="Later", translate=False), alumni["A1"], "2018-02-01T12:00")

    assert months_after_first_reunion(Selection()) == Counter({2: 1, 9: 1, 12: 1, 14: 1, 29: 1})


def test_the_breakdown_is_labelled_an_association_and_cannot_be_subtracted(reunion):
    breakdown = build_report(Selection()).breakdown("reunion")

    assert "An association, not an effect" in str(breakdown.note)
    cells = {
        row.key: [display(getattr(row, c.attribute), c.unit) for c in breakdown.columns]
        for row in breakdown.rows
    }
    # Alumni, re-visited, known, coverage, rate (all), rate (known), median months.
    assert cells == {
        REUNION: ["6", "<5", "<5", "<5", "<5", "<5", "12"],
        NO_REUNION: ["6", "<5", "<5", "<5", "<5", "<5", "—"],
    }


def test_groups_under_five_are_not_compared(alumni, make_event):
    event = make_event(translate=False)
    for key in ("A1", "A2", "A3"):
        check_in(event, alumni[key], "2017-01-10T12:00")

    breakdown = reunion_breakdown(Selection())

    assert breakdown.rows == []
    assert "not compared" in str(breakdown.note)


def test_check_ins_after_the_as_of_day_do_not_count(reunion, alumni):
    Member.objects.update(created_at=timezone.make_aware(datetime(2024, 1, 1)))
    RSVP.objects.filter(member=alumni["A10"]).update(
        checked_in_at=timezone.make_aware(datetime(2026, 8, 1, 12))
    )

    counts = reunion_counts(Selection(as_of=date(2026, 7, 31)))

    assert counts[REUNION].alumni == 5
    assert counts[NO_REUNION].alumni == 7
