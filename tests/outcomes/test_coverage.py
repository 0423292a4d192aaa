"""Coverage, the two rates, figures as of a date, and profile freshness.

On the twelve alumni of conftest.py (9 re-visited: all but A6, A10 and A11), everyone on
record since 2024 and every re-visit recorded on 2025-01-01, with these confirmations:

  A1  survey      2026-02-01   (re-visited anyway: counted once)
  A2  save        2025-09-01   (re-visited)
  A3  still true  2025-12-01   (re-visited)
  A5  survey      2026-05-01   (re-visited)
  A6  still true  2026-03-01   not re-visited: known because of it
  A7  save        2025-05-01   (re-visited; over 12 months before AS_OF: not fresh)
  A10 save        2022-05-01   not re-visited; older than 3 years: unknown (known within 5)

As of 2026-06-30 (3-year window from 2023-07-01): 12 alumni, 9 re-visited, known 9 + A6 = 10.
Coverage 10/12 = 83.3%; rate among all 9/12 = 75.0%; among the known 9/10 = 90.0%.
Within 5 years A10 is known too: 11, 91.7%, 9/11 = 81.8%.
Freshness: 11 alumni with an account (A4 was deleted); confirmed from 2025-07-01: A1 A2 A3
A5 A6 = 5, 45.5%.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from club.members.consent import confirm_profile
from club.members.models import ConfirmationKind, Member, Revisit, RevisitKind, RevisitSource
from club.outcomes import queries
from club.outcomes.filters import OutcomeFilterForm
from club.outcomes.queries import GroupCount, Selection
from club.outcomes.report import build_report, display
from club.outcomes.rows import group_row, protect
from club.outcomes.suppression import HIDDEN, Published
from tests.factories import MemberFactory, ParticipationFactory, RevisitFactory

AS_OF = date(2026, 6, 30)
K = ConfirmationKind


def at(day: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(day))


@pytest.fixture
def history(alumni):
    Member.objects.update(created_at=at("2024-01-01"))
    get_user_model().objects.update(date_joined=at("2024-01-01"))
    Revisit.objects.update(recorded_at=at("2025-01-01"))
    for key, kind, day in [
        ("A1", K.SURVEY, "2026-02-01"),
        ("A2", K.PROFILE_SAVE, "2025-09-01"),
        ("A3", K.STILL_TRUE, "2025-12-01"),
        ("A5", K.SURVEY, "2026-05-01"),
        ("A6", K.STILL_TRUE, "2026-03-01"),
        ("A7", K.PROFILE_SAVE, "2025-05-01"),
        ("A10", K.PROFILE_SAVE, "2022-05-01"),
    ]:
        confirm_profile(alumni[key], kind, when=at(day))
    return alumni


def later_answers(people) -> None:
    """What arrives after AS_OF: a survey answer with a re-visit, a JST record, a new alumnus."""
    RevisitFactory(member=people["A11"], kind=RevisitKind.DEGREE, start_date=date(2022, 4, 1))
    confirm_profile(people["A11"], K.SURVEY)
    RevisitFactory(
        member=people["A6"], kind=RevisitKind.RESEARCHER, start_date=date(2021, 1, 4),
        source=RevisitSource.JST,
    )  # fmt: skip
    newcomer = MemberFactory(nationality="IN")
    ParticipationFactory(member=newcomer, fiscal_year=2018)
    RevisitFactory(member=newcomer, start_date=date(2020, 4, 1))


def test_coverage_and_both_rates_as_of_a_day(history):
    headline = build_report(Selection(as_of=AS_OF)).headline

    assert (headline.alumni, headline.revisited, headline.known) == (
        Published(12), Published(9), Published(10),
    )  # fmt: skip
    assert display(headline.coverage, "share") == "83.3%"
    assert display(headline.rate, "share") == "75.0%"
    assert display(headline.rate_known, "share") == "90.0%"


def test_the_window_is_a_parameter(history, settings):
    assert queries.total(Selection(as_of=AS_OF, coverage_years=5)) == GroupCount(12, 9, 11)
    settings.OUTCOMES_COVERAGE_YEARS = 5
    headline = build_report(Selection(as_of=AS_OF)).headline
    assert display(headline.coverage, "share") == "91.7%"
    assert display(headline.rate_known, "share") == "81.8%"


def test_coverage_per_group(history):
    assert queries.group_counts(Selection(as_of=AS_OF), "programme") == {
        "B": GroupCount(7, 6, 7),  # A1-A7; A6 known by confirmation
        "A": GroupCount(3, 3, 3),  # A8 A9 A12
        "HSP": GroupCount(1, 0, 0),  # A10: confirmed too long ago
        "C": GroupCount(1, 0, 0),  # A11
    }


def test_a_chapter_headline_shows_coverage_next_to_both_rates(history, india):
    headline = build_report(Selection(chapter=india, as_of=AS_OF)).headline

    # A1 A2 A3 A5 A6 A7: 5 re-visited, A6 known by confirmation.
    assert [display(headline.known, "count"), display(headline.coverage, "share")] == [
        "6", "100.0%",
    ]  # fmt: skip
    assert display(headline.rate, "share") == display(headline.rate_known, "share") == "83.3%"


def test_figures_as_of_a_past_day_stay_the_same_after_later_answers(history):
    before = build_report(Selection(as_of=AS_OF))
    current_before = queries.total(Selection())

    later_answers(history)

    after = build_report(Selection(as_of=AS_OF))
    assert after.headline == before.headline
    assert after.breakdowns == before.breakdowns
    assert after.curves == before.curves
    assert after.freshness == before.freshness
    assert after.engagement == before.engagement
    # Now, the answers count: A11 and A6 re-visited, and the newcomer is there.
    assert current_before == GroupCount(12, 9, 10)
    assert queries.total(Selection()) == GroupCount(13, 12, 12)


def test_as_of_today_equals_the_stored_figures(history):
    later_answers(history)
    today = build_report(Selection(as_of=timezone.localdate()))
    stored = build_report(Selection())

    assert today.headline == stored.headline
    assert today.breakdowns == stored.breakdowns
    assert today.curves == stored.curves


def test_freshness_is_the_share_of_accounts_confirmed_in_a_year(history):
    freshness = build_report(Selection(as_of=AS_OF)).freshness

    assert (freshness.accounts, freshness.confirmed) == (Published(11), Published(5))
    assert display(freshness.share, "share") == "45.5%"


def test_coverage_in_a_row_and_its_suppression():
    row = group_row("x", "X", GroupCount(20, 5, 10))
    assert [display(f, "share") for f in (row.coverage, row.rate, row.rate_known)] == [
        "50.0%", "25.0%", "50.0%",
    ]  # fmt: skip
    small = group_row("y", "Y", GroupCount(20, 0, 3))
    assert small.known == HIDDEN and small.coverage == HIDDEN and small.rate_known == HIDDEN


def test_a_lone_hidden_known_count_hides_a_partner():
    rows = protect(
        [
            group_row("a", "A", GroupCount(30, 10, 20)),
            group_row("b", "B", GroupCount(20, 6, 8)),
            group_row("c", "C", GroupCount(10, 0, 3)),
        ]
    )
    known = {row.key: display(row.known, "count") for row in rows}
    # The total's known count (31) minus A and B would give C's: B is hidden with it.
    assert known == {"a": "20", "b": "<5", "c": "<5"}
    assert rows[1].coverage == HIDDEN and rows[1].rate_known == HIDDEN
    assert rows[1].revisited == Published(6)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yesterday", "Enter the date as year-month-day"),
        ("2026-02-30", "Enter the date as year-month-day"),
        ("2999-01-01", "is in the future"),
        ("1999-12-31", "Pick a day from 2000-01-01 onwards"),
    ],
)
def test_a_bad_as_of_date_gets_a_clear_message(db, value, message):
    form = OutcomeFilterForm({"as_of": value})

    assert not form.is_valid()
    assert message in " ".join(form.errors["as_of"])


def test_a_bad_as_of_date_on_the_dashboard_is_a_400(client, jess):
    client.force_login(jess)

    response = client.get("/admin/outcomes/", {"as_of": "2999-01-01"})

    assert response.status_code == 400
    assert "is in the future" in response.content.decode()


def test_the_as_of_date_reaches_the_export(client, jess, history):
    client.force_login(jess)

    page = client.get("/admin/outcomes/", {"as_of": AS_OF.isoformat()})
    assert page.status_code == 200
    assert "as_of=2026-06-30" in page.content.decode()
    download = client.get("/admin/outcomes/export.csv", {"as_of": AS_OF.isoformat()})
    text = download.content.decode("utf-8-sig")
    assert "Figures as of,2026-06-30" in text
    assert "All alumni in the selection,12,9,10,83.3,75.0,90.0,13" in text
