"""One contract, two backends: the same data gives the same hits and counts."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from search.directory.contract import DirectoryQuery, DirectoryResult


def run(directory, viewer, query_string: str = "") -> DirectoryResult:
    return directory.search(DirectoryQuery.from_params(QueryDict(query_string)), viewer)


def names(result: DirectoryResult) -> list[str]:
    return [hit.display_name for hit in result.hits]


def counts(result: DirectoryResult, facet: str) -> dict[str, int]:
    return {c.label: c.count for c in result.facets[facet]}


def test_anonymous_visitors_see_public_profiles_only(directory, population, as_anonymous):
    result = run(directory, as_anonymous, "sort=name")

    # By family name: Jaidee, Nakamura, Nguyễn, Sharma.
    assert names(result) == ["Somchai Jaidee", "Lucas Nakamura", "Nguyễn Văn An", "Ananya Sharma"]
    assert result.total == 4


def test_members_also_see_members_only_profiles(directory, population, as_bob):
    result = run(directory, as_bob, "sort=name")

    assert "José Rizal" in names(result)
    assert "Li Wei" not in names(result)  # only-me profile
    assert "Priya Iyer" not in names(result)  # India chapter only; Bob is in Thailand
    assert "Deleted Member" not in names(result)  # anonymised


def test_chapter_profiles_are_visible_to_chapter_mates(directory, population, as_carol):
    assert "Priya Iyer" in names(run(directory, as_carol, "sort=name"))


def test_staff_see_every_listed_profile(directory, population, as_staff):
    result = run(directory, as_staff, "sort=name")

    assert {"Li Wei", "Priya Iyer", "José Rizal"} <= set(names(result))
    assert "Deleted Member" not in names(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("nguyen", "Nguyễn Văn An"), ("Jose", "José Rizal"), ("NGUYỄN", "Nguyễn Văn An")],
)
def test_accents_and_case_are_folded(directory, population, as_bob, text, expected):
    assert names(run(directory, as_bob, f"q={text}")) == [expected]


@pytest.mark.parametrize("text", ["अनन्या", "สมชาย"])
def test_native_script_names_are_searchable(directory, population, as_anonymous, text):
    assert len(run(directory, as_anonymous, f"q={text}").hits) == 1


def test_private_profiles_never_match_even_by_native_name(directory, population, as_bob):
    assert run(directory, as_bob, "q=李伟").total == 0


def test_institution_alias_finds_the_member(directory, population, as_anonymous):
    result = run(directory, as_anonymous, "q=IIT Madras")

    assert names(result) == ["Ananya Sharma"]
    assert counts(result, "home_institution") == {"Indian Institute of Technology Madras": 1}


def test_text_in_hidden_sections_does_not_match(directory, population, as_bob, as_staff):
    # Somchai was hosted by Tohoku, but his participation is private.
    assert "Somchai Jaidee" not in names(run(directory, as_bob, "q=tohoku"))
    assert "Somchai Jaidee" in names(run(directory, as_staff, "q=tohoku"))
    assert "Somchai Jaidee" not in names(run(directory, as_bob, "q=nims"))


def test_facets_are_post_filtered(directory, population, as_anonymous):
    result = run(directory, as_anonymous, "country=VN")

    assert names(result) == ["Nguyễn Văn An"]
    # The other countries stay visible so the visitor can switch.
    assert counts(result, "country") == {"Vietnam": 1, "Thailand": 1, "Brazil": 1, "Japan": 1}
    assert [c.selected for c in result.facets["country"] if c.value == "VN"] == [True]
    # Other facets do follow the selection.
    assert counts(result, "programme") == {"Course A: science and technology experience": 1}


def test_facet_counts_respect_privacy(directory, population, as_bob, as_staff):
    tohoku_for_bob = counts(run(directory, as_bob), "host_institution")["Tohoku University"]
    tohoku_for_staff = counts(run(directory, as_staff), "host_institution")["Tohoku University"]

    assert tohoku_for_bob == 2  # An and Ananya; Somchai's participation is private
    assert tohoku_for_staff == 3


def test_filters_only_match_visible_sections(directory, population, as_bob, as_carol):
    # Ananya's re-visits are visible to her chapter (India) only.
    assert names(run(directory, as_bob, "revisited=yes")) == ["Nguyễn Văn An"]
    assert set(names(run(directory, as_carol, "revisited=yes"))) == {
        "Nguyễn Văn An",
        "Ananya Sharma",
    }


def test_year_range_and_programme_filters(directory, population, as_anonymous):
    by_year = run(directory, as_anonymous, "year_from=2017&year_to=2019")
    by_both = run(directory, as_anonymous, "year_from=2017&year_to=2019&programme=C")

    assert set(names(by_year)) == {"Ananya Sharma", "Lucas Nakamura"}
    # Post-filter: the year facet ignores the year range itself (2017 is Somchai's, private).
    assert counts(by_year, "year") == {"2016": 1, "2019": 2}
    assert names(by_both) == ["Ananya Sharma"]
    assert counts(by_both, "year") == {"2019": 1}


def test_revisit_kind_facet(directory, population, as_staff):
    result = run(directory, as_staff, "revisit_kind=researcher")

    assert names(result) == ["Ananya Sharma"]
    assert counts(result, "revisit_kind") == {
        "Degree student (master's or doctoral)": 1,
        "Researcher or postdoc": 1,
    }


def test_hits_hide_fields_of_hidden_sections(directory, population, as_bob, as_staff):
    somchai_for_bob = next(h for h in run(directory, as_bob, "q=somchai").hits)
    somchai_for_staff = next(h for h in run(directory, as_staff, "q=somchai").hits)

    assert somchai_for_bob.position is None
    assert somchai_for_bob.programme is None
    assert somchai_for_staff.position == "Postdoc"
    assert somchai_for_staff.programme == "A"


def test_highlights_mark_the_matched_text(directory, population, as_bob):
    hit = run(directory, as_bob, "q=nguyen").hits[0]

    assert "<mark>Nguyễn</mark>" in hit.highlights["display_name"]


def test_sort_by_most_recent_programme(directory, population, as_anonymous):
    result = run(directory, as_anonymous, "sort=recent")

    assert names(result)[:2] == ["Ananya Sharma", "Lucas Nakamura"]


def test_counts_are_exact_and_field_labels_translated(directory, population, as_anonymous):
    from django.utils import translation

    with translation.override("ja"):
        result = run(directory, as_anonymous)

    assert result.total == 4
    assert counts(result, "field") == {"材料科学": 3}
    assert "ベトナム" in counts(result, "country")


def test_words_match_from_the_start_of_a_word(directory, population, as_anonymous):
    # As the index's edge n-grams do: "univ" is the start of "University", "niversity" is
    # the middle of it and matches nothing.
    assert set(names(run(directory, as_anonymous, "q=univ"))) == {
        "Nguyễn Văn An",
        "Ananya Sharma",
        "Lucas Nakamura",
    }
    assert names(run(directory, as_anonymous, "q=institu")) == ["Ananya Sharma"]
    assert run(directory, as_anonymous, "q=stitute").total == 0


def test_three_filters_count_each_facet_without_its_own(directory, population, as_staff):
    result = run(directory, as_staff, "programme=A&country=TH&field=materials-science")

    assert names(result) == ["Somchai Jaidee"]
    # Each facet ignores only its own filter; Li (China, no field) fails two and counts nowhere.
    assert counts(result, "country") == {"Vietnam": 1, "Thailand": 1}
    assert counts(result, "programme") == {"Course A: science and technology experience": 1}
    assert counts(result, "field") == {"Materials science": 1}


def test_many_words_are_a_clear_error_or_a_plain_search(directory, population, as_anonymous):
    # Sixteen words is the most a query takes; each one is one more condition.
    words = " ".join(
        ["a", "ø", "b", "ü", "c", "é", "d", "ñ", "e", "å", "f", "ç", "g", "ß", "h", "þ"]
    )
    assert run(directory, as_anonymous, f"q={words}").total == 0


def test_highlights_mark_word_starts_only(directory, population, as_anonymous):
    hit = run(directory, as_anonymous, "q=nak").hits[0]

    assert hit.highlights["display_name"] == "Lucas <mark>Nak</mark>amura"
