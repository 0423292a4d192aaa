"""The database directory's own full-text index, and a privacy summary.

SQLite gets an FTS5 table over the entry's four text columns and its facet tokens,
kept in step by triggers; PostgreSQL gets a generated tsvector column of the same
words and tokens as they are (no parsing, no stemming) with a GIN index. Facet tokens
now start with "=" (" =country:IN =programme:A "), which no word does. The names are
the ones search.directory.token_index queries.

Each entry also records the broad audience ("public" or "members") that every
searched section admits, so most rows settle privacy with one comparison.
"""

from django.db import migrations, models

COLUMNS = "text_name, text_profile, text_career, text_participation, facet_tokens"
OLD = ", ".join(["old.member_id"] + [f"old.{c}" for c in COLUMNS.split(", ")])
NEW = ", ".join(["new.member_id"] + [f"new.{c}" for c in COLUMNS.split(", ")])

SQLITE = [
    # "=", ":", "-" and "_" belong to facet tokens; folded text never contains them.
    "CREATE VIRTUAL TABLE search_directorytext USING fts5("
    f"{COLUMNS}, content='search_directoryentry', content_rowid='member_id',"
    " tokenize=\"unicode61 tokenchars '=:-_'\", detail='none')",
    "CREATE TRIGGER search_directorytext_insert AFTER INSERT ON search_directoryentry BEGIN"
    f" INSERT INTO search_directorytext(rowid, {COLUMNS}) VALUES ({NEW}); END",
    "CREATE TRIGGER search_directorytext_delete AFTER DELETE ON search_directoryentry BEGIN"
    f" INSERT INTO search_directorytext(search_directorytext, rowid, {COLUMNS})"
    f" VALUES ('delete', {OLD}); END",
    # Only a change of what is indexed touches the index (not the sync timestamps).
    f"CREATE TRIGGER search_directorytext_update AFTER UPDATE OF {COLUMNS}"
    " ON search_directoryentry BEGIN"
    f" INSERT INTO search_directorytext(search_directorytext, rowid, {COLUMNS})"
    f" VALUES ('delete', {OLD});"
    f" INSERT INTO search_directorytext(rowid, {COLUMNS}) VALUES ({NEW}); END",
    "INSERT INTO search_directorytext(search_directorytext) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER search_directorytext_insert",
    "DROP TRIGGER search_directorytext_delete",
    "DROP TRIGGER search_directorytext_update",
    "DROP TABLE search_directorytext",
]
POSTGRESQL = [
    # Stored, so no search rebuilds it per row; Django never writes it.
    "ALTER TABLE search_directoryentry ADD COLUMN words tsvector GENERATED ALWAYS AS"
    " (array_to_tsvector(array_remove(string_to_array(text_name || ' ' || text_profile"
    " || ' ' || text_career || ' ' || text_participation || ' ' || facet_tokens, ' '), '')))"
    " STORED",
    "CREATE INDEX search_directoryentry_words ON search_directoryentry USING gin (words)",
]
POSTGRESQL_DROP = [
    "DROP INDEX search_directoryentry_words",
    "ALTER TABLE search_directoryentry DROP COLUMN words",
]
SECTIONS = ("profile", "career", "participation", "revisits")


def fill_new_columns(apps, schema_editor):
    """Existing rows: what search.directory.entries now writes for new ones."""
    cases, params = [], []
    for audience in ("public", "members"):
        cases.append(" AND ".join(["audience_tokens LIKE %s"] * len(SECTIONS)))
        params += [f"% {section}:{audience} %" for section in SECTIONS] + [audience]
    schema_editor.execute(
        "UPDATE search_directoryentry SET open_to = CASE"
        + "".join(f" WHEN {case} THEN %s" for case in cases)
        + " ELSE '' END,"
        # " country:IN programme:A " becomes " =country:IN =programme:A ".
        " facet_tokens = RTRIM(REPLACE(facet_tokens, ' ', ' ='), '=')",
        params,
    )


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(vendor, []):
        schema_editor.execute(statement)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in {"sqlite": SQLITE_DROP, "postgresql": POSTGRESQL_DROP}.get(vendor, []):
        schema_editor.execute(statement)


def unfill_facet_tokens(apps, schema_editor):
    schema_editor.execute(
        "UPDATE search_directoryentry SET facet_tokens = REPLACE(facet_tokens, ' =', ' ')"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_directory_tokens")]

    operations = [
        migrations.AddField(
            model_name="directoryentry",
            name="open_to",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.RunPython(fill_new_columns, unfill_facet_tokens),
        # After the column change: SQLite rebuilds the table for it, dropping triggers.
        migrations.RunPython(forwards, backwards),
    ]
