"""Writes generated demo alumni to the database in bulk, skipping those already there.

Each chunk of members is one transaction of ``bulk_create`` calls (users, members,
participations, re-visits, careers, fields, links, memberships), so an interrupted
run leaves whole members behind and the next run completes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Model

from club.demo.members.generate import ROSTER_PREFIX, MemberSpec, generate_members, roster_id
from club.demo.members.reference import ReferenceIds, ensure_reference_data
from club.members.changes import members_changed
from club.members.models import (
    CareerEntry,
    ChapterMembership,
    GroupRole,
    Member,
    MemberLink,
    Participation,
    Revisit,
    SubjectGroupMembership,
    TaggedField,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import User

CHUNK = 2000
Report = Callable[[str], None]


@dataclass(frozen=True)
class SeedResult:
    """How many demo members were asked for, how many were new, and how long it took."""

    total: int
    created: int
    seconds: float


def seed_members(
    count: int,
    seed: int,
    report: Report,
    progress: Report | None = None,
    refs: ReferenceIds | None = None,
) -> SeedResult:
    """Make sure demo members 1..count exist for ``seed``; returns how many were new."""
    started = time.monotonic()
    refs = refs or ensure_reference_data(report)
    existing = set(
        Member.objects.filter(roster_id__startswith=ROSTER_PREFIX).values_list(
            "roster_id", flat=True
        )
    )
    if all(roster_id(number) in existing for number in range(1, count + 1)):
        report(f"{count:,} demo alumni (all there already)")
        return SeedResult(count, 0, time.monotonic() - started)
    # One unusable hash for everyone: demo alumni sign in only after claiming an account.
    password = make_password(None)
    created = done = 0
    for chunk in _chunks(generate_members(seed, count), CHUNK):
        missing = [spec for spec in chunk if spec.roster_id not in existing]
        if missing:
            created += _write_chunk(missing, refs, password)
        done += len(chunk)
        if progress is not None:
            elapsed = time.monotonic() - started
            progress(f"{done:,} / {count:,} alumni, {created:,} new ({elapsed:.0f} s)")
    seconds = time.monotonic() - started
    report(f"{count:,} demo alumni ({created:,} new) in {seconds:.0f} s")
    return SeedResult(count, created, seconds)


def _chunks(specs: Iterable[MemberSpec], size: int) -> Iterator[list[MemberSpec]]:
    iterator = iter(specs)
    while chunk := list(islice(iterator, size)):
        yield chunk


@transaction.atomic
def _write_chunk(specs: list[MemberSpec], refs: ReferenceIds, password: str) -> int:
    user_model = get_user_model()
    found = user_model.objects.filter(username__in=[spec.username for spec in specs])
    taken = {
        name: (pk, member) for name, pk, member in found.values_list("username", "pk", "member")
    }
    # A user left behind by a deleted demo member is reused; one with a profile is not ours.
    specs = [spec for spec in specs if taken.get(spec.username, (0, None))[1] is None]
    reused = {name: pk for name, (pk, _member) in taken.items()}
    users = [user_from_spec(spec, password) for spec in specs if spec.username not in reused]
    user_model.objects.bulk_create(users)
    user_ids = {**reused, **{user.username: user.pk for user in users}}

    members = [member_from_spec(spec, user_ids[spec.username]) for spec in specs]
    Member.objects.bulk_create(members)
    for model, rows in member_rows(list(zip(specs, members, strict=True)), refs).items():
        model._default_manager.bulk_create(rows)
    _refresh_directory([member.pk for member in members])
    return len(members)


def member_rows(
    pairs: list[tuple[MemberSpec, Member]], refs: ReferenceIds
) -> dict[type[Model], list[Model]]:
    """The rows hanging off each written member, by model, in an order safe to insert."""
    institution = refs.institutions.get
    return {
        Participation: [
            Participation(
                member=member,
                programme=visit.programme,
                fiscal_year=visit.fiscal_year,
                start_date=visit.start_date,
                end_date=visit.end_date,
                sending_institution_id=institution(visit.sending or ""),
                host_institution_id=institution(visit.host or ""),
            )
            for spec, member in pairs
            for visit in spec.participations
        ],
        Revisit: [
            Revisit(
                member=member,
                kind=revisit.kind,
                institution_id=institution(revisit.institution),
                start_date=revisit.start_date,
                end_date=revisit.end_date,
                funding=revisit.funding,
                source=revisit.source,
            )
            for spec, member in pairs
            for revisit in spec.revisits
        ],
        CareerEntry: [
            CareerEntry(
                member=member,
                position=career.position,
                organisation=career.organisation,
                country=career.country,
                start_date=career.start_date,
                end_date=career.end_date,
                is_current=career.is_current,
            )
            for spec, member in pairs
            for career in spec.careers
        ],
        TaggedField: [
            TaggedField(content_object=member, tag_id=refs.tags[name])
            for spec, member in pairs
            for name in spec.fields
        ],
        MemberLink: [
            MemberLink(member=member, label=label, url=url)
            for spec, member in pairs
            for label, url in spec.links
        ],
        ChapterMembership: [
            ChapterMembership(
                member=member,
                chapter_id=refs.chapters[spec.chapter],
                role=_role(spec.chapter_coordinator),
            )
            for spec, member in pairs
            if spec.chapter
        ],
        SubjectGroupMembership: [
            SubjectGroupMembership(
                member=member, group_id=refs.groups[slug], role=_role(coordinator)
            )
            for spec, member in pairs
            for slug, coordinator in spec.groups
        ],
    }


def user_from_spec(spec: MemberSpec, password: str) -> User:
    """The (unsaved) account of one demo alumnus."""
    return get_user_model()(
        username=spec.username,
        email=spec.email,
        first_name=spec.given_name[:150],
        last_name=spec.family_name[:150],
        password=password,
        date_joined=spec.date_joined,
    )


def _role(coordinator: bool) -> str:
    return GroupRole.COORDINATOR if coordinator else GroupRole.MEMBER


def member_from_spec(spec: MemberSpec, user_id: int) -> Member:
    """The (unsaved) Member row of one demo alumnus."""
    visibility = {f"visibility_{section}": value for section, value in spec.visibility.items()}
    return Member(
        user_id=user_id,
        roster_id=spec.roster_id,
        status=spec.status,
        given_name=spec.given_name,
        family_name=spec.family_name,
        native_name=spec.native_name,
        name_order=spec.name_order,
        bio=spec.bio,
        bio_ja=spec.bio_ja,
        country=spec.country,
        nationality=spec.nationality,
        position=spec.position,
        organisation=spec.organisation,
        contact_email=spec.contact_email,
        preferred_language=spec.preferred_language,
        open_to_mentoring=spec.open_to_mentoring,
        **visibility,
    )


def _refresh_directory(member_ids: list[int]) -> None:
    """Bulk writes send no signals, so report the new members here."""
    members_changed(member_ids)
