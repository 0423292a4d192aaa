"""One rule for words in every script: the site search and the directory agree."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from club.members.privacy import ANONYMOUS
from club.members.sections import Visibility
from club.pages.models import StandardPage
from club.text import fold, written_without_spaces
from search.directory.contract import DirectoryQuery
from search.directory.database import DatabaseDirectory
from search.pages import search_pages
from tests.factories import MemberFactory

TITLE = "Иванова, शर्मा and 中村さくら at the alumni meeting"


@pytest.fixture
def written_twice(demo_site):
    """The same names on a public page and in a public directory profile."""
    page = StandardPage(title=TITLE, slug="names-in-three-scripts")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    MemberFactory(
        given_name="Иванова",
        family_name="शर्मा",
        native_name="中村さくら",
        visibility_profile=Visibility.PUBLIC,
    )
    return page


def _site_search_finds(query: str, page: StandardPage) -> bool:
    return page.pk in {found.pk for found in search_pages(query, page.locale)}


def _directory_finds(query: str) -> bool:
    query = DirectoryQuery.from_params(QueryDict(f"q={query}"))
    return DatabaseDirectory().search(query, ANONYMOUS).total == 1


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Иванова", True),  # Cyrillic: a whole word
        ("иванова", True),
        ("ванова", False),  # ... but not from inside a word: Cyrillic is written with spaces
        ("शर्मा", True),  # Devanagari: a whole word, vowel signs and all
        ("र्मा", False),  # ... and not from inside one
        ("中村さくら", True),  # Japanese has no spaces: found anywhere
        ("村さく", True),
        ("山田", False),
    ],
)
def test_site_search_and_directory_agree_on_every_script(written_twice, query, found):
    assert _site_search_finds(query, written_twice) is found
    assert _directory_finds(query) is found


def test_scripts_without_spaces_are_named_once():
    assert written_without_spaces("中村") and written_without_spaces("สวัสดี")
    assert not written_without_spaces("Иванова") and not written_without_spaces("शर्मा")


def test_vowel_signs_stay_inside_their_word():
    assert fold("अनन्या शर्मा") == "अननया शरमा"
    assert fold("Nguyễn Văn, An_2") == "nguyen van an 2"
