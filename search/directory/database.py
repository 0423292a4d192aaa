"""The directory on the database: SQLite or PostgreSQL, no search server needed."""

from __future__ import annotations

from functools import reduce
from operator import and_

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)

from club.members.privacy import Section, Viewer, visible_q
from search.directory.contract import (
    PER_PAGE,
    DirectoryQuery,
    DirectoryResult,
    FacetCount,
    Hit,
    Sort,
)
from search.directory.facets import FACETS, Facet
from search.directory.results import build_hit, entry_as_document, facet_counts
from search.models import DirectoryEntry, DirectoryFacetValue

FACET_SIZE = 20


class DatabaseDirectory:
    """Faceted search over DirectoryEntry rows with plain ORM queries."""

    name = "database"

    def search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
        visible = {section: visible_q(viewer, section, prefix="member__") for section in Section}
        base = DirectoryEntry.objects.filter(listed=True).filter(visible[Section.PROFILE])
        base = base.filter(_text_q(query.terms, visible))
        constraints = _filter_constraints(query, visible)
        matching = base.filter(*constraints.values())

        total = matching.count()
        offset = (query.page - 1) * PER_PAGE
        page = list(_ordered(matching, query, visible)[offset : offset + PER_PAGE])
        facets = {
            facet.key: self._facet_counts(
                facet,
                base.filter(*(q for key, q in constraints.items() if key != facet.key)),
                visible[facet.section],
                query,
            )
            for facet in FACETS
        }
        return DirectoryResult(
            hits=[_hit(entry, viewer, query.terms) for entry in page],
            total=total,
            facets=facets,
            page=query.page,
            backend=self.name,
        )

    @staticmethod
    def _facet_counts(
        facet: Facet, entries: QuerySet[DirectoryEntry], visible: Q, query: DirectoryQuery
    ) -> list[FacetCount]:
        rows = (
            DirectoryFacetValue.objects.filter(
                facet=facet.key, entry__in=entries.filter(visible).values("pk")
            )
            .values("value")
            .annotate(count=Count("pk"))
            .order_by("-count", "value")
        )
        limit = None if facet.key == "year" else FACET_SIZE
        counted = {row["value"]: row["count"] for row in (rows[:limit] if limit else rows)}
        selected = query.selected(facet.key)
        for value in selected:
            counted.setdefault(value, 0)
        return facet_counts(facet, counted, selected)


def _text_q(terms: list[str], visible: dict[Section, Q]) -> Q:
    if not terms:
        return Q()
    per_term = [
        Q(text_name__contains=term)
        | Q(text_profile__contains=term)
        | (Q(text_career__contains=term) & visible[Section.CAREER])
        | (Q(text_participation__contains=term) & visible[Section.PARTICIPATION])
        for term in terms
    ]
    return reduce(and_, per_term)


def _has(facet: str, values: tuple[str, ...] | None = None, **lookups: str) -> Exists:
    rows = DirectoryFacetValue.objects.filter(entry=OuterRef("pk"), facet=facet, **lookups)
    if values is not None:
        rows = rows.filter(value__in=values)
    return Exists(rows)


def _filter_constraints(query: DirectoryQuery, visible: dict[Section, Q]) -> dict[str, Q]:
    """One Q per active filter, keyed by facet, each limited to what the viewer may see."""
    constraints: dict[str, Q] = {}
    for facet in FACETS:
        if facet.key == "year":
            bounds = {}
            if query.year_from:
                bounds["value__gte"] = str(query.year_from)
            if query.year_to:
                bounds["value__lte"] = str(query.year_to)
            if bounds:
                constraints["year"] = Q(_has("year", **bounds)) & visible[facet.section]
            continue
        values = query.selected(facet.key)
        if values:
            constraints[facet.key] = Q(_has(facet.key, values)) & visible[facet.section]
    return constraints


def _ordered(
    entries: QuerySet[DirectoryEntry], query: DirectoryQuery, visible: dict[Section, Q]
) -> QuerySet[DirectoryEntry]:
    if query.sort == Sort.NAME or (query.sort == Sort.RELEVANCE and not query.terms):
        return entries.order_by("sort_name", "pk")
    if query.sort == Sort.RECENT:
        # Ordering by a hidden date would leak it, so hidden dates sort as unknown.
        recent = Case(When(visible[Section.PARTICIPATION], then=F("latest_start")), default=None)
        return entries.annotate(recent=recent).order_by(F("recent").desc(nulls_last=True), "pk")
    score = sum(
        (
            Case(When(text_name__contains=term, then=Value(3)), default=Value(0))
            + Case(When(text_profile__contains=term, then=Value(1)), default=Value(0))
            for term in query.terms
        ),
        start=Value(0, output_field=IntegerField()),
    )
    return entries.annotate(score=score).order_by("-score", "sort_name", "pk")


def _hit(entry: DirectoryEntry, viewer: Viewer, terms: list[str]) -> Hit:
    return build_hit(entry_as_document(entry), viewer, terms)
