"""The outcome figures match the hand-computed fixture (see conftest.py), on any database."""

from __future__ import annotations

from datetime import date

import pytest

from club.outcomes import queries
from club.outcomes.queries import GroupCount, Selection
from club.outcomes.report import build_report, display, median
from club.outcomes.suppression import HIDDEN, NOT_APPLICABLE, Published

TODAY = date(2025, 6, 1)
EVERYONE = Selection()


# The re-visit columns; coverage and the rate among the known are in test_coverage.py.
REVISIT_ATTRIBUTES = ("alumni", "revisited", "rate", "median_months")


def _table(breakdown) -> dict[str, tuple[str, ...]]:
    """label -> the row's re-visit cells as the dashboard prints them."""
    return {
        row.label: tuple(
            display(getattr(row, column.attribute), column.unit)
            for column in breakdown.columns
            if column.attribute in REVISIT_ATTRIBUTES
        )
        for row in breakdown.rows
    }


def test_headline_counts_every_alumnus_once(alumni):
    report = build_report(EVERYONE, today=TODAY)

    assert report.headline.alumni == Published(12)
    assert report.headline.revisited == Published(9)
    assert report.headline.rate == Published(0.75)
    assert report.headline.median_months == Published(13)


def test_raw_counts_per_cohort(alumni):
    assert queries.group_counts(EVERYONE, "cohort") == {
        2016: GroupCount(5, 4, 4),
        2017: GroupCount(2, 2, 2),
        2019: GroupCount(2, 1, 1),
        2015: GroupCount(1, 1, 1),
        2018: GroupCount(1, 1, 1),
        2020: GroupCount(1, 0, 0),
    }


def test_several_participations_count_once_in_the_first_cohort(alumni):
    # A8 also took part in course B in 2017, A7 in course A in 2019: only their first counts.
    assert queries.total(Selection(cohort_from=2015, cohort_to=2015)) == GroupCount(1, 1, 1)
    assert queries.total(Selection(programme="A", cohort_from=2019)) == GroupCount(0, 0, 0)
    assert queries.total(Selection(programme="B", cohort_from=2017, cohort_to=2017)) == (
        GroupCount(2, 2, 2)
    )


def test_a_revisit_before_or_on_the_last_day_is_not_counted(alumni):
    # A6's re-visits start during and on the last day of the programme: not re-visited.
    assert queries.total(Selection(cohort_from=2019, cohort_to=2019)) == GroupCount(2, 1, 1)
    # A2 re-visited once during the programme ("other") and once after: only the second counts.
    assert queries.revisitors_by(EVERYONE, "kind").get("other", 0) == 0


def test_an_ongoing_revisit_counts(alumni):
    assert queries.months_to_revisit(Selection(cohort_from=2017, cohort_to=2017)) == {
        (2017, 24): 1,  # A3, still in Japan
        (2017, 4): 1,  # A7
    }


def test_anonymised_members_count_and_pending_ones_do_not(alumni):
    assert queries.total(Selection(cohort_from=2018, cohort_to=2018)) == GroupCount(1, 1, 1)
    assert queries.total(Selection(nationality="IN")) == GroupCount(8, 7, 7)


def test_months_to_revisit_histogram(alumni):
    assert sorted(queries.months_to_revisit(EVERYONE).items()) == [
        ((2015, 17), 1),
        ((2016, 8), 1),
        ((2016, 12), 1),
        ((2016, 20), 1),
        ((2016, 24), 1),
        ((2017, 4), 1),
        ((2017, 24), 1),
        ((2018, 13), 1),
        ((2019, 1), 1),
    ]


def test_cohort_table_suppresses_small_groups(alumni):
    cohort = build_report(EVERYONE, today=TODAY).breakdown("cohort")

    # Cohorts under 5 are not listed by year (the label alone would say someone is there):
    # they are pooled. The pool's re-visitors are hidden too, or 9 minus them would give
    # 2016's hidden count.
    assert _table(cohort) == {
        "2016": ("5", "<5", "<5", "<5"),
        "Other groups (each under 5 alumni)": ("7", "<5", "<5", "13"),
    }


def test_country_table(alumni):
    country = build_report(EVERYONE, today=TODAY).breakdown("country")

    # Thailand, China and "not recorded" pool to 4: under 5, so India joins the pool too;
    # otherwise 12 minus India's 8 would say exactly 4 alumni come from elsewhere.
    assert [row.key for row in country.rows] == ["other"]
    assert _table(country) == {"Other groups (each under 5 alumni)": ("12", "9", "75.0%")}


