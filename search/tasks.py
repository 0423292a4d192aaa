"""Durable background work for the directory: pushing changes to Elasticsearch."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.directory.elastic import client_from_settings
from search.directory.elastic_index import sync_pending

logger = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(minutes=10)


@task(backend="durable")
def sync_directory(attempt: int = 1) -> int:
    """Push pending entries and removals; if the engine is down, try again later.

    Pending work lives in the database (DirectoryEntry.synced_at, DirectoryRemoval),
    not in this task, so a lost or failed task loses no update.
    """
    if not settings.ELASTICSEARCH_URL:
        return 0
    try:
        return sync_pending(client_from_settings(), settings.ELASTICSEARCH_INDEX)
    except (TransportError, ApiError) as error:
        base = settings.DIRECTORY_SYNC_RETRY_SECONDS
        delay = min(timedelta(seconds=base * 2 ** min(attempt, 10)), MAX_BACKOFF)
        logger.warning("Directory sync failed (%s); retrying in %s", error, delay)
        sync_directory.using(run_after=timezone.now() + delay).enqueue(attempt=attempt + 1)
        raise
