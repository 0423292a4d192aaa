"""Did you mean …? (database backend): names the viewer may see, and only if it finds someone."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from club.members.models import NameOrder
from search.directory.contract import DirectoryQuery, DirectoryResult
from search.directory.database import DatabaseDirectory
from search.models import DirectoryNameWord
from tests.factories import MemberFactory


def run(viewer, query_string: str) -> DirectoryResult:
    query = DirectoryQuery.from_params(QueryDict(query_string))
    return DatabaseDirectory().search(query, viewer)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Sharna", "Sharma"),
        ("Nakamira", "Nakamura"),
        ("lucas nakamira", "lucas Nakamura"),
        ("Nguyen Vn An", "Nguyen Văn An"),
    ],
)
def test_a_misspelt_name_suggests_the_closest_visible_name(
    population, as_anonymous, text, suggestion
):
    result = run(as_anonymous, f"q={text}")

    assert result.total == 0
    assert result.suggestion == suggestion
    assert run(as_anonymous, f"q={suggestion}").total >= 1


def test_a_search_that_finds_someone_suggests_nothing(population, as_anonymous):
    result = run(as_anonymous, "q=Sharma")

    assert result.total == 1
    assert result.suggestion == ""


def test_unrelated_words_suggest_nothing(population, as_anonymous):
    assert run(as_anonymous, "q=xylophone").suggestion == ""


def test_a_hidden_name_is_never_suggested(population, as_anonymous, as_bob, as_carol, as_staff):
    # José Rizal shows his profile to members, Priya Iyer to her India chapter, Wei Li to nobody.
    assert run(as_anonymous, "q=Rizall").suggestion == ""
    assert run(as_bob, "q=Rizall").suggestion == "Rizal"
    assert run(as_anonymous, "q=Iyar").suggestion != "Iyer"
    assert run(as_bob, "q=Iyar").suggestion != "Iyer"
    assert run(as_carol, "q=Iyar").suggestion == "Iyer"
    assert "Wei" not in run(as_bob, "q=Weii").suggestion
    assert run(as_staff, "q=Weii").suggestion == "Wei"


def test_the_suggestion_must_find_someone_with_the_same_filters(population, as_anonymous):
    # Ananya Sharma lives in Japan: with Thailand chosen, "Sharma" would find nobody either.
    assert run(as_anonymous, "q=Sharna&country=TH").suggestion == ""
    assert run(as_anonymous, "q=Sharna&country=JP").suggestion == "Sharma"


def test_the_reported_misspellings_find_their_names(population, as_anonymous):
    everything_public = {f"visibility_{s}": "public" for s in ("profile", "career")}
    MemberFactory(given_name="Riya", family_name="Banerjee", country="IN", **everything_public)
    MemberFactory(
        given_name="Duc Minh",
        family_name="Nguyen",
        native_name="Nguyễn Đức Minh",
        name_order=NameOrder.FAMILY_FIRST,
        country="JP",
        **everything_public,
    )

    assert run(as_anonymous, "q=Banarjee").suggestion == "Banerjee"
    # "Đ" folds to no ASCII letter: the name as written in Latin letters wins the tie.
    assert run(as_anonymous, "q=Nguyen Dc Minh").suggestion == "Nguyen Duc Minh"


def test_of_equally_close_names_the_commonest_visible_one_is_suggested(population, as_anonymous):
    public = {"visibility_profile": "public"}
    MemberFactory(given_name="Ravi", family_name="Kumer", country="IN", **public)
    for given in ("Arjun", "Meena"):
        MemberFactory(given_name=given, family_name="Kumar", country="IN", **public)
    # Hidden names do not count: two more Kumers nobody may see leave Kumar the commoner.
    for given in ("Anil", "Sunil"):
        MemberFactory(given_name=given, family_name="Kumer", country="IN")

    assert run(as_anonymous, "q=Kumor").suggestion == "Kumar"


def test_a_name_no_longer_in_the_directory_is_not_suggested(population, as_anonymous):
    public = {"visibility_profile": "public"}
    gone = MemberFactory(given_name="Oyunchimeg", family_name="Bat", country="MN", **public)
    assert run(as_anonymous, "q=Oyunchimek").suggestion == "Oyunchimeg"

    gone.delete()  # its name word stays in the vocabulary of names

    assert DirectoryNameWord.objects.filter(word="oyunchimeg").exists()
    assert run(as_anonymous, "q=Oyunchimek").suggestion == ""
