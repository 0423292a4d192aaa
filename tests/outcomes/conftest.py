"""A hand-computed set of alumni for the outcome figures.

Twelve counted alumni (A1–A12), one pending registration and one member without a
participation. Months to re-visit use whole months: 12·Δyear + Δmonth − (1 if the
re-visit's day is before the end's day).

  who  nat prog cohort first participation      host    first qualifying re-visit      months
  A1   IN  B    2016   2016-07-01..2016-07-21   Tohoku  degree 2018-04-01 (member)      20
  A2   IN  B    2016   2016-10-03..2016-10-14   Tohoku  researcher 2017-10-20 (JST)     12
                         (+ "other" 2016-10-10, during the programme: excluded)
  A3   IN  B    2017   2017-06-05..2017-06-16   Kyoto   researcher 2019-06-16 (JST),
                                                        ongoing                         24
  A4   IN  B    2018   2018-05-07..2018-05-18   Tohoku  employee 2019-06-18 (JST)       13
       (anonymised: still counted)
  A5   IN  B    2019   2020-01-10..2020-01-31   Tohoku  exchange 2020-03-01 (member)     1
  A6   IN  B    2019   2019-11-01..2019-11-30   Tohoku  none ("other" on 2019-11-15 and on
                                                        the last day 2019-11-30: excluded)
  A7   IN  B    2017   2017-09-01..2017-09-10   Kyoto   degree 2018-01-15 (member)       4
       (second participation: A 2019-07-01..2019-07-10, Tohoku; counts once, in 2017)
  A8   IN  A    2015   2015-08-01..2015-08-10   Kyoto   exchange 2017-01-15 (member)    17
       (second participation: B 2017-07-03..2017-07-14, Tohoku; counts in 2015, course A)
  A9   TH  A    2016   2016-07-01..2016-07-08   Kyoto   degree 2017-04-01 (member)       8
  A10  TH  HSP  2016   2016-08-01..2016-08-07   Kyoto   none
  A11  CN  C    2020   2020-11-01..2020-11-14   (none)  none
  A12  --  A    2016   2016-09-01..2016-09-10   Tohoku  degree 2018-09-10 (JST)         24
                         (+ faculty 2021-01-05, member)

  pending (not counted): IN B 2016 with an "other" re-visit; India chapter: A1 A2 A3 A5 A6 A7.

Everyone: 12 alumni, 9 re-visited (75.0%), months 1 4 8 12 13 17 20 24 24: median 13.
India, course B, 2016–2019: A1–A7, 7 alumni, 6 re-visited (85.7%), months 1 4 12 13 20 24:
median 12.5.
"""

from __future__ import annotations

from datetime import date

import pytest

from club.members.models import MemberStatus, RevisitKind, RevisitSource
from club.members.programmes import Programme
from tests.factories import (
    InstitutionFactory,
    MemberFactory,
    ParticipationFactory,
    RevisitFactory,
    join,
)

D = date.fromisoformat


def _alumnus(nationality, programme, fiscal_year, start, end, host, **member):
    alumnus = MemberFactory(nationality=nationality, country=nationality, **member)
    ParticipationFactory(
        member=alumnus,
        programme=programme,
        fiscal_year=fiscal_year,
        start_date=D(start),
        end_date=D(end),
        host_institution=host,
    )
    return alumnus


def _revisit(member, kind, start, source=RevisitSource.MEMBER, end=None):
    return RevisitFactory(
        member=member, kind=kind, start_date=D(start), end_date=end and D(end), source=source
    )


@pytest.fixture
def hosts(db):
    return {
        "tohoku": InstitutionFactory(name="Tohoku University"),
        "kyoto": InstitutionFactory(name="Kyoto University", name_ja="京都大学"),
    }


@pytest.fixture
def alumni(db, hosts, india, thailand):
    """The twelve alumni above, keyed A1–A12 (plus "pending" and "no_participation")."""
    B, A = Programme.COURSE_B, Programme.COURSE_A
    tohoku, kyoto = hosts["tohoku"], hosts["kyoto"]
    people = {
        "A1": _alumnus("IN", B, 2016, "2016-07-01", "2016-07-21", tohoku),
        "A2": _alumnus("IN", B, 2016, "2016-10-03", "2016-10-14", tohoku),
        "A3": _alumnus("IN", B, 2017, "2017-06-05", "2017-06-16", kyoto),
        "A4": _alumnus(
            "IN", B, 2018, "2018-05-07", "2018-05-18", tohoku,
            user=None, status=MemberStatus.ANONYMISED, given_name="Deleted member",
        ),
        "A5": _alumnus("IN", B, 2019, "2020-01-10", "2020-01-31", tohoku),
        "A6": _alumnus("IN", B, 2019, "2019-11-01", "2019-11-30", tohoku),
        "A7": _alumnus("IN", B, 2017, "2017-09-01", "2017-09-10", kyoto),
        "A8": _alumnus("IN", A, 2015, "2015-08-01", "2015-08-10", kyoto),
        "A9": _alumnus("TH", A, 2016, "2016-07-01", "2016-07-08", kyoto),
        "A10": _alumnus("TH", Programme.HIGH_SCHOOL, 2016, "2016-08-01", "2016-08-07", kyoto),
        "A11": _alumnus("CN", Programme.COURSE_C, 2020, "2020-11-01", "2020-11-14", None),
        "A12": _alumnus("", A, 2016, "2016-09-01", "2016-09-10", tohoku),
        "pending": _alumnus(
            "IN", B, 2016, "2016-07-01", "2016-07-21", tohoku, status=MemberStatus.PENDING
        ),
        "no_participation": MemberFactory(nationality="IN"),
    }  # fmt: skip
    ParticipationFactory(
        member=people["A7"], programme=A, fiscal_year=2019,
        start_date=D("2019-07-01"), end_date=D("2019-07-10"), host_institution=tohoku,
    )  # fmt: skip
    ParticipationFactory(
        member=people["A8"], programme=B, fiscal_year=2017,
        start_date=D("2017-07-03"), end_date=D("2017-07-14"), host_institution=tohoku,
    )  # fmt: skip

    K, S = RevisitKind, RevisitSource
    _revisit(people["A1"], K.DEGREE, "2018-04-01", end="2020-03-31")
    _revisit(people["A2"], K.OTHER, "2016-10-10", end="2016-10-12")
    _revisit(people["A2"], K.RESEARCHER, "2017-10-20", S.JST, end="2018-10-19")
    _revisit(people["A3"], K.RESEARCHER, "2019-06-16", S.JST)  # ongoing
    _revisit(people["A4"], K.EMPLOYEE, "2019-06-18", S.JST, end="2021-06-30")
    _revisit(people["A5"], K.EXCHANGE, "2020-03-01", end="2020-08-31")
    _revisit(people["A6"], K.OTHER, "2019-11-15", end="2019-11-16")
    _revisit(people["A6"], K.OTHER, "2019-11-30")
    _revisit(people["A7"], K.DEGREE, "2018-01-15", end="2020-03-31")
    _revisit(people["A8"], K.EXCHANGE, "2017-01-15", end="2017-06-30")
    _revisit(people["A9"], K.DEGREE, "2017-04-01", end="2019-03-31")
    _revisit(people["A12"], K.FACULTY, "2021-01-05")
    _revisit(people["A12"], K.DEGREE, "2018-09-10", S.JST, end="2020-09-09")
    _revisit(people["pending"], K.OTHER, "2018-01-01")

    for key in ("A1", "A2", "A3", "A5", "A6", "A7"):
        join(people[key], india)
    join(people["A9"], thailand)
    return people
