"""The demo alumni generator: pure Python, deterministic, no database access.

Member ``n`` depends only on the seed and ``n``, so seeding 300 members and then
1,000 gives the same first 300 as seeding 1,000 at once. Chapter and group
coordinators are the first two members to join each, so generation always starts
at member 1 (it is cheap; only writing is skipped for members that exist).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from club.demo.members import careers, paths, programmes, vocabulary
from club.demo.members.bios import write_bio
from club.demo.members.careers import CareerSpec, RevisitSpec
from club.demo.members.institutions import AGENCIES, HIGH_SCHOOLS, JST, SENDING, InstitutionSpec
from club.demo.members.people import fold, make_name
from club.demo.pages.content import CHAPTERS
from club.members.models import MemberStatus
from club.members.programmes import Programme
from club.members.sections import Section, Visibility

ROSTER_PREFIX = "DEMO-"
USERNAME_PREFIX = "demo-"
REVISIT_RATE = 0.083  # planned; about 7% of members end up with a re-visit
SECOND_VISIT_RATE = 0.03
CHAPTER_JOIN_RATE = 0.35
GROUP_JOIN_RATE = 0.12
COORDINATORS_PER_GROUP = 2
CHAPTER_OF_COUNTRY = {country: slug for slug, _name, _name_ja, country in CHAPTERS}
JST_HOSTED = frozenset({Programme.HIGH_SCHOOL, Programme.OFFICERS})


@dataclass(frozen=True)
class ParticipationSpec:
    """One Participation to write; institutions are canonical names."""

    programme: str
    fiscal_year: int
    start_date: date
    end_date: date
    sending: str | None
    host: str | None


@dataclass(frozen=True)
class MemberSpec:
    """Everything about one demo alumnus, ready to be written."""

    number: int
    given_name: str
    family_name: str
    native_name: str
    name_order: str
    status: str
    country: str
    nationality: str
    email: str
    contact_email: str
    date_joined: datetime
    position: str
    organisation: str
    bio: str
    bio_ja: str
    preferred_language: str
    open_to_mentoring: bool
    visibility: dict[str, str]
    fields: tuple[str, ...]
    participations: tuple[ParticipationSpec, ...]
    revisits: tuple[RevisitSpec, ...]
    careers: tuple[CareerSpec, ...]
    links: tuple[tuple[str, str], ...]
    chapter: str | None
    chapter_coordinator: bool
    groups: tuple[tuple[str, bool], ...]  # (slug, coordinator)

    @property
    def roster_id(self) -> str:
        return roster_id(self.number)

    @property
    def username(self) -> str:
        return f"{USERNAME_PREFIX}{self.number:06d}"


def roster_id(number: int) -> str:
    """The stable JST roster ID of demo member ``number``."""
    return f"{ROSTER_PREFIX}{number:06d}"


def generate_members(seed: int, count: int) -> Iterator[MemberSpec]:
    """Demo members 1..count for ``seed``, in order."""
    joined: Counter[str] = Counter()
    for number in range(1, count + 1):
        # A string seed is hashed with SHA-512: stable across runs and platforms.
        rng = random.Random(f"sakura-science-demo:{seed}:{number}")
        yield _member(rng, number, joined)


def _member(rng: random.Random, number: int, joined: Counter[str]) -> MemberSpec:
    country, fiscal_year = programmes.choose_country_and_year(rng)
    programme = programmes.choose_programme(rng, country, fiscal_year)
    stage = programmes.choose_stage(rng, programme)
    cluster = rng.choices(
        list(vocabulary.CLUSTER_WEIGHTS), list(vocabulary.CLUSTER_WEIGHTS.values())
    )[0]
    start, end = programmes.choose_dates(rng, programme, fiscal_year)
    sending = _sending(rng, programme, country, stage)
    host = JST.name if programme in JST_HOSTED else careers.japan_institution(rng, cluster).name
    revisit_kind = careers.plan_revisit_kind(rng, stage) if rng.random() < REVISIT_RATE else None
    career_list, revisits = careers.build_history(
        rng,
        country=country,
        cluster=cluster,
        stage=stage,
        visit_start=start,
        visit_end=end,
        sending=sending,
        host=None if programme in JST_HOSTED else host,
        revisit_kind=revisit_kind,
    )
    visits = [
        ParticipationSpec(
            programme, fiscal_year, start, end, sending.name if sending else None, host
        )
    ]
    second = _second_visit(rng, visits[0], bool(revisits))
    if second:
        visits.append(second)
    name = make_name(rng, country)
    current = career_list[-1]
    status = MemberStatus.PENDING if rng.random() < 0.005 else MemberStatus.ACTIVE
    fields = _fields(rng, cluster)
    bio, bio_ja = write_bio(rng, visits[0], revisits, current, fields)
    email = _email(name.given, name.family, number)
    in_japan = current.country == "JP"

    chapter, chapter_coordinator = None, False
    slug = CHAPTER_OF_COUNTRY.get(country)
    if slug and status == MemberStatus.ACTIVE and rng.random() < CHAPTER_JOIN_RATE:
        chapter, chapter_coordinator = slug, _join(joined, f"chapter:{slug}")
    groups = []
    if status == MemberStatus.ACTIVE:
        for slug, _name, _ja, group_cluster, _description in vocabulary.SUBJECT_GROUPS:
            if group_cluster == cluster:
                rate = GROUP_JOIN_RATE
            elif slug == vocabulary.STUDYING_IN_JAPAN:
                rate = 0.5 if revisits else 0.04 if fiscal_year >= 2022 else 0.0
            else:
                rate = 0.0
            if rate and rng.random() < rate:
                groups.append((slug, _join(joined, f"group:{slug}")))

    return MemberSpec(
        number=number,
        given_name=name.given,
        family_name=name.family,
        native_name=name.native,
        name_order=name.order,
        status=status,
        country=current.country,
        nationality=country,
        email=email,
        contact_email=email if rng.random() < 0.7 else "",
        date_joined=datetime.combine(
            max(end, date(2016, 4, 1)) + timedelta(days=rng.randint(7, 120)), time(1), UTC
        ),
        position=current.position,
        organisation=current.organisation,
        bio=bio,
        bio_ja=bio_ja,
        preferred_language="ja" if rng.random() < (0.3 if in_japan else 0.03) else "en",
        open_to_mentoring=rng.random() < (0.55 if revisits else 0.15),
        visibility=_visibility(rng),
        fields=fields,
        participations=tuple(visits),
        revisits=tuple(revisits),
        careers=tuple(career_list),
        links=_links(rng, email),
        chapter=chapter,
        chapter_coordinator=chapter_coordinator,
        groups=tuple(groups),
    )


def _join(joined: Counter[str], key: str) -> bool:
    """Count a join; the first members to join a group coordinate it."""
    joined[key] += 1
    return joined[key] <= COORDINATORS_PER_GROUP


def _sending(
    rng: random.Random, programme: str, country: str, stage: str
) -> InstitutionSpec | None:
    """The home institution that sent the participant, when it is one we know."""
    if programme == Programme.HIGH_SCHOOL or stage == paths.HS:
        schools = HIGH_SCHOOLS.get(country)
        return rng.choice(schools) if schools and rng.random() < 0.6 else None
    if programme == Programme.OFFICERS and stage == paths.GOV:
        agencies = AGENCIES.get(country)
        return agencies[0] if agencies else None
    if stage in (paths.INDUSTRY, paths.GOV):
        return None
    return careers.weighted_choice(rng, SENDING[country])


def _second_visit(
    rng: random.Random, first: ParticipationSpec, has_revisits: bool
) -> ParticipationSpec | None:
    """A few alumni came again on joint research (Course B) a year or two later."""
    eligible = first.programme in (Programme.COURSE_A, Programme.COURSE_C) and not has_revisits
    if not eligible or rng.random() >= SECOND_VISIT_RATE:
        return None
    year = first.fiscal_year + rng.randint(1, 3)
    if year > 2024 or year in (2020, 2021):
        return None
    start, end = programmes.choose_dates(rng, Programme.COURSE_B, year)
    return ParticipationSpec(Programme.COURSE_B, year, start, end, first.sending, first.host)


def _fields(rng: random.Random, cluster: str) -> tuple[str, ...]:
    own = vocabulary.FIELDS_BY_CLUSTER[cluster]
    fields = rng.sample(own, rng.choices((1, 2, 3), (35, 45, 20))[0])
    if rng.random() < 0.04:
        other = rng.choice([c for c in vocabulary.CLUSTER_WEIGHTS if c != cluster])
        fields.append(rng.choice(vocabulary.FIELDS_BY_CLUSTER[other]))
    if rng.random() < 0.06:
        fields.append(rng.choice(vocabulary.FREE_FIELDS[cluster]))
    return tuple(dict.fromkeys(fields))


_PERSONAS = ("default", "open", "chapter", "guarded")


def _visibility(rng: random.Random) -> dict[str, str]:
    """Most keep the default (members); some go public, chapter-only or private."""
    sections = [str(section) for section in Section]
    persona = rng.choices(_PERSONAS, (64, 14, 8, 14))[0]
    chosen = dict.fromkeys(sections, str(Visibility.MEMBERS))
    if persona == "open":
        chosen.update(dict.fromkeys(sections, str(Visibility.PUBLIC)))
        chosen[Section.CONTACT] = str(Visibility.MEMBERS)
    elif persona == "chapter":
        chosen.update(dict.fromkeys(sections, str(Visibility.CHAPTER)))
        chosen[Section.PROFILE] = str(Visibility.MEMBERS)
    elif persona == "guarded":
        private = {Section.CONTACT} | set(rng.sample(sections, rng.randint(0, 2)))
        chosen.update(dict.fromkeys((str(s) for s in private), str(Visibility.PRIVATE)))
    elif rng.random() < 0.15:
        chosen[Section.CONTACT] = str(Visibility.PRIVATE)
    return chosen


def _email(given: str, family: str, number: int) -> str:
    local = ".".join(
        part
        for part in (re.sub(r"[^a-z0-9]+", "", fold(n).lower()) for n in (given, family))
        if part
    )
    return f"{local or 'alumnus'}.{number}@example.org"


def _links(rng: random.Random, email: str) -> tuple[tuple[str, str], ...]:
    if rng.random() >= 0.12:
        return ()
    handle = email.split("@")[0].replace(".", "-")
    label = rng.choice(("Personal site", "Lab page", "Portfolio"))
    return ((label, f"https://{handle}.example.org/"),)
