"""Managing the directory index: versioned rebuilds behind an alias, and durable sync."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from django.db.models import F, Q
from django.utils import timezone
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Index

from search.directory.elastic_mapping import INDEX_SETTINGS, MemberDocument, document_source
from search.models import DirectoryEntry, DirectoryFacetValue, DirectoryRemoval

Progress = Callable[[int, int], None]


def _new_index(client: Elasticsearch, alias: str) -> str:
    name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    index = Index(name, using=client)
    index.settings(**INDEX_SETTINGS)
    index.document(MemberDocument)
    index.create()
    return name


def _actions(index: str, entries: list[DirectoryEntry]) -> Iterator[dict[str, Any]]:
    values: dict[int, list[tuple[str, str]]] = {}
    rows = DirectoryFacetValue.objects.filter(entry__in=[e.pk for e in entries])
    for entry_id, facet, value in rows.values_list("entry_id", "facet", "value"):
        values.setdefault(entry_id, []).append((facet, value))
    for entry in entries:
        yield {
            "_index": index,
            "_id": str(entry.pk),
            "_source": document_source(entry, values.get(entry.pk, [])),
        }


def _push(client: Elasticsearch, index: str, entries: list[DirectoryEntry]) -> None:
    helpers.bulk(client, _actions(index, entries), chunk_size=len(entries) or 1, refresh=False)


def rebuild(
    client: Elasticsearch, alias: str, chunk_size: int = 500, progress: Progress | None = None
) -> str:
    """Index every entry into a new versioned index, then swap the alias atomically."""
    started = timezone.now()
    name = _new_index(client, alias)
    total = DirectoryEntry.objects.count()
    done = 0
    queryset = DirectoryEntry.objects.order_by("pk")
    last_pk = 0
    while chunk := list(queryset.filter(pk__gt=last_pk)[:chunk_size]):
        _push(client, name, chunk)
        last_pk = chunk[-1].pk
        done += len(chunk)
        if progress:
            progress(done, total)
    client.indices.refresh(index=name)
    old = (
        list(client.indices.get_alias(name=alias).keys())
        if client.indices.exists_alias(name=alias)
        else []
    )
    actions = [{"remove": {"index": o, "alias": alias}} for o in old]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for o in old:
        client.indices.delete(index=o)
    # Entries built before the rebuild started and unchanged since are now in the index.
    DirectoryEntry.objects.filter(built_at__lte=started).update(synced_at=started)
    DirectoryRemoval.objects.filter(queued_at__lte=started).delete()
    return name


# Past this many members awaiting a sync (a bulk import with no worker running), leaving
# them out of an Elasticsearch query is no longer sensible: the database answers instead.
MAX_STALE_IN_QUERY = 1000


def stale_member_ids() -> list[int] | None:
    """Members whose index copy is behind the database (changed or deleted, not yet synced);
    None when there are too many to leave out of a query."""
    changed = list(pending().values_list("pk", flat=True)[: MAX_STALE_IN_QUERY + 1])
    removed = list(
        DirectoryRemoval.objects.values_list("member_id", flat=True)[: MAX_STALE_IN_QUERY + 1]
    )
    stale = changed + removed
    return None if len(stale) > MAX_STALE_IN_QUERY else stale


def pending() -> Any:
    return DirectoryEntry.objects.filter(Q(synced_at__isnull=True) | Q(synced_at__lt=F("built_at")))


def sync_pending(client: Elasticsearch, alias: str, chunk_size: int = 500) -> int:
    """Push changed entries and deletions; each is marked done only once the engine has it."""
    done = 0
    while chunk := list(pending().order_by("pk")[:chunk_size]):
        _push(client, alias, chunk)
        for entry in chunk:
            # Only if not rebuilt meanwhile: a newer version stays pending.
            DirectoryEntry.objects.filter(pk=entry.pk, built_at=entry.built_at).update(
                synced_at=entry.built_at
            )
        done += len(chunk)
    for removal in DirectoryRemoval.objects.all():
        with contextlib.suppress(NotFoundError):  # already gone is fine
            client.delete(index=alias, id=str(removal.member_id))
        removal.delete()
        done += 1
    if done:
        client.indices.refresh(index=alias)
    return done


def status(client: Elasticsearch, alias: str) -> dict[str, Any]:
    """Where the alias points, and how far the index is behind the database."""
    info: dict[str, Any] = {
        "alias": alias,
        "entries": DirectoryEntry.objects.count(),
        "pending": pending().count() + DirectoryRemoval.objects.count(),
    }
    try:
        info["indices"] = sorted(client.indices.get_alias(name=alias).keys())
        info["documents"] = client.count(index=alias)["count"]
    except NotFoundError:
        info["indices"], info["documents"] = [], 0
    return info
