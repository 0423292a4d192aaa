"""The alumni directory: one contract (contract.py), two backends chosen by settings."""

from __future__ import annotations

import logging
from dataclasses import replace

from django.conf import settings
from django.utils.translation import gettext as _
from elastic_transport import TransportError
from elasticsearch import ApiError

from club.members.privacy import Viewer
from search.directory.contract import Directory, DirectoryQuery, DirectoryResult
from search.directory.database import DatabaseDirectory
from search.directory.elastic import ElasticsearchDirectory, IndexLagging

logger = logging.getLogger(__name__)


def get_directory() -> Directory:
    """Elasticsearch when ELASTICSEARCH_URL is set, else the database backend."""
    if settings.ELASTICSEARCH_URL:
        return ElasticsearchDirectory.from_settings()
    return DatabaseDirectory()


def search_directory(query: DirectoryQuery, viewer: Viewer) -> DirectoryResult:
    """Search with the configured backend, falling back to the database if the engine fails."""
    directory = get_directory()
    try:
        return directory.search(query, viewer)
    except IndexLagging:
        # Exact and private, only slower: no notice needed.
        logger.info("Search index far behind the database; this search uses the database")
        return DatabaseDirectory().search(query, viewer)
    except (TransportError, ApiError):
        if directory.name == "database":
            raise
        logger.warning("Search engine unavailable; the directory falls back to the database")
    result = DatabaseDirectory().search(query, viewer)
    notice = _(
        "The search engine is unavailable right now, so these results come from a simpler"
        " database search. Until it is back, only names spelt close to a real one are suggested."
    )
    return replace(result, notice=notice)