def test_programme_table_uses_the_first_participation(alumni):
    programme = build_report(EVERYONE, today=TODAY).breakdown("programme")

    assert [row.key for row in programme.rows] == ["B", "other"]
    assert programme.rows[0].alumni == Published(7)
    # Course B's 6 re-visitors are hidden beside the pool's, which 9 - 6 would reveal.
    assert programme.rows[0].revisited == HIDDEN
    assert programme.rows[1].alumni == Published(5)
    assert programme.rows[1].revisited == HIDDEN


def test_host_table_lists_the_largest_hosts(alumni, hosts):
    host = build_report(EVERYONE, today=TODAY).breakdown("host")

    # Kyoto (5) joins the one unrecorded host, whose pool alone would read "<5".
    assert _table(host) == {
        "Tohoku University": ("6", "<5", "<5"),
        "Other groups (each under 5 alumni)": ("6", "<5", "<5"),
    }
    top_one = build_report(EVERYONE, top_hosts=1, today=TODAY).breakdown("host")
    assert [row.label for row in top_one.rows] == ["Tohoku University"]


def test_kind_and_source_count_alumni_per_kind(alumni):
    assert queries.revisitors_by(EVERYONE, "kind") == {
        "degree": 4,  # A1, A7, A9, A12
        "researcher": 2,  # A2, A3
        "employee": 1,  # A4
        "exchange": 2,  # A5, A8
        "faculty": 1,  # A12 again
    }
    assert queries.revisitors_by(EVERYONE, "source") == {"member": 6, "jst": 4}

    report = build_report(EVERYONE, today=TODAY)
    assert _table(report.breakdown("source")) == {
        "Declared by the member": ("6", "50.0%"),
        "Recorded by JST": ("<5", "<5"),
        "Recorded by JST and declared by the member": ("0", "0.0%"),
    }
    assert _table(report.breakdown("kind"))["Other"] == ("0", "0.0%")


def test_india_course_b_2016_to_2019(alumni):
    selection = Selection(nationality="IN", programme="B", cohort_from=2016, cohort_to=2019)
    report = build_report(selection, today=TODAY)

    assert report.headline.alumni == Published(7)
    assert report.headline.revisited == Published(6)
    assert display(report.headline.rate, "share") == "85.7%"
    assert report.headline.median_months == Published(12.5)


def test_chapter_selection_counts_current_members(alumni, india):
    report = build_report(Selection(chapter=india), today=TODAY)

    assert report.headline.alumni == Published(6)  # A1 A2 A3 A5 A6 A7
    assert report.headline.revisited == Published(5)
    assert report.headline.median_months == Published(12)  # 1 4 12 20 24


def test_host_filter(alumni, hosts):
    assert queries.total(Selection(host=hosts["kyoto"])) == GroupCount(5, 4, 4)


def test_curves_show_only_observed_years(alumni):
    report = build_report(EVERYONE, today=TODAY)

    # Only cohorts that may be listed are drawn: 2016 (2015 has under 5 alumni).
    assert report.curve_years == list(range(1, 9))
    cohort_2016 = next(curve for curve in report.curves if curve.cohort == 2016)
    assert cohort_2016.alumni == Published(5)
    assert [p.years for p in cohort_2016.points] == list(range(1, 9))
    # 1, 3 and 4 of 5 within 1, 2 and 3 years: too few to publish.
    assert {p.share for p in cohort_2016.points} == {HIDDEN}
    assert [curve.cohort for curve in report.curves] == [2016]


@pytest.mark.parametrize(
    ("histogram", "expected"),
    [({}, None), ({5: 1}, 5), ({1: 1, 4: 1}, 2.5), ({1: 2, 9: 1}, 1), ({3: 2, 7: 2}, 5)],
)
def test_median_of_a_histogram(histogram, expected):
    from collections import Counter

    assert median(Counter(histogram)) == expected


def test_empty_selection_has_zero_alumni_and_no_rate(alumni):
    report = build_report(Selection(nationality="JP"), today=TODAY)

    assert report.is_empty
    assert report.headline.alumni == Published(0)
    assert report.headline.rate == NOT_APPLICABLE
    assert report.breakdown("cohort").rows == []
