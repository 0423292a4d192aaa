"""Which Sakura Science programme a demo alumnus joined, when, and for how long.

Programme rules follow JST's pages: Course A up to 7 days, B up to 21, C up to 10,
the High School Program about a week; Course D (India and Africa) from fiscal 2023,
LOTUS (India) and Y-tec (ASEAN) from fiscal 2024. Visits fall inside the Japanese
fiscal year (April to March), mostly in summer and winter.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from club.demo.members.paths import FACULTY, GOV, HS, INDUSTRY, MS, PHD, POSTDOC, UG
from club.demo.members.people import AFRICA, ASEAN, COUNTRY_WEIGHTS, country_trend
from club.members.programmes import Programme

# Relative number of participants per fiscal year: about 33,000 by 2019, then the
# pandemic pause and about 10,000 more by 2024.
YEAR_WEIGHTS: dict[int, float] = {
    2014: 2.9,
    2015: 4.3,
    2016: 5.6,
    2017: 6.3,
    2018: 6.8,
    2019: 7.1,
    2020: 0.05,
    2021: 0.15,
    2022: 2.0,
    2023: 3.8,
    2024: 4.2,
}
# Visits by month of the fiscal year (April first): peaks in summer and winter.
MONTH_WEIGHTS = (2, 4, 7, 12, 11, 8, 9, 11, 12, 12, 10, 5)
# Length of stay in days, first to last day inclusive.
DURATIONS: dict[str, tuple[int, int]] = {
    Programme.COURSE_A: (5, 7),
    Programme.COURSE_B: (10, 21),
    Programme.COURSE_C: (7, 10),
    Programme.COURSE_D: (30, 90),
    Programme.HIGH_SCHOOL: (7, 7),
    Programme.OFFICERS: (6, 8),
    Programme.LOTUS: (90, 330),
    Programme.YTEC: (14, 90),
}
# Where a participant stood in their career when they came.
STAGES: dict[str, tuple[tuple[str, ...], tuple[float, ...]]] = {
    Programme.COURSE_A: ((UG, MS, PHD, HS, FACULTY, POSTDOC), (45, 25, 10, 8, 7, 5)),
    Programme.COURSE_B: ((MS, PHD, POSTDOC, FACULTY, UG), (35, 35, 15, 10, 5)),
    Programme.COURSE_C: ((UG, MS, PHD, INDUSTRY, FACULTY, GOV), (30, 28, 10, 17, 10, 5)),
    Programme.COURSE_D: ((MS, PHD, POSTDOC, UG), (35, 40, 15, 10)),
    Programme.HIGH_SCHOOL: ((HS,), (1,)),
    Programme.OFFICERS: ((GOV, FACULTY), (60, 40)),
    Programme.LOTUS: ((MS, PHD, POSTDOC), (30, 50, 20)),
    Programme.YTEC: ((HS, UG, MS, PHD, FACULTY), (20, 30, 20, 10, 20)),
}


def _pairs() -> tuple[list[tuple[str, int]], list[float]]:
    pairs, cumulative, total = [], [], 0.0
    for year, year_weight in YEAR_WEIGHTS.items():
        for country, weight in COUNTRY_WEIGHTS.items():
            share = year_weight * weight * country_trend(country, year)
            if share:
                total += share
                pairs.append((country, year))
                cumulative.append(total)
    return pairs, cumulative


_PAIRS, _CUMULATIVE = _pairs()


def choose_country_and_year(rng: random.Random) -> tuple[str, int]:
    """A nationality and fiscal year, weighted like SSP's participants."""
    return rng.choices(_PAIRS, cum_weights=_CUMULATIVE)[0]


def choose_programme(rng: random.Random, country: str, fiscal_year: int) -> str:
    """A programme open to ``country`` in ``fiscal_year``; Course A most often."""
    options: dict[str, float] = {
        Programme.COURSE_A: 58,
        Programme.COURSE_B: 14,
        Programme.COURSE_C: 16,
    }
    if fiscal_year not in (2020, 2021) and country not in AFRICA | {"BR"}:
        options[Programme.HIGH_SCHOOL] = 9
    officer_countries = ASEAN | {"CN", "IN"}
    if 2017 <= fiscal_year <= 2019 and country in officer_countries:
        options[Programme.OFFICERS] = 1.2
    if fiscal_year >= 2023 and country in AFRICA | {"IN"}:
        options[Programme.COURSE_D] = 12
    if fiscal_year >= 2024 and country == "IN":
        options[Programme.LOTUS] = 8
    if fiscal_year >= 2024 and country in ASEAN:
        options[Programme.YTEC] = 7
    programmes = list(options)
    return rng.choices(programmes, [options[p] for p in programmes])[0]


def choose_stage(rng: random.Random, programme: str) -> str:
    """The participant's career stage at the time of the visit."""
    stages, weights = STAGES[programme]
    return rng.choices(stages, weights)[0]


def choose_dates(rng: random.Random, programme: str, fiscal_year: int) -> tuple[date, date]:
    """First and last day of a visit inside the fiscal year, of the programme's length."""
    low, high = DURATIONS[programme]
    days = rng.randint(low, high)
    year_start, year_end = date(fiscal_year, 4, 1), date(fiscal_year + 1, 3, 31)
    month = rng.choices(range(12), MONTH_WEIGHTS)[0]
    first_of_month = date(fiscal_year + (month + 3) // 12, (month + 3) % 12 + 1, 1)
    start = first_of_month + timedelta(days=rng.randint(0, 27))
    latest = year_end - timedelta(days=days - 1)
    start = max(year_start, min(start, latest))
    return start, start + timedelta(days=days - 1)
