"""Withdrawing directory consent takes a member out of the directory at once, on both backends:
hits, counts and facet counts alike, before and after the search index catches up."""

from __future__ import annotations

from club.members.consent import record_consent
from club.members.models import ConsentSource, Purpose
from tests.search.directory.test_contract import counts, names, run


def sync_if_elasticsearch(directory) -> None:
    if directory.name == "elasticsearch":
        from search.directory.elastic_index import sync_pending

        sync_pending(directory.client, directory.alias)


def test_a_withdrawn_member_leaves_hits_and_facet_counts(
    directory, population, as_anonymous, as_staff
):
    before = run(directory, as_anonymous, "sort=name")
    assert "Somchai Jaidee" in names(before)
    assert counts(before, "country").get("Thailand") == 1

    record_consent(population["somchai"], Purpose.DIRECTORY, False, ConsentSource.SETTINGS)

    # At once: the search index has not been told yet, and the member is gone already.
    for moment in ("now", "after the index caught up"):
        if moment != "now":
            sync_if_elasticsearch(directory)
        after = run(directory, as_anonymous, "sort=name")
        assert "Somchai Jaidee" not in names(after), moment
        assert after.total == before.total - 1, moment
        assert "Thailand" not in counts(after, "country"), moment
        # Not even JST staff find them in the directory (the admin still lists them).
        assert "Somchai Jaidee" not in names(run(directory, as_staff, "q=somchai")), moment


def test_giving_consent_again_lists_the_member_again(directory, population, as_anonymous):
    record_consent(population["somchai"], Purpose.DIRECTORY, False, ConsentSource.SETTINGS)
    sync_if_elasticsearch(directory)
    record_consent(population["somchai"], Purpose.DIRECTORY, True, ConsentSource.SETTINGS)
    sync_if_elasticsearch(directory)

    assert "Somchai Jaidee" in names(run(directory, as_anonymous, "q=somchai"))
