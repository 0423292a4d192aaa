"""Elasticsearch specifics: analysis, index management and durable, failure-proof updates."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.http import QueryDict
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from elasticsearch import Elasticsearch

from club.members.models import Member
from search.directory import search_directory
from search.directory.contract import DirectoryQuery
from search.directory.elastic import ElasticsearchDirectory
from search.directory.elastic_index import pending, rebuild
from search.models import DirectoryEntry
from tests.search_server import SearchServer, external_url


def names(result) -> list[str]:
    return [hit.display_name for hit in result.hits]


def query(text: str) -> DirectoryQuery:
    return DirectoryQuery.from_params(QueryDict(text))


def test_typos_are_tolerated(elasticsearch_directory, as_anonymous):
    assert names(elasticsearch_directory.search(query("q=Nakamira"), as_anonymous)) == [
        "Lucas Nakamura"
    ]


def test_prefixes_match_while_typing(elasticsearch_directory, as_anonymous):
    assert names(elasticsearch_directory.search(query("q=naka"), as_anonymous)) == [
        "Lucas Nakamura"
    ]


def test_rebuild_swaps_the_alias_and_drops_the_old_index(elasticsearch_directory):
    client, alias = elasticsearch_directory.client, elasticsearch_directory.alias
    before = set(client.indices.get_alias(name=alias))

    new_index = rebuild(client, alias, chunk_size=2)

    assert set(client.indices.get_alias(name=alias)) == {new_index}
    assert not before & {new_index}
    assert not any(client.indices.exists(index=old) for old in before)
    assert client.count(index=alias)["count"] == DirectoryEntry.objects.count()


def test_directory_index_command(search_server_url, population, settings):
    settings.ELASTICSEARCH_URL = search_server_url
    settings.ELASTICSEARCH_INDEX = "test-command-directory"
    out = StringIO()

    call_command("directory_index", "rebuild", "--chunk-size", "3", stdout=out)
    call_command("directory_index", "status", stdout=out)

    text = out.getvalue()
    assert "now points at test-command-directory-" in text
    assert f"Documents indexed: {Member.objects.count():,}" in text
    assert "Changes waiting to be pushed: 0" in text
    client = Elasticsearch(search_server_url)
    for index in client.indices.get_alias(name="test-command-directory"):
        client.indices.delete(index=index)


def test_directory_index_command_fails_loudly_when_the_engine_is_down(population, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with pytest.raises(CommandError, match="Nothing is lost"):
        call_command("directory_index", "update", stdout=StringIO())


@pytest.mark.skipif(bool(external_url()), reason="stops and restarts its own test server")
# Transactional: the real task worker takes an exclusive lock, as it does in production.
@pytest.mark.django_db(transaction=True)
def test_no_update_is_lost_when_the_engine_goes_down(
    tmp_path, population, settings, django_capture_on_commit_callbacks, as_staff
):
    server = SearchServer(tmp_path / "noida").start()
    try:
        settings.ELASTICSEARCH_URL = server.url
        settings.ELASTICSEARCH_INDEX = "failover-directory"
        settings.DIRECTORY_SYNC_RETRY_SECONDS = 60
        client = Elasticsearch(server.url, request_timeout=5, max_retries=0)
        rebuild(client, "failover-directory")
        members = list(Member.objects.order_by("pk")[:4])

        server.stop()  # the engine dies mid-run
        with django_capture_on_commit_callbacks(execute=True):
            for member in members[:3]:
                member.given_name = f"Renamed{member.pk}"
                member.save()  # saves still succeed
            removed_pk = members[3].pk
            members[3].delete()

        # The directory keeps working, from the database, and says so.
        fallback = search_directory(query("q=renamed"), as_staff)
        assert fallback.backend == "database"
        assert fallback.notice
        assert fallback.total == 3
        # The queued sync fails while the engine is down and schedules a retry.
        call_command(
            "db_worker",
            "--batch",
            "--backend",
            "durable",
            "--no-startup-delay",
            "--queue-name",
            "*",
            stdout=StringIO(),
            stderr=StringIO(),
        )
        assert pending().count() >= 3

        server.start()  # back, with the same data directory
        # Time passes: the scheduled retry falls due.
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        call_command(
            "db_worker",
            "--batch",
            "--backend",
            "durable",
            "--no-startup-delay",
            "--queue-name",
            "*",
            stdout=StringIO(),
            stderr=StringIO(),
        )

        assert pending().count() == 0
        engine = ElasticsearchDirectory(client, "failover-directory")
        result = engine.search(query("q=renamed&sort=name"), as_staff)
        assert result.backend == "elasticsearch"
        assert sorted(h.member_id for h in result.hits) == sorted(m.pk for m in members[:3])
        assert not client.exists(index="failover-directory", id=str(removed_pk))
        indexed = {
            int(doc["_id"]): doc["_source"]["display_name"]
            for doc in client.search(index="failover-directory", size=100)["hits"]["hits"]
        }
        in_database = dict(DirectoryEntry.objects.values_list("pk", "display_name"))
        assert indexed == in_database  # zero lost updates
    finally:
        server.stop()


def test_hiding_oneself_takes_effect_on_the_next_search_before_any_sync(
    elasticsearch_directory, as_anonymous
):
    """No worker has run: the index still says An is public. Neither hits nor counts show her."""
    an = Member.objects.get(given_name="An")
    before = elasticsearch_directory.search(query("q=nguyen"), as_anonymous)
    assert an.pk in [hit.member_id for hit in before.hits]
    vietnam = {c.value: c.count for c in before.facets["country"]}.get("VN", 0)

    an.visibility_profile = "private"
    an.save()  # the database's entry changes at once; the index copy waits for the worker
    assert pending().filter(pk=an.pk).exists()

    after = elasticsearch_directory.search(query("q=nguyen"), as_anonymous)
    assert an.pk not in [hit.member_id for hit in after.hits]
    assert {c.value: c.count for c in after.facets["country"]}.get("VN", 0) == vietnam - 1
    everyone = elasticsearch_directory.search(query(""), as_anonymous)
    assert an.pk not in [hit.member_id for hit in everyone.hits]


def test_shown_fields_come_from_the_database_not_the_index_copy(
    elasticsearch_directory, as_anonymous
):
    from search.models import DirectoryEntry

    an = Member.objects.get(given_name="An")
    # Pretend the copy is current (as after a sync), then hide the career in the database
    # only, as a change racing the query would.
    DirectoryEntry.objects.filter(pk=an.pk).update(synced_at=timezone.now())
    entry = DirectoryEntry.objects.get(pk=an.pk)
    entry.audiences = {**entry.audiences, "career": ["member:0"]}
    entry.save(update_fields=["audiences"])

    hit = next(
        h
        for h in elasticsearch_directory.search(query("q=nguyen"), as_anonymous).hits
        if h.member_id == an.pk
    )
    assert hit.organisation is None and hit.position is None
