"""Bad directory input is a clear InvalidQuery, never a crash."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.directory.contract import DirectoryQuery, InvalidQuery, Sort


@pytest.mark.parametrize(
    "query_string",
    [
        "q=" + "x" * 501,
        "page=-1",
        "page=0",
        "page=abc",
        "page=999999",
        "year_from=20x9",
        "year_from=1850",
        "year_from=2020&year_to=2016",
        "sort=random()",
        "revisited=maybe",
        "country=" + "A" * 200,
        "q=" + " ".join(f"w{n}" for n in range(17)),  # 17 different words
    ],
)
def test_bad_input_raises_invalid_query(query_string):
    with pytest.raises(InvalidQuery):
        DirectoryQuery.from_params(QueryDict(query_string))


def test_query_syntax_is_plain_text():
    query = DirectoryQuery.from_params(QueryDict('q=name:"x" AND (OR) ~*? \x00 {"a":1}'))

    assert "\x00" not in query.text
    assert query.terms  # searched as words, never interpreted


def test_round_trip_to_params():
    query = DirectoryQuery.from_params(
        QueryDict("q=tohoku&country=in&country=TH&year_from=2016&sort=name&page=2")
    )

    assert query.filters == {"country": ("IN", "TH")}
    assert query.sort == Sort.NAME
    assert query.page == 2
    assert ("year_from", "2016") in query.to_params()


def test_repeated_words_count_once():
    query = DirectoryQuery.from_params(QueryDict("q=" + "tohoku " * 60))

    assert query.terms == ["tohoku"]
