"""The system check search.E001: a database without the directory's text index is refused."""

from __future__ import annotations

from django.core.checks import Tags, run_checks
from django.db import connection

from search.directory.database import schema


def errors() -> list[str]:
    return [e.id for e in run_checks(tags=[Tags.database], databases=["default"]) if e.is_serious()]


def test_a_migrated_database_passes(db):
    assert "search.E001" not in errors()


def _drop_one_part() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER {schema.TRIGGERS[2]}")
            return schema.TRIGGERS[2]
        cursor.execute(f"DROP INDEX {schema.WORDS_INDEX}")
        return schema.WORDS_INDEX


def test_a_missing_trigger_or_index_fails_the_check_by_name(db):
    dropped = _drop_one_part()  # in the test's transaction, rolled back afterwards

    checked = run_checks(tags=[Tags.database], databases=["default"])
    failing = [e for e in checked if e.id == "search.E001"]
    assert len(failing) == 1
    assert dropped in failing[0].msg


def test_the_migration_step_recreates_what_is_missing(db):
    _drop_one_part()

    schema.install(connection)

    assert schema.missing_parts(connection) == []
    assert "search.E001" not in errors()
