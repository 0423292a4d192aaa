"""Index-backed word search and a privacy summary for the database directory.

Each entry records the broad audience ("public" or "members") that every searched
section admits, so most rows settle privacy with one comparison; the facet tokens
column goes, as filters now read the facet value index.

SQLite gets an FTS5 table over the entry's four text columns, kept in step by
triggers; PostgreSQL gets a generated tsvector column of the words of the same text
(the words as they are, no parsing or stemming) with a GIN index. Both answer "a word starting with"
and only narrow the candidates: search.directory.database still checks every word
in the sections the viewer may see. The names and the indexed expression are the
ones search.directory.words queries.
"""

from django.db import migrations, models

COLUMNS = "text_name, text_profile, text_career, text_participation"
OLD = "old.member_id, old.text_name, old.text_profile, old.text_career, old.text_participation"
NEW = "new.member_id, new.text_name, new.text_profile, new.text_career, new.text_participation"

SQLITE = [
    "CREATE VIRTUAL TABLE search_directorytext USING fts5("
    f"{COLUMNS}, content='search_directoryentry', content_rowid='member_id', detail='none')",
    "CREATE TRIGGER search_directorytext_insert AFTER INSERT ON search_directoryentry BEGIN"
    f" INSERT INTO search_directorytext(rowid, {COLUMNS}) VALUES ({NEW}); END",
    "CREATE TRIGGER search_directorytext_delete AFTER DELETE ON search_directoryentry BEGIN"
    f" INSERT INTO search_directorytext(search_directorytext, rowid, {COLUMNS})"
    f" VALUES ('delete', {OLD}); END",
    # Only a change of the text itself touches the index (not the sync timestamps).
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
    # Stored, so neither a search nor a scan rebuilds it per row; Django never writes it.
    "ALTER TABLE search_directoryentry ADD COLUMN words tsvector GENERATED ALWAYS AS"
    " (array_to_tsvector(array_remove(string_to_array(text_name || ' ' || text_profile"
    " || ' ' || text_career || ' ' || text_participation, ' '), ''))) STORED",
    "CREATE INDEX search_directoryentry_words ON search_directoryentry USING gin (words)",
]
POSTGRESQL_DROP = [
    "DROP INDEX search_directoryentry_words",
    "ALTER TABLE search_directoryentry DROP COLUMN words",
]


SECTIONS = ("profile", "career", "participation", "revisits")


def fill_open_to(apps, schema_editor):
    """Existing rows: the same summary search.directory.entries computes for new ones."""
    cases, params = [], []
    for audience in ("public", "members"):
        cases.append(" AND ".join(["audience_tokens LIKE %s"] * len(SECTIONS)))
        params += [f"% {section}:{audience} %" for section in SECTIONS] + [audience]
    schema_editor.execute(
        "UPDATE search_directoryentry SET open_to = CASE"
        + "".join(f" WHEN {case} THEN %s" for case in cases)
        + " ELSE '' END",
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


class Migration(migrations.Migration):
    dependencies = [("search", "0002_directory_tokens")]

    operations = [
        migrations.RemoveField(model_name="directoryentry", name="facet_tokens"),
        migrations.AddField(
            model_name="directoryentry",
            name="open_to",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.RunPython(fill_open_to, migrations.RunPython.noop),
        # After the columns change: SQLite rebuilds the table for them, dropping triggers.
        migrations.RunPython(forwards, backwards),
    ]
