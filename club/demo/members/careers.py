"""A demo alumnus's life after the programme: career steps and re-visits to Japan.

The career is walked forward from the position held at the time of the visit
(a master's student at IIT Hyderabad, say) to the demo's fixed "today". A planned
re-visit turns one later step into a step in Japan (a doctorate at Tohoku
University), so careers and re-visits always tell the same story.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

from club.demo.members import organisations as orgs
from club.demo.members.institutions import (
    JAPAN_COMPANIES,
    JAPAN_HOSTS,
    SENDING,
    InstitutionSpec,
)
from club.demo.members.paths import (
    FACULTY,
    FORCED,
    FUNDING,
    GOV,
    HS,
    INDUSTRY,
    KIND_OF_STAGE,
    MONTHS,
    MS,
    PHD,
    PLANNED_KINDS,
    POSTDOC,
    TRANSITIONS,
    UG,
    Weighted,
)
from club.members.models import Funding, RevisitKind

# The demo's "today": fixed, so the same seed gives the same data in any year.
REFERENCE_DATE = date(2025, 6, 30)


@dataclass(frozen=True)
class CareerSpec:
    """One CareerEntry to write."""

    position: str
    organisation: str
    country: str
    start_date: date
    end_date: date | None
    is_current: bool


@dataclass(frozen=True)
class RevisitSpec:
    """One Revisit to write; the institution is a canonical name from the vocabulary."""

    kind: str
    institution: str
    start_date: date
    end_date: date | None
    funding: str
    source: str


@dataclass(frozen=True)
class _Step:
    stage: str
    start: date
    end: date
    organisation: str
    country: str
    position: str
    rank: int = 0
    revisit: RevisitSpec | None = None


def _pick(rng: random.Random, options: Weighted) -> str:
    return rng.choices(options[0], cum_weights=_cumulative(options[1]))[0]


@cache
def _cumulative(weights: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(accumulate(weights))


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def _month_end(day: date) -> date:
    return _add_months(day, 1) - timedelta(days=1)


def _next_intake(day: date) -> date:
    """The next April or October intake of a Japanese graduate school."""
    for candidate in (
        date(day.year, 4, 1),
        date(day.year, 10, 1),
        date(day.year + 1, 4, 1),
    ):
        if candidate >= day:
            return candidate
    return date(day.year + 1, 10, 1)


def weighted_choice(rng: random.Random, specs: tuple[InstitutionSpec, ...]) -> InstitutionSpec:
    """One of ``specs``, by their weights."""
    return rng.choices(specs, cum_weights=_cumulative(tuple(spec.weight for spec in specs)))[0]


@cache
def _japan_pool(
    cluster: str, kinds: tuple[str, ...]
) -> tuple[tuple[InstitutionSpec, ...], tuple[float, ...]]:
    pool = JAPAN_COMPANIES if kinds == ("company",) else JAPAN_HOSTS
    specs = tuple(spec for spec in pool if spec.kind in kinds)
    weights = (
        spec.weight * (3 if cluster in spec.clusters else 1 if not spec.clusters else 0.1)
        for spec in specs
    )
    return specs, tuple(accumulate(weights))


def japan_institution(
    rng: random.Random, cluster: str, *, kinds: tuple[str, ...] = ("university", "research")
) -> InstitutionSpec:
    """A host in Japan for ``cluster``: specialised institutes weigh more in their fields."""
    specs, cumulative = _japan_pool(cluster, kinds)
    return rng.choices(specs, cum_weights=cumulative)[0]


def plan_revisit_kind(rng: random.Random, stage: str) -> str:
    """The kind of re-visit someone at ``stage`` is most likely to make."""
    return _pick(rng, PLANNED_KINDS[stage])


_JAPAN_UNIVERSITIES = frozenset(spec.name for spec in JAPAN_HOSTS if spec.kind == "university")


class _Walk:
    """Walks one career forward; keeps the small state the next step depends on."""

    def __init__(self, rng: random.Random, country: str, cluster: str, host: str | None) -> None:
        self.rng, self.country, self.cluster, self.host = rng, country, cluster, host
        self.steps: list[_Step] = []

    def home_university(self) -> str:
        return weighted_choice(self.rng, SENDING[self.country]).name

    def organisation(self, stage: str, japan: bool) -> tuple[str, str]:
        rng, previous = self.rng, self.steps[-1] if self.steps else None
        if japan:
            if stage == INDUSTRY:
                return japan_institution(rng, self.cluster, kinds=("company",)).name, "JP"
            degree = stage in (MS, PHD)
            if self.host and rng.random() < 0.45 and not (degree and self._host_is_institute()):
                return self.host, "JP"
            kinds = ("university",) if stage in (MS, PHD) else ("university", "research")
            return japan_institution(rng, self.cluster, kinds=kinds).name, "JP"
        if stage == INDUSTRY:
            return rng.choice(orgs.COMPANIES[self.country]), self.country
        if stage == GOV:
            return rng.choice(orgs.AGENCIES[self.country]), self.country
        if stage == POSTDOC and rng.random() < 0.15:
            return rng.choice(orgs.ABROAD)
        if (  # staying on after a degree at home
            previous is not None
            and previous.country == self.country
            and previous.stage in (UG, MS, PHD)
            and rng.random() < 0.6
        ):
            return previous.organisation, self.country
        return self.home_university(), self.country

    def _host_is_institute(self) -> bool:
        return self.host not in _JAPAN_UNIVERSITIES

    def position(self, stage: str, japan: bool, rank: int, funding: str) -> str:
        rng = self.rng
        if stage == HS:
            return "High school student"
        if stage == UG:
            return "Undergraduate student"
        if stage == MS:
            return "Master's student"
        if stage == PHD:
            return "Doctoral student"
        if stage == POSTDOC:
            if japan and funding == Funding.JSPS:
                return "JSPS postdoctoral fellow"
            if self.steps and self.steps[-1].stage == FACULTY:
                return "Visiting researcher"
            if japan and rng.random() < 0.3:
                return "Project researcher"
            return "Postdoctoral researcher"
        if stage == FACULTY:
            if japan and rank == 1 and rng.random() < 0.3:
                return "Specially appointed assistant professor"
            return orgs.FACULTY_RANKS[rank]
        if stage == GOV:
            served = sum(1 for step in self.steps if step.stage == GOV)
            return orgs.GOVERNMENT_TITLES[min(served, len(orgs.GOVERNMENT_TITLES) - 1)]
        junior, senior = orgs.INDUSTRY_TITLES[self.cluster]
        worked = any(step.stage == INDUSTRY for step in self.steps)
        return rng.choice(senior if worked else junior)

    def duration(self, stage: str, japan: bool, rank: int) -> int:
        """How many months a step lasts."""
        if stage == FACULTY:
            top = rank == len(orgs.FACULTY_RANKS) - 1
            return self.rng.randint(300, 360) if top else self.rng.randint(48, 84)
        low, high = MONTHS[stage] if not (japan and stage == PHD) else (36, 36)
        return self.rng.randint(low, high)

    def faculty_rank(self, stage: str, previous: _Step | None) -> int:
        faculty = [step for step in self.steps if step.stage == FACULTY]
        if stage != FACULTY:
            return 0
        if previous is not None and previous.stage == FACULTY:
            return min(previous.rank + 1, len(orgs.FACULTY_RANKS) - 1)
        if faculty:
            return faculty[-1].rank
        return 1 if previous is not None and previous.stage in (PHD, POSTDOC) else 0


def build_history(
    rng: random.Random,
    *,
    country: str,
    cluster: str,
    stage: str,
    visit_start: date,
    visit_end: date,
    sending: InstitutionSpec | None,
    host: str | None,
    revisit_kind: str | None,
) -> tuple[list[CareerSpec], list[RevisitSpec]]:
    """Career entries (1-3, the last current) and re-visits that start after ``visit_end``."""
    walk = _Walk(rng, country, cluster, host)
    revisits: list[RevisitSpec] = []
    earliest = visit_end + timedelta(days=60)
    pending = revisit_kind
    if pending in (RevisitKind.EXCHANGE, RevisitKind.OTHER):
        short = _short_stay(rng, pending, visit_end, cluster, host)
        pending = None
        if short is not None:
            revisits.append(short)
            # Some exchange students come back later for a degree.
            if rng.random() < 0.3:
                pending = RevisitKind.DEGREE
                earliest = (short.end_date or REFERENCE_DATE) + timedelta(days=30)

    walk.steps.append(_first_step(walk, stage, visit_start, visit_end, sending, pending))
    while walk.steps[-1].end < REFERENCE_DATE and len(walk.steps) < 12:
        previous = walk.steps[-1]
        begin = previous.end + timedelta(days=1)
        forced = FORCED.get((pending, previous.stage)) if pending else None
        if forced and begin >= earliest:
            next_stage, japan, pending = forced, True, None
        else:
            next_stage = _pick(rng, TRANSITIONS[previous.stage])
            japan = previous.country == "JP" and next_stage in KIND_OF_STAGE and rng.random() < 0.5
        if japan and next_stage in (MS, PHD):
            begin = _next_intake(begin)
        rank = walk.faculty_rank(next_stage, previous)
        organisation, where = walk.organisation(next_stage, japan)
        if next_stage == FACULTY and previous.stage == FACULTY and rng.random() < 0.85:
            organisation, where = previous.organisation, previous.country
        kind = KIND_OF_STAGE.get(next_stage) if where == "JP" else None
        funding = _pick(rng, FUNDING[kind]) if kind else ""
        months = walk.duration(next_stage, where == "JP", rank)
        step = _Step(
            next_stage,
            begin,
            _add_months(begin, months) - timedelta(days=1),
            organisation,
            where,
            walk.position(next_stage, where == "JP", rank, funding),
            rank,
        )
        if kind:
            end = None if step.end >= REFERENCE_DATE else step.end
            last = previous.revisit
            if (
                last is not None
                and last.kind == kind
                and (last.institution == organisation or kind == RevisitKind.EMPLOYEE)
            ):
                # A promotion, a doctorate after a master's, or a new job without leaving
                # Japan continues the same stay.
                revisits[-1] = replace(last, end_date=end)
            else:
                source = "jst" if rng.random() < 0.2 else "member"
                revisits.append(RevisitSpec(kind, organisation, begin, end, funding, source))
            step = replace(step, revisit=revisits[-1])
        walk.steps.append(step)
    return _careers(rng, walk.steps, sending), sorted(revisits, key=lambda r: r.start_date)


def _first_step(
    walk: _Walk,
    stage: str,
    visit_start: date,
    visit_end: date,
    sending: InstitutionSpec | None,
    pending: str | None,
) -> _Step:
    """The position held during the visit: it began some time before it."""
    rng = walk.rng
    months = walk.duration(stage, False, 1)
    start = _add_months(_month_start(visit_start), -rng.randint(1, max(1, months - 4)))
    end = max(
        _add_months(start, months) - timedelta(days=1),
        _month_end(visit_end + timedelta(days=60)),
    )
    if pending and (pending, stage) in FORCED:
        # Someone set on returning to Japan moves on within a few years.
        end = min(end, _month_end(_add_months(visit_end, rng.randint(4, 30))))
    if sending is not None and stage != INDUSTRY:
        organisation, where = sending.name, walk.country
    else:
        organisation, where = walk.organisation(stage, False)
    rank = 1 if stage == FACULTY and rng.random() < 0.6 else 0
    return _Step(
        stage, start, end, organisation, where, walk.position(stage, False, rank, ""), rank
    )


def _short_stay(
    rng: random.Random, kind: str, visit_end: date, cluster: str, host: str | None
) -> RevisitSpec | None:
    """An exchange semester or a short training stay, not a career step."""
    if kind == RevisitKind.EXCHANGE:
        start = _next_intake(visit_end + timedelta(days=rng.randint(120, 900)))
        end = start + timedelta(days=rng.choice((182, 364))) - timedelta(days=1)
        institution = host if host and rng.random() < 0.5 else None
        institution = institution or japan_institution(rng, cluster, kinds=("university",)).name
    else:
        start = _month_start(visit_end + timedelta(days=rng.randint(180, 1500)))
        end = start + timedelta(days=rng.randint(30, 90))
        institution = japan_institution(rng, cluster).name
    if start >= REFERENCE_DATE:
        return None
    source = "jst" if rng.random() < 0.2 else "member"
    funding = _pick(rng, FUNDING[kind])
    end_date = None if end >= REFERENCE_DATE else end
    return RevisitSpec(kind, institution, start, end_date, funding, source)


def _careers(
    rng: random.Random, steps: list[_Step], sending: InstitutionSpec | None
) -> list[CareerSpec]:
    # High school is not a career step, unless the member is still there.
    kept = [step for step in steps if step.stage != HS] or steps[-1:]
    kept = kept[-rng.choices((1, 2, 3), (25, 40, 35))[0] :]
    careers = []
    for step in kept:
        current = step is kept[-1]
        organisation = step.organisation
        if step.stage == HS and not (sending and sending.kind == "school"):
            organisation = "Secondary school"
        careers.append(
            CareerSpec(
                step.position,
                organisation,
                step.country,
                step.start,
                None if current else step.end,
                current,
            )
        )
    return careers
