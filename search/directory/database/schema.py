"""The database directory's text index: its SQL, kept beside the queries that read it.

SQLite gets an FTS5 table over the entry's four text columns and its facet tokens,
kept in step by triggers; PostgreSQL gets a stored generated tsvector column of the
same words and tokens as they are (no parsing, no stemming) with a GIN index.

Why raw SQL and not a GeneratedField with a GinIndex on DirectoryEntry: the model is
shared by both databases, and Django declares a field or an index for every vendor at
once. The tsvector expression itself is expressible (array_to_tsvector and
string_to_array are immutable, so no regconfig is needed), but SQLite has no such
function and no GIN, and an FTS5 table with triggers cannot be declared at all. A
vendor-switched expression and index would only hide this file's SQL inside Django
internals, and every SQLite table rebuild of the entry table would still drop the
triggers. So the statements live here, the migrations run them, and a system check
(search.directory.database.checks) says so when any part is missing.
"""

# Every statement is built from the constant names below; nothing comes from outside.
# ruff: noqa: S608
from __future__ import annotations

from typing import Any

TABLE = "search_directoryentry"
FTS_TABLE = "search_directorytext"
TRIGGERS = tuple(f"{FTS_TABLE}_{event}" for event in ("insert", "delete", "update"))
WORDS_COLUMN = "words"
WORDS_INDEX = "search_directoryentry_words"
# The name words alone, for "Did you mean" (search.directory.database.suggestions):
# whether a word starts or is a name is then one index look-up, not a read of every
# entry having the word anywhere.
NAME_WORDS_COLUMN = "name_words"
NAME_WORDS_INDEX = "search_directoryentry_name_words"

_COLUMNS = "text_name, text_profile, text_career, text_participation, facet_tokens"
_OLD = ", ".join(["old.member_id"] + [f"old.{c}" for c in _COLUMNS.split(", ")])
_NEW = ", ".join(["new.member_id"] + [f"new.{c}" for c in _COLUMNS.split(", ")])

SQLITE = [
    # "=", ":", "-" and "_" belong to facet tokens; folded text never contains them.
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"{_COLUMNS}, content='{TABLE}', content_rowid='member_id',"
    " tokenize=\"unicode61 tokenchars '=:-_'\", detail='none')",
    f"CREATE TRIGGER IF NOT EXISTS {TRIGGERS[0]} AFTER INSERT ON {TABLE} BEGIN"
    f" INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES ({_NEW}); END",
    f"CREATE TRIGGER IF NOT EXISTS {TRIGGERS[1]} AFTER DELETE ON {TABLE} BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', {_OLD}); END",
    # Only a change of what is indexed touches the index (not the sync timestamps).
    f"CREATE TRIGGER IF NOT EXISTS {TRIGGERS[2]} AFTER UPDATE OF {_COLUMNS} ON {TABLE} BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, {_COLUMNS}) VALUES ('delete', {_OLD});"
    f" INSERT INTO {FTS_TABLE}(rowid, {_COLUMNS}) VALUES ({_NEW}); END",
    # Whatever was missing, the index is made to match the entries again.
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
POSTGRESQL = [
    # Stored, so no search rebuilds it per row; Django never writes it.
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {WORDS_COLUMN} tsvector GENERATED ALWAYS AS"
    " (array_to_tsvector(array_remove(string_to_array(text_name || ' ' || text_profile"
    " || ' ' || text_career || ' ' || text_participation || ' ' || facet_tokens, ' '), '')))"
    " STORED",
    f"CREATE INDEX IF NOT EXISTS {WORDS_INDEX} ON {TABLE} USING gin ({WORDS_COLUMN})",
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {NAME_WORDS_COLUMN} tsvector GENERATED ALWAYS"
    " AS (array_to_tsvector(array_remove(string_to_array(text_name, ' '), ''))) STORED",
    f"CREATE INDEX IF NOT EXISTS {NAME_WORDS_INDEX} ON {TABLE} USING gin ({NAME_WORDS_COLUMN})",
]
STATEMENTS = {"sqlite": SQLITE, "postgresql": POSTGRESQL}
INDEXED_VENDORS = tuple(STATEMENTS)


def install(connection: Any) -> None:
    """Create whatever part of the text index is missing (idempotent)."""
    with connection.cursor() as cursor:
        for statement in STATEMENTS.get(connection.vendor, []):
            cursor.execute(statement)


def create(apps: Any, schema_editor: Any) -> None:
    """The migration step: install the text index on the migrated database."""
    install(schema_editor.connection)


def missing_parts(connection: Any) -> list[str]:
    """The names of the parts of the text index that the database lacks."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE name IN (%s, %s, %s, %s)",
                [FTS_TABLE, *TRIGGERS],
            )
            wanted = [FTS_TABLE, *TRIGGERS]
        elif connection.vendor == "postgresql":
            columns, indexes = [WORDS_COLUMN, NAME_WORDS_COLUMN], [WORDS_INDEX, NAME_WORDS_INDEX]
            cursor.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = %s"
                " AND column_name = ANY(%s)"
                " UNION ALL SELECT indexname FROM pg_indexes"
                " WHERE schemaname = current_schema() AND tablename = %s AND indexname = ANY(%s)",
                [TABLE, columns, TABLE, indexes],
            )
            wanted = [*columns, *indexes]
        else:
            return []
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in wanted if name not in present]
