"""A system check: the database directory's text index and its triggers must exist."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Error, Tags, register
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder

from search.directory.database import schema

# From this migration on, the text index exists (before it, migrate is still to come).
INDEX_MIGRATION = ("search", "0003_directory_name_words")


@register(Tags.database)
def text_index_present(
    app_configs: Sequence[AppConfig] | None = None,
    databases: Sequence[str] | None = None,
    **kwargs: Any,
) -> list[CheckMessage]:
    """search.E001 when a migrated database lacks part of the directory's text index."""
    errors: list[CheckMessage] = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor not in schema.INDEXED_VENDORS:
            continue
        recorder = MigrationRecorder(connection)
        if not recorder.has_table() or INDEX_MIGRATION not in recorder.applied_migrations():
            continue
        missing = schema.missing_parts(connection)
        if missing:
            errors.append(
                Error(
                    f"The directory's text index is incomplete in database {alias!r}:"
                    f" {', '.join(missing)} missing, so directory searches fail or miss changes.",
                    # migrate runs this check too, so the repair has to skip it.
                    hint="Recreate it: manage.py migrate --skip-checks search 0001 && manage.py"
                    " migrate --skip-checks search (search/directory/database/schema.py).",
                    id="search.E001",
                )
            )
    return errors
