"""Builds directory entries from the member tables (the source of truth)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from club.members.consent import current_consent
from club.members.models import (
    CareerEntry,
    Institution,
    Member,
    MemberStatus,
    Participation,
    Purpose,
)
from club.members.privacy import BROAD_AUDIENCES, section_audience, section_token
from club.members.sections import Section
from club.text import fold
from search.directory.database.token_index import facet_token
from search.directory.facets import FACETS
from search.directory.sources import (
    ATTRIBUTE_WORDS,
    NAME_COLUMN,
    TEXT_COLUMNS,
    searched_sections,
    text_column,
)
from search.models import DirectoryEntry, DirectoryFacetValue, DirectoryNameWord

CHUNK = 500
ENTRY_TEXT_COLUMNS = (NAME_COLUMN, *TEXT_COLUMNS.values())
MAX_WORD = 200


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


def members_for_indexing() -> QuerySet[Member]:
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


def _fold(parts: Iterable[str | None]) -> str:
    """Folded words; absurdly long ones cut short (PostgreSQL indexes 2,047 bytes a word)."""
    words = (word for part in parts if part for word in fold(part).split())
    return " ".join(word[:MAX_WORD] for word in words)


def build_entry(member: Member) -> tuple[DirectoryEntry, list[DirectoryFacetValue]]:
    """The directory entry and facet values of one (prefetched) member."""
    participations = sorted(member.participations.all(), key=lambda p: p.start_date)
    latest = participations[-1] if participations else None
    chapter_ids = [chapter.pk for chapter in member.chapters.all()]
    texts: dict[str, list[str]] = {}
    for attribute, words in ATTRIBUTE_WORDS.items():
        if column := text_column(attribute):
            texts.setdefault(column, []).extend(words(member))

    entry = DirectoryEntry(
        member=member,
        # Withdrawing directory consent unlists the entry on both backends, hits and facet
        # counts alike (record_consent saves the member, which rebuilds this entry).
        listed=member.status == MemberStatus.ACTIVE and current_consent(member, Purpose.DIRECTORY),
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
        revisited=bool(member.revisits.all()),
        **{column: _fold(texts.get(column, [])) for column in ENTRY_TEXT_COLUMNS},
        audiences={
            section.value: section_audience(member, section, chapter_ids) for section in Section
        },
        built_at=timezone.now(),
    )
    values = {(facet.key, value) for facet in FACETS for value in facet.values_of(member)}
    entry.facet_tokens = delimited(facet_token(key, value) for key, value in sorted(values))
    searched = searched_sections()
    entry.open_to = open_to([entry.audiences[section.value] for section in searched])
    entry.audience_tokens = delimited(
        section_token(section, token)
        for section in searched
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
            names = sorted({word for entry, _ in built for word in entry.text_name.split()})
            DirectoryNameWord.objects.bulk_create(
                [DirectoryNameWord(word=word) for word in names], ignore_conflicts=True
            )
        done += len(members)
    return done


def refresh_all(progress: Callable[[int, int], object] | None = None) -> int:
    """Rebuild every entry, reporting progress as (done, total)."""
    ids = list(Member.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for chunk in _chunks(ids, CHUNK):
        done += refresh_entries(chunk)
        if progress:
            progress(done, len(ids))
    return done
