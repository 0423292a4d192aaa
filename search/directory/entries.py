"""Builds directory entries from the member tables (the source of truth)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django_countries import countries

from club.members.models import (
    CareerEntry,
    Institution,
    Member,
    MemberStatus,
    Participation,
)
from club.members.privacy import (
    BROAD_AUDIENCES,
    Section,
    section_audience,
)
from club.text import fold
from search.directory.database.token_index import facet_token
from search.models import DirectoryEntry, DirectoryFacetValue

CHUNK = 500
MAX_WORD = 200
# The sections the directory matches, filters or counts on (bio and contact never are).
SEARCHED_SECTIONS = (Section.PROFILE, Section.CAREER, Section.PARTICIPATION, Section.REVISITS)


def delimited(tokens: Iterable[str]) -> str:
    """Tokens between spaces, so LIKE '% token %' finds exactly one."""
    return " " + " ".join(tokens) + " "


def open_to(audiences: list[list[str]]) -> str:
    """The broadest audience that every one of these sections admits ("" if none).

    A viewer holding it sees all of the entry, so the database directory can settle
    privacy for most entries with one comparison (search.directory.database).
    """
    for audience in BROAD_AUDIENCES:
        if all(audience in tokens for tokens in audiences):
            return audience
    return ""


def members_for_indexing():
    """Members with everything an entry needs, in a fixed number of queries per chunk."""
    institutions = Institution.objects.prefetch_related("aliases")
    return Member.objects.select_related("photo").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.prefetch_related(
                Prefetch("host_institution", queryset=institutions),
                Prefetch("sending_institution", queryset=institutions),
            ),
        ),
        "revisits",
        Prefetch("careers", queryset=CareerEntry.objects.all()),
        "chapters",
        "fields",
    )


def _institution_text(institution: Institution | None) -> list[str]:
    if institution is None:
        return []
    return [institution.name, institution.name_ja, *(a.name for a in institution.aliases.all())]


def _fold(parts: Iterable[str | None]) -> str:
    """Folded words; absurdly long ones cut short (PostgreSQL indexes 2,047 bytes a word)."""
    words = (word for part in parts if part for word in fold(part).split())
    return " ".join(word[:MAX_WORD] for word in words)


def build_entry(member: Member) -> tuple[DirectoryEntry, list[DirectoryFacetValue]]:
    """The directory entry and facet values of one (prefetched) member."""
    participations = sorted(member.participations.all(), key=lambda p: p.start_date)
    revisits = list(member.revisits.all())
    careers = list(member.careers.all())
    chapters = list(member.chapters.all())
    tags = list(member.fields.all())
    latest = participations[-1] if participations else None
    chapter_ids = [chapter.pk for chapter in chapters]

    entry = DirectoryEntry(
        member=member,
        listed=member.status == MemberStatus.ACTIVE,
        sort_name=_fold([member.family_name, member.given_name]),
        latest_start=latest.start_date if latest else None,
        display_name=member.display_name,
        native_name=member.native_name,
        photo_id=member.photo_id,
        country=member.country.code or "",
        position=member.position,
        organisation=member.organisation,
        programme=latest.programme if latest else "",
        programme_year=latest.fiscal_year if latest else None,
        revisited=bool(revisits),
        text_name=_fold([member.given_name, member.family_name, member.native_name]),
        text_profile=_fold(
            [tag.name for tag in tags]
            + [getattr(tag, "name_ja", "") for tag in tags]
            + [str(countries.name(member.country.code)) if member.country else ""]
        ),
        text_career=_fold(
            [member.position, member.organisation]
            + [part for c in careers for part in (c.position, c.organisation)]
        ),
        text_participation=_fold(
            [
                text
                for p in participations
                for text in _institution_text(p.host_institution)
                + _institution_text(p.sending_institution)
            ]
        ),
        audiences={
            section.value: section_audience(member, section, chapter_ids) for section in Section
        },
        built_at=timezone.now(),
    )
    values: set[tuple[str, str]] = set()
    if member.country:
        values.add(("country", member.country.code))
    values.update(("field", tag.slug) for tag in tags)
    values.update(("chapter", chapter.slug) for chapter in chapters)
    for p in participations:
        values.add(("programme", p.programme))
        values.add(("year", str(p.fiscal_year)))
        if p.sending_institution_id:
            values.add(("home_institution", str(p.sending_institution_id)))
        if p.host_institution_id:
            values.add(("host_institution", str(p.host_institution_id)))
    values.add(("revisited", "yes" if revisits else "no"))
    values.update(("revisit_kind", r.kind) for r in revisits)
    entry.facet_tokens = delimited(facet_token(key, value) for key, value in sorted(values))
    entry.open_to = open_to([entry.audiences[section.value] for section in SEARCHED_SECTIONS])
    entry.audience_tokens = delimited(
        f"{section.value}:{token}"
        for section in SEARCHED_SECTIONS
        for token in entry.audiences[section.value]
    )
    facet_rows = [
        DirectoryFacetValue(entry_id=member.pk, facet=facet, value=value)
        for facet, value in sorted(values)
    ]
    return entry, facet_rows


def _chunks(ids: Iterable[int], size: int) -> Iterator[list[int]]:
    iterator = iter(ids)
    while chunk := list(islice(iterator, size)):
        yield chunk


def refresh_entries(member_ids: Iterable[int]) -> int:
    """Rebuild the entries of these members (removing those of deleted members)."""
    done = 0
    for chunk in _chunks(sorted(set(member_ids)), CHUNK):
        members = list(members_for_indexing().filter(pk__in=chunk))
        built = [build_entry(member) for member in members]
        with transaction.atomic():
            DirectoryEntry.objects.filter(pk__in=chunk).delete()
            DirectoryEntry.objects.bulk_create([entry for entry, _ in built])
            DirectoryFacetValue.objects.bulk_create([row for _, rows in built for row in rows])
        done += len(members)
    return done


def refresh_all(progress=None) -> int:
    """Rebuild every entry, reporting progress as (done, total)."""
    ids = list(Member.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for chunk in _chunks(ids, CHUNK):
        done += refresh_entries(chunk)
        if progress:
            progress(done, len(ids))
    return done
