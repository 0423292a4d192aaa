"""Turning stored documents into hits and counts: shared by both directory backends."""

from __future__ import annotations

from typing import Any

from club.members.privacy import Viewer, audience_admits
from club.members.sections import Section
from search.directory.contract import FacetCount, Hit
from search.directory.facets import Facet, FacetKind
from search.directory.highlight import highlight
from search.directory.sources import HIT_SOURCES, source_section
from search.models import DirectoryEntry

# The hit fields whose matched words are marked.
HIGHLIGHTED = ("display_name", "native_name", "position", "organisation")


def facet_counts(
    facet: Facet, counted: dict[str, int], selected: tuple[str, ...]
) -> list[FacetCount]:
    """Labelled counts, in the order the UI shows them (shared by both backends)."""
    labels = facet.labels(counted)
    counts = [
        FacetCount(value, labels[value], count, value in selected)
        for value, count in counted.items()
        if value in labels
    ]
    if facet.kind == FacetKind.RANGE:
        return sorted(counts, key=lambda c: c.value)
    return sorted(counts, key=lambda c: (-c.count, c.label))


def entry_as_document(entry: DirectoryEntry) -> dict[str, Any]:
    """The stored fields of an entry, as the search index also keeps them."""
    return {
        "member_id": entry.pk,
        "display_name": entry.display_name,
        "native_name": entry.native_name,
        "photo_id": entry.photo_id,
        "country": entry.country,
        "position": entry.position,
        "organisation": entry.organisation,
        "programme": entry.programme,
        "programme_year": entry.programme_year,
        "revisited": entry.revisited,
        "audiences": entry.audiences,
    }


def current_documents(documents: list[dict[str, Any]], viewer: Viewer) -> list[dict[str, Any]]:
    """The database's current version of each indexed document, in the same order; members
    since deleted, unlisted or hidden from ``viewer`` are dropped."""
    entries = DirectoryEntry.objects.in_bulk([document["member_id"] for document in documents])
    current = []
    for document in documents:
        entry = entries.get(document["member_id"])
        if entry is None or not entry.listed:
            continue
        fresh = entry_as_document(entry)
        if audience_admits(viewer, fresh["audiences"].get(Section.PROFILE.value, [])):
            current.append(fresh)
    return current


def build_hit(document: dict[str, Any], viewer: Viewer, terms: list[str]) -> Hit:
    """A hit with the fields of hidden sections set to None (shared by both backends)."""
    shows = {
        section: audience_admits(viewer, document["audiences"].get(section.value, []))
        for section in Section
    }
    fields = {
        name: document[name] if shows[source_section(source)] else None
        for name, source in HIT_SOURCES.items()
    }
    highlights = {
        name: marked for name in HIGHLIGHTED if (marked := highlight(fields[name], terms))
    }
    return Hit(
        member_id=document["member_id"],
        **{**fields, "programme": fields["programme"] or None},
        highlights=highlights,
    )
