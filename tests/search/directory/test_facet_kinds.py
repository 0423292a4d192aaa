"""Facets are handled by their kind: driven from FACETS, both backends agree on every one."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.directory.contract import DirectoryQuery, DirectoryResult, range_params
from search.directory.database import DatabaseDirectory
from search.directory.elastic_index import sync_pending
from search.directory.facets import FACETS, FacetKind


def _everything(result: DirectoryResult) -> tuple:
    return (
        result.total,
        sorted(hit.member_id for hit in result.hits),
        {
            key: [(c.value, c.count, c.selected) for c in counts]
            for key, counts in result.facets.items()
        },
    )


def test_the_facet_list_has_every_kind():
    assert {facet.kind for facet in FACETS} == set(FacetKind)


@pytest.mark.parametrize("viewer", ["as_bob", "as_staff"])
def test_both_backends_agree_on_every_facet_of_every_kind(
    request, population, elasticsearch_directory, viewer
):
    viewer = request.getfixturevalue(viewer)
    # The viewer's own member was created after the index: let the engine have it too.
    sync_pending(elasticsearch_directory.client, elasticsearch_directory.alias)
    database = DatabaseDirectory()

    def both(query_string: str) -> tuple:
        query = DirectoryQuery.from_params(QueryDict(query_string))
        found = _everything(database.search(query, viewer))
        assert found == _everything(elasticsearch_directory.search(query, viewer)), query_string
        return found

    unfiltered = database.search(DirectoryQuery(), viewer)
    both("")
    for facet in FACETS:
        counts = unfiltered.facets[facet.key]
        assert counts, f"the population has no {facet.key} to filter by"
        value = counts[0].value
        if facet.kind == FacetKind.RANGE:
            low, high = range_params(facet)
            query_string = f"{low}={value}&{high}={value}"
        else:
            query_string = f"{facet.key}={value}"
        total, _, facets = both(query_string)
        assert total == counts[0].count
        # With its own filter ignored, the facet keeps counting every value.
        assert [(v, n) for v, n, _ in facets[facet.key]] == [(c.value, c.count) for c in counts]
