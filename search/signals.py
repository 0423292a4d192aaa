"""Keep directory entries in step with the member tables.

Entries are rebuilt in the same transaction as the change (they are ordinary
rows, so the database directory never lags); pushing them on to Elasticsearch is
queued after commit and never happens inside the request.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from club.members.models import (
    CareerEntry,
    ChapterMembership,
    Institution,
    InstitutionAlias,
    Member,
    Participation,
    Revisit,
    TaggedField,
)
from search.directory.entries import refresh_entries
from search.models import DirectoryRemoval

logger = logging.getLogger(__name__)


def _member_ids(instance: Any) -> list[int]:
    if isinstance(instance, Member):
        return [instance.pk]
    if isinstance(instance, Institution | InstitutionAlias):
        institution_id = getattr(instance, "institution_id", None) or instance.pk
        return list(
            Participation.objects.filter(
                Q(host_institution_id=institution_id) | Q(sending_institution_id=institution_id)
            )
            .values_list("member_id", flat=True)
            .distinct()
        )
    member_id = getattr(instance, "member_id", None) or getattr(instance, "object_id", None)
    return [member_id] if member_id else []


# Members being deleted right now: their cascaded rows must not rebuild an entry.
_deleting: set[int] = set()


def refresh_for(sender: type, instance: Any, **kwargs: Any) -> None:
    if kwargs.get("raw") or not kwargs.get("action", "post_").startswith("post_"):
        return  # loaddata, or the "pre" half of a many-to-many change
    ids = [pk for pk in _member_ids(instance) if pk not in _deleting]
    if ids:
        refresh_entries(ids)
        queue_sync()


def member_deleting(sender: type, instance: Member, **kwargs: Any) -> None:
    _deleting.add(instance.pk)


def member_deleted(sender: type, instance: Member, **kwargs: Any) -> None:
    _deleting.discard(instance.pk)
    DirectoryRemoval.objects.get_or_create(member_id=instance.pk)
    queue_sync()


def queue_sync() -> None:
    """Ask the worker to push changed entries to Elasticsearch, once this transaction commits."""
    if settings.ELASTICSEARCH_URL:
        from search.tasks import sync_directory

        transaction.on_commit(lambda: _enqueue(sync_directory))


def _enqueue(task: Any) -> None:
    try:
        task.enqueue()
    except Exception:
        # The entry is marked unsynced in the database; `directory_index update` or the
        # next queued sync picks it up, so nothing is lost if the queue is unavailable.
        logger.exception("Could not queue a directory sync")


def roster_imported(sender: type, member_ids: Any = (), **kwargs: Any) -> None:
    """The importer writes in bulk (no model signals): rebuild what it touched."""
    refresh_entries(member_ids)
    queue_sync()


def connect() -> None:
    for model in (Member, Participation, Revisit, CareerEntry, ChapterMembership, TaggedField):
        post_save.connect(
            refresh_for, sender=model, dispatch_uid=f"directory-save-{model.__name__}"
        )
        if model is not Member:
            post_delete.connect(
                refresh_for, sender=model, dispatch_uid=f"directory-delete-{model.__name__}"
            )
    for model in (Institution, InstitutionAlias):
        post_save.connect(
            refresh_for, sender=model, dispatch_uid=f"directory-save-{model.__name__}"
        )
    pre_delete.connect(member_deleting, sender=Member, dispatch_uid="directory-member-deleting")
    post_delete.connect(member_deleted, sender=Member, dispatch_uid="directory-member-deleted")
    m2m_changed.connect(refresh_for, sender=Member.fields.through, dispatch_uid="directory-tags")
    from club.members.roster import roster_imported as imported

    imported.connect(roster_imported, dispatch_uid="directory-roster")
