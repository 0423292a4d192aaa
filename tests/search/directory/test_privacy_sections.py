"""Which section holds an attribute is said once (club.members.privacy.PROFILE_FIELDS).

Moving an attribute there is followed by every path: the directory's hits, words,
filters and counts on both backends, the CSV export, the public profile page and the
privacy settings' help. The test moves the country of residence from the profile
(public here) to the career section (private here) by patching that one dict.
"""

from __future__ import annotations

import pytest
from django.http import QueryDict
from django.urls import reverse

from club.members.exports import member_row
from club.members.forms.profile import PrivacyForm
from club.members.privacy import ANONYMOUS
from club.members.sections import PROFILE_FIELDS, ProfileField, Section, Visibility
from search.directory.contract import DirectoryQuery, DirectoryResult
from search.directory.entries import refresh_all
from tests.factories import MemberFactory


@pytest.fixture
def rosa(population):
    """A member in Peru (nobody else is) with a public profile and a private career."""
    return MemberFactory(
        given_name="Rosa",
        family_name="Quispe",
        country="PE",
        nationality="",
        visibility_profile=Visibility.PUBLIC,
        visibility_career=Visibility.PRIVATE,
    )


def _search(directory, query_string: str = "") -> DirectoryResult:
    return directory.search(DirectoryQuery.from_params(QueryDict(query_string)), ANONYMOUS)


def _rebuild(directory) -> None:
    """What a deploy that moves an attribute runs (manage.py directory_index rebuild)."""
    refresh_all()
    if directory.name == "elasticsearch":
        from search.directory.elastic_index import sync_pending

        sync_pending(directory.client, directory.alias)


@pytest.mark.parametrize("moved", [False, True], ids=["in-profile", "moved-to-career"])
def test_every_path_follows_an_attribute_moved_to_another_section(
    client, directory, rosa, monkeypatch, moved
):
    if moved:
        monkeypatch.setitem(PROFILE_FIELDS, "country", ProfileField(Section.CAREER))
    _rebuild(directory)
    shown = not moved

    everyone = _search(directory, "q=rosa")
    assert [hit.country for hit in everyone.hits] == (["PE"] if shown else [None])
    counts = {count.value: count.count for count in _search(directory).facets["country"]}
    assert counts.get("PE", 0) == (1 if shown else 0)
    assert _search(directory, "country=PE").total == (1 if shown else 0)
    assert _search(directory, "q=peru").total == (1 if shown else 0)

    row = member_row(rosa, ANONYMOUS)
    assert row["country_of_residence"] == ("PE" if shown else "")

    page = client.get(reverse("members:member-detail", args=[rosa.pk])).content.decode()
    assert "Rosa" in page
    assert ("Lives in Peru" in page) is shown

    career_help = str(PrivacyForm.base_fields["visibility_career"].help_text).casefold()
    assert ("country of residence" in career_help) is moved
