"""The directory's subscribers to member changes (club.members.changes).

Entries are rebuilt in the same transaction as the change (they are ordinary rows, so
the database directory never lags); pushing them on to Elasticsearch goes through the
durable task queue after commit and never happens inside the request.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction

from club.members.changes import MembersChanged
from search.directory.entries import refresh_entries
from search.models import DirectoryRemoval
from search.tasks import sync_directory

logger = logging.getLogger(__name__)


def refresh_directory_entries(change: MembersChanged) -> None:
    """Rebuild the members' directory entries (deleted members lose theirs)."""
    refresh_entries(change.member_ids)


def queue_directory_sync(change: MembersChanged) -> None:
    """Note deleted members for removal from Elasticsearch, and queue a sync after commit."""
    if change.deleted:
        for member_id in change.member_ids:
            DirectoryRemoval.objects.get_or_create(member_id=member_id)
    if settings.ELASTICSEARCH_URL:
        transaction.on_commit(lambda: _enqueue(sync_directory))


def _enqueue(task: Any) -> None:
    try:
        task.enqueue()
    except Exception:
        # The entry is marked unsynced in the database; `directory_index update` or the
        # next queued sync picks it up, so nothing is lost if the queue is unavailable.
        logger.exception("Could not queue a directory sync")
