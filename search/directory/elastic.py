"""The directory on Elasticsearch 9, through elasticsearch.dsl: one request per search."""

from __future__ import annotations

from django.conf import settings
from elasticsearch import Elasticsearch
from elasticsearch.dsl import A, Q, Search

from club.members.privacy import Section, Viewer
from search.directory.contract import PER_PAGE, DirectoryQuery, DirectoryResult, Sort
from search.directory.elastic_index import stale_member_ids
from search.directory.elastic_mapping import stored_document
from search.directory.facets import FACETS
from search.directory.results import build_hit, current_documents, facet_counts

FACET_SIZE = 20
YEAR_BUCKETS = 200


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
            size = YEAR_BUCKETS if facet.key == "year" else FACET_SIZE
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
            total=response.hits.total.value,
            facets=facets,
            page=query.page,
            backend=self.name,
            engine_ms=response.took,
        )


def _audience(viewer: Viewer):
    """A function giving the query clause 'this section is visible to the viewer'."""
    tokens = sorted(viewer.tokens)

    def clause(section: Section) -> Q:
        if viewer.is_staff:
            return Q("match_all")
        return Q("terms", **{f"audience_{section.value}": tokens})

    return clause


def _term_clause(term: str, audience) -> Q:
    """One search word must match a field the viewer may see (names tolerate typos)."""

    def match(field: str, **options) -> Q:
        return Q("match", **{field: {"query": term, "operator": "and", **options}})

    def guarded(section: Section, *fields: str) -> Q:
        # With a filter present, "should" turns optional unless required explicitly.
        return Q(
            "bool",
            should=[match(f) for f in fields],
            filter=[audience(section)],
            minimum_should_match=1,
        )

    return Q(
        "bool",
        should=[
            match("text_name", fuzziness="AUTO", boost=3),
            match("text_name.prefix"),
            match("text_profile"),
            guarded(Section.CAREER, "text_career", "text_career.prefix"),
            guarded(Section.PARTICIPATION, "text_participation", "text_participation.prefix"),
        ],
        minimum_should_match=1,
    )


def _filter_constraints(query: DirectoryQuery, audience) -> dict[str, Q]:
    constraints: dict[str, Q] = {}
    for facet in FACETS:
        if facet.key == "year":
            bounds = {}
            if query.year_from:
                bounds["gte"] = str(query.year_from)
            if query.year_to:
                bounds["lte"] = str(query.year_to)
            if bounds:
                constraints["year"] = Q(
                    "bool",
                    filter=[Q("range", facet_year=bounds), audience(facet.section)],
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


def _sorted_query(base: Q, query: DirectoryQuery, audience) -> Q:
    if query.sort != Sort.RECENT:
        return base
    # Score = day of the latest programme, for viewers who may see participations;
    # hidden dates score 0 and sort last, as unknown, like the database backend.
    return Q(
        "function_score",
        query=base,
        functions=[
            {
                "filter": audience(Section.PARTICIPATION).to_dict(),
                "field_value_factor": {"field": "latest_days", "missing": 0},
            },
            {
                "filter": Q("bool", must_not=[audience(Section.PARTICIPATION)]).to_dict(),
                "weight": 0,
            },
        ],
        score_mode="sum",
        boost_mode="replace",
    )


def _sort(query: DirectoryQuery) -> list:
    if query.sort == Sort.NAME or (query.sort == Sort.RELEVANCE and not query.terms):
        return [{"sort_name": "asc"}, {"member_id": "asc"}]
    if query.sort == Sort.RECENT:
        return [{"_score": "desc"}, {"member_id": "asc"}]
    return [{"_score": "desc"}, {"sort_name": "asc"}, {"member_id": "asc"}]
