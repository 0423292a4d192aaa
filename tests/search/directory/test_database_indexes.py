"""The database directory's own indexes: the word index and the privacy summary."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict

from search.directory.contract import DirectoryQuery
from search.directory.database import DatabaseDirectory, token_index
from search.directory.entries import open_to
from search.models import DirectoryEntry


def found(viewer, text: str) -> list[str]:
    query = DirectoryQuery.from_params(QueryDict(f"q={text}"))
    return [hit.display_name for hit in DatabaseDirectory().search(query, viewer).hits]


def test_word_index_follows_every_change(population, as_staff):
    lucas = population["lucas"]
    lucas.position = "Volcanologist"
    lucas.save()
    assert found(as_staff, "volcano") == ["Lucas Nakamura"]

    lucas.position = "Geologist"
    lucas.save()
    # Lucas is open to everyone, so the index alone decides: a stale index would still match.
    assert found(as_staff, "volcano") == []
    assert found(as_staff, "geolog") == ["Lucas Nakamura"]

    lucas.delete()
    assert found(as_staff, "nakamura") == []


def test_a_direct_update_of_the_text_reaches_the_index(population, as_staff):
    # Entries are rebuilt by delete and insert; an UPDATE takes the update trigger's path.
    lucas = population["lucas"]
    DirectoryEntry.objects.filter(pk=lucas.pk).update(text_career="volcanologist")

    assert found(as_staff, "volcano") == ["Lucas Nakamura"]
    assert found(as_staff, "lucas") == ["Lucas Nakamura"]


def test_a_very_long_word_is_cut_short_and_saves(population, as_staff):
    lucas = population["lucas"]
    lucas.position = "㌖" * 150  # folds to 900 katakana, one word
    lucas.save()

    entry = DirectoryEntry.objects.get(pk=lucas.pk)
    assert max(len(word) for word in entry.text_career.split()) == 200


def test_open_to_is_the_broadest_audience_of_every_searched_section(population):
    assert open_to([["public", "members"], ["public", "members", "member:1"]]) == "public"
    assert open_to([["public", "members"], ["members", "member:1"]]) == "members"
    assert open_to([["members"], ["member:1"]]) == ""

    stored = dict(DirectoryEntry.objects.values_list("member__user__username", "open_to"))
    assert stored["lucas"] == "public"
    # Somchai keeps his participation and career private.
    assert stored["somchai"] == ""


def candidates(query_string: str) -> tuple[list[int], str]:
    """The entries the index lets through for a query, and the plan that found them."""
    narrowed = token_index.candidates(DirectoryQuery.from_params(QueryDict(query_string)))
    statement = f"SELECT e.member_id FROM search_directoryentry e WHERE {narrowed.sql}"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A handful of rows would be scanned otherwise; the point is that it *can* use it.
            cursor.execute("SET LOCAL enable_seqscan = off")
        explain = "EXPLAIN QUERY PLAN" if connection.vendor == "sqlite" else "EXPLAIN"
        cursor.execute(f"{explain} {statement}", narrowed.params)
        plan = " ".join(str(row) for row in cursor.fetchall())
        cursor.execute(statement, narrowed.params)
        return sorted(row[0] for row in cursor.fetchall()), plan


def test_the_query_uses_the_index(population):
    matched, plan = candidates("q=nakamura univ")

    index = (
        "search_directorytext" if connection.vendor == "sqlite" else "search_directoryentry_words"
    )
    assert index in plan
    assert matched == [population["lucas"].pk]


def test_the_index_passes_entries_failing_at_most_one_filter(population):
    people = {member.pk: name for name, member in population.items()}

    # Programme A: An, Somchai, Li. Thailand: Somchai. Materials: An, Ananya, Somchai.
    two, _ = candidates("programme=A&country=TH")
    three, _ = candidates("programme=A&country=TH&field=materials-science")
    with_text, _ = candidates("q=tohoku&programme=A&country=TH&field=materials-science")

    assert {people[pk] for pk in two} == {"an", "somchai", "li"}
    assert {people[pk] for pk in three} == {"an", "somchai"}
    # Ananya's host is Tohoku too, but she fails two filters.
    assert {people[pk] for pk in with_text} == {"an", "somchai"}


def test_filters_the_index_cannot_express_only_widen_it(population):
    everyone = {member.pk for member in population.values()}

    # A year range is not in the index: with one other filter it cannot narrow at all.
    widened, _ = candidates("programme=A&year_from=2016")
    assert set(widened) == everyone
    # A value the index cannot spell is not used either (and finds nothing by itself).
    odd, _ = candidates("programme=A&country=T%20H")
    assert set(odd) == everyone


@pytest.mark.parametrize("text", ['"univ', "univ*", "(univ)", "-univ", "'univ':*"])
def test_index_syntax_in_search_words_is_just_text(population, as_staff, text):
    # Quotes, operators and stars are folded away before any index query is written.
    assert found(as_staff, text) == found(as_staff, "univ")
