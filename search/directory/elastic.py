"""The directory on Elasticsearch 9, through elasticsearch.dsl: one request per search."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import A, Q, Search
from elasticsearch.dsl.query import Query

from club.members.privacy import Viewer
from club.members.sections import Section
from search.directory.contract import PER_PAGE, DirectoryQuery, DirectoryResult, Sort
from search.directory.elastic_index import stale_member_ids
from search.directory.elastic_mapping import stored_document
from search.directory.facets import FACETS, FacetKind
from search.directory.results import build_hit, current_documents, facet_counts
from search.directory.sources import NAME_COLUMN, RECENT_SOURCE, TEXT_COLUMNS, source_section

FACET_SIZE = 20
# A range facet shows every value (its bounds are picked from them).
RANGE_BUCKETS = 200


def client_from_settings() -> Elasticsearch:
    # Fail fast: a slow or absent engine must not hold up a request; the caller falls back.
    return Elasticsearch(
        settings.ELASTICSEARCH_URL, request_timeout=5, max_retries=0, retry_on_timeout=False
    )


class IndexLagging(Exception):
    """Too many members await a sync to leave them out of a query: ask the database."""


class ElasticsearchDirectory:
    """Faceted search on the directory index (an alias swapped on rebuild)."""

    name = "elasticsearch"

    def __init__(self, client: Elasticsearch, alias: str) -> None:
        self.client = client
        self.alias = alias

    @classmethod
    def from_settings(cls) -> ElasticsearchDirectory:
        return cls(client_from_settings(), settings.ELASTICSEARCH_INDEX)

    def search(self, query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
        stale = stale_member_ids()
        if stale is None:
            raise IndexLagging
        audience = _audience(viewer)
        constraints = _filter_constraints(query, audience)
        must = [Q("term", listed=True), audience(Section.PROFILE)]
        must += [_term_clause(term, audience) for term in query.terms]
        # Members whose index copy is behind the database are left out of hits and counts
        # alike: a privacy change takes effect on the next search, and counts can only lag
        # in the member's favour (too low, never showing what they have hidden).
        stale_out = [Q("ids", values=[str(pk) for pk in stale])] if stale else []
        base = Q("bool", filter=must[:2], must=must[2:], must_not=stale_out)

        search = Search(using=self.client, index=self.alias).extra(track_total_hits=True)
        search = search.query(_sorted_query(base, query, audience))
        search = search.sort(*_sort(query))
        if constraints:
            search = search.post_filter(Q("bool", filter=list(constraints.values())))
        for facet in FACETS:
            others = [q for key, q in constraints.items() if key != facet.key]
            bucket = A("filter", filter=Q("bool", filter=[*others, audience(facet.section)]))
            size = RANGE_BUCKETS if facet.kind == FacetKind.RANGE else FACET_SIZE
            bucket.bucket(
                "values",
                "terms",
                field=f"facet_{facet.key}",
                size=size,
                order=[{"_count": "desc"}, {"_key": "asc"}],
            )
            search.aggs.bucket(facet.key, bucket)
        offset = (query.page - 1) * PER_PAGE
        response = search[offset : offset + PER_PAGE].execute()

        facets = {}
        for facet in FACETS:
            buckets = response.aggregations[facet.key]["values"]["buckets"]
            counted = {str(b["key"]): b["doc_count"] for b in buckets}
            selected = query.selected(facet.key)
            for value in selected:
                counted.setdefault(value, 0)
            facets[facet.key] = facet_counts(facet, counted, selected)
        # Shown fields come from the database's current entry, never the index's copy.
        current = current_documents(
            [stored_document(hit.to_dict()) for hit in response.hits], viewer
        )
        hits = [build_hit(document, viewer, query.terms) for document in current]
        return DirectoryResult(
            hits=hits,
            # elasticsearch's Response types hits as a plain list; total is set at run time.
            total=response.hits.total.value,  # type: ignore[attr-defined]
            facets=facets,
            page=query.page,
            backend=self.name,
            engine_ms=response.took,
        )


# The query clause 'this section is visible to the viewer'.
Audience = Callable[[Section], Query]


def _audience(viewer: Viewer) -> Audience:
    """A function giving the query clause 'this section is visible to the viewer'."""
    tokens = sorted(viewer.tokens)

    def clause(section: Section) -> Query:
        if viewer.is_staff:
            return Q("match_all")
        return Q("terms", **{f"audience_{section.value}": tokens})

    return clause


def _term_clause(term: str, audience: Audience) -> Query:
    """One search word must match a field the viewer may see (names tolerate typos)."""

    def match(field: str, **options: Any) -> Query:
        return Q("match", **{field: {"query": term, "operator": "and", **options}})

    def guarded(section: Section, *fields: str) -> Query:
        # With a filter present, "should" turns optional unless required explicitly.
        return Q(
            "bool",
            should=[match(f) for f in fields],
            filter=[audience(section)],
            minimum_should_match=1,
        )

    # The profile is visible already (the search requires it); other sections' words
    # count only where the viewer may see them.
    should = [
        match(NAME_COLUMN, fuzziness="AUTO", boost=3),
        match(f"{NAME_COLUMN}.prefix"),
        match(TEXT_COLUMNS[Section.PROFILE]),
    ]
    should += [
        guarded(section, column, f"{column}.prefix")
        for section, column in TEXT_COLUMNS.items()
        if section != Section.PROFILE
    ]
    return Q("bool", should=should, minimum_should_match=1)


def _filter_constraints(query: DirectoryQuery, audience: Audience) -> dict[str, Query]:
    constraints: dict[str, Query] = {}
    for facet in FACETS:
        if facet.kind == FacetKind.RANGE:
            low, high = query.bounds(facet.key)
            bounds = {
                test: str(bound)
                for test, bound in (("gte", low), ("lte", high))
                if bound is not None
            }
            if bounds:
                constraints[facet.key] = Q(
                    "bool",
                    filter=[
                        Q("range", **{f"facet_{facet.key}": bounds}),
                        audience(facet.section),
                    ],
                )
            continue
        values = query.selected(facet.key)
        if values:
            constraints[facet.key] = Q(
                "bool",
                filter=[
                    Q("terms", **{f"facet_{facet.key}": list(values)}),
                    audience(facet.section),
                ],
            )
    return constraints


def _sorted_query(base: Query, query: DirectoryQuery, audience: Audience) -> Query:
    if query.sort != Sort.RECENT:
        return base
    # Score = day of the latest programme, for viewers who may see it; hidden dates
    # score 0 and sort last, as unknown, like the database backend.
    shown = audience(source_section(RECENT_SOURCE))
    return Q(
        "function_score",
        query=base,
        functions=[
            {
                "filter": shown.to_dict(),
                "field_value_factor": {"field": "latest_days", "missing": 0},
            },
            {
                "filter": Q("bool", must_not=[shown]).to_dict(),
                "weight": 0,
            },
        ],
        score_mode="sum",
        boost_mode="replace",
    )


def _sort(query: DirectoryQuery) -> list[dict[str, dict[str, str]]]:
    name, member = {"sort_name": {"order": "asc"}}, {"member_id": {"order": "asc"}}
    score = {"_score": {"order": "desc"}}
    if query.sort == Sort.NAME or (query.sort == Sort.RELEVANCE and not query.terms):
        return [name, member]
    if query.sort == Sort.RECENT:
        return [score, member]
    return [score, name, member]
