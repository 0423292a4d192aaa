"""Engagement by chapter and cohort, and month by month, scoped like the dashboard.

India chapter: A1 A2 A3 A5 A6 A7 (6). Thailand chapter: A8 A9 A10 A11 A12 (5).
All have accounts (A4, deleted, has none and is in no chapter).
  updated (saved or answered a survey): A1 A2 A3 A5 A6; A7 only said "still true": 5
  checked in at an event: A1 A2 A3 A5 A6: 5
  Q&A: questions by A1 A2, answers by A2 A3 A5 A6: 5 distinct
Thailand: 5 accounts, nothing else (zeros are shown).
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from club.events.models import RSVP, RSVPStatus
from club.members.consent import confirm_profile
from club.members.models import ConfirmationKind
from club.outcomes.engagement import TREND_MONTHS, by_chapter
from club.outcomes.queries import Selection
from club.outcomes.report import build_report, display, row_figure
from club.outcomes.suppression import HIDDEN, Published
from club.qa.models import Answer, Question, QuestionChannel
from tests.factories import join

K = ConfirmationKind
INDIA = ("A1", "A2", "A3", "A5", "A6", "A7")


@pytest.fixture
def engaged(alumni, thailand, make_event):
    for key in ("A8", "A10", "A11", "A12"):  # A9 is already in Thailand
        join(alumni[key], thailand)
    for key, kind in [
        ("A1", K.PROFILE_SAVE), ("A2", K.SURVEY), ("A3", K.PROFILE_SAVE),
        ("A5", K.PROFILE_SAVE), ("A6", K.SURVEY), ("A7", K.STILL_TRUE),
    ]:  # fmt: skip
        confirm_profile(alumni[key], kind)
    event = make_event(translate=False)
    for key in ("A1", "A2", "A3", "A5", "A6"):
        RSVP.objects.create(
            event=event, member=alumni[key], status=RSVPStatus.GOING, checked_in_at=timezone.now()
        )
    channel = QuestionChannel.objects.create(title="Studying in Japan", slug="studying")
    questions = [
        Question.objects.create(channel=channel, author=alumni[k], text="?") for k in ("A1", "A2")
    ]
    for key in ("A2", "A3", "A5", "A6"):
        Answer.objects.create(question=questions[0], author=alumni[key], text="!")
    return alumni


def _cells(table):
    return {
        row.label: [display(row_figure(row, c.attribute), c.unit) for c in table.columns]
        for row in table.rows
    }


def test_jst_see_every_chapter(engaged):
    table = build_report(Selection()).table("engagement-chapter")

    assert _cells(table) == {
        "India chapter": ["6", "6", "100.0%", "5", "83.3%", "5", "83.3%", "5", "83.3%"],
        "Thailand chapter": ["5", "5", "100.0%", "0", "0.0%", "0", "0.0%", "0", "0.0%"],
    }


def test_a_chapter_selection_sees_its_own_chapter_only(engaged, india, thailand):
    join(engaged["A1"], thailand)  # a member of both: still only India on India's page

    assert list(by_chapter(Selection(chapter=india))) == [("india", "India chapter")]


def test_a_coordinator_sees_their_chapter_only(client, carol, engaged):
    client.force_login(carol.user)

    response = client.get("/en/outcomes/chapter/india/")

    assert response.status_code == 200
    labels = [row.label for row in response.context["report"].table("engagement-chapter").rows]
    assert labels == ["India chapter"]
    assert "Thailand chapter" not in response.content.decode()
    assert client.get("/en/outcomes/chapter/thailand/").status_code == 403


def test_engagement_by_cohort_pools_small_cohorts(engaged, india):
    table = build_report(Selection(chapter=india)).table("engagement-cohort")

    # India's cohorts: 2016 (A1 A2), 2017 (A3 A7), 2019 (A5 A6): all under 5, all pooled.
    assert _cells(table) == {
        "Other groups (each under 5 alumni)": [
            "6", "6", "100.0%", "5", "83.3%", "5", "83.3%", "5", "83.3%",
        ],
    }  # fmt: skip


def test_the_monthly_trend_counts_people_once_a_month(engaged, india):
    trend = build_report(Selection(chapter=india)).table("trends")

    assert len(trend.rows) == TREND_MONTHS
    this_month = trend.rows[-1]
    assert this_month.key == timezone.localdate().isoformat()[:7]
    assert this_month.figures == {
        "claimed": Published(6),
        "updated": Published(5),
        "attended": Published(5),
        "asked": HIDDEN,  # 2
        "answered": HIDDEN,  # 4
    }
    assert all(row.figures["claimed"] == Published(0) for row in trend.rows[:-1])


def test_a_lone_small_count_hides_a_partner(engaged, thailand):
    confirm_profile(engaged["A9"], K.PROFILE_SAVE)  # Thailand: 1 updated, under 5

    rows = {row.label: row for row in build_report(Selection()).table("engagement-chapter").rows}

    assert rows["Thailand chapter"].figures["updated"] == HIDDEN
    # India's 5 would be the total minus Thailand's: hidden with it.
    assert rows["India chapter"].figures["updated"] == HIDDEN
    assert rows["India chapter"].figures["updated_share"] == HIDDEN
