"""Nobody is recovered by subtracting published figures, whatever filters an adversary tries.

The probe: 25 alumni from India and one from Antarctica. The export read "All alumni 26",
"India 25", "Antarctica <5": so exactly one, whose cohort, programme and host the
breakdowns then listed by name once filtered to Antarctica.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from club.outcomes.filters import alumni_countries
from club.outcomes.queries import Selection
from club.outcomes.report import build_report
from club.outcomes.suppression import THRESHOLD
from tests.factories import MemberFactory, ParticipationFactory, RevisitFactory

PARTITIONS = ("cohort", "country", "programme")  # their rows add up to the selection


def alumnus(nationality: str, programme: str, year: int, revisited: bool) -> None:
    member = MemberFactory(nationality=nationality, country=nationality)
    ParticipationFactory(
        member=member,
        programme=programme,
        fiscal_year=year,
        start_date=date(year, 7, 1),
        end_date=date(year, 7, 10),
    )
    if revisited:
        RevisitFactory(member=member, start_date=date(year + 2, 4, 1))


@pytest.fixture
def probe(db):
    for number in range(25):
        alumnus("IN", "B" if number % 3 else "A", 2016 + number % 4, revisited=number % 4 == 0)
    alumnus("AQ", "C", 2018, revisited=True)
    from club.outcomes.refresh import rebuild

    rebuild()


def shown(figure) -> int | None:
    return figure.value if not figure.suppressed and figure.value is not None else None


def assert_nothing_derivable(report) -> None:
    total = shown(report.headline.alumni)
    for name in PARTITIONS:
        rows = report.breakdown(name).rows
        for row in rows:
            # A label never names a group under the threshold.
            if row.key != "other":
                assert shown(row.alumni) is None or shown(row.alumni) >= THRESHOLD, (name, row)
        if total is None or not rows:
            continue
        listed = [shown(row.alumni) for row in rows]
        assert None not in listed, (name, rows)
        assert total - sum(listed) == 0, (name, total, listed)
        # Re-visitors: one hidden cell would be the total minus the others.
        hidden = [row for row in rows if row.revisited.suppressed]
        assert len(hidden) != 1 or shown(report.headline.revisited) is None, (name, rows)


def test_the_probes_export_no_longer_names_the_one_from_antarctica(probe):
    report = build_report(Selection())

    labels = {row.label for name in PARTITIONS for row in report.breakdown(name).rows}
    assert "Antarctica" not in labels
    assert_nothing_derivable(report)


def test_a_filter_that_selects_a_handful_shows_no_breakdown(probe):
    report = build_report(Selection(nationality="AQ"))

    assert report.headline.alumni.suppressed
    assert all(not breakdown.rows for breakdown in report.breakdowns)
    assert report.curves == []


def test_the_country_filter_offers_no_country_with_a_handful_of_alumni(probe):
    assert [code for code, _name in alumni_countries()] == ["IN"]


def test_an_adversarial_search_over_filters_finds_nothing_derivable(probe):
    nationalities = ["", "IN", "AQ"]
    programmes = ["", "A", "B", "C"]
    years = [None, 2016, 2017, 2018, 2019]
    for nationality, programme, start, end in itertools.product(
        nationalities, programmes, years, years
    ):
        if start and end and end < start:
            continue
        selection = Selection(
            nationality=nationality, programme=programme, cohort_from=start, cohort_to=end
        )
        assert_nothing_derivable(build_report(selection))
