"""The directory's text index, whose SQL lives in search/directory/database/schema.py.

On SQLite an FTS5 table and the triggers that keep it in step; on PostgreSQL what the
models cannot declare. Every statement is idempotent, so re-running it repairs a database
that the system check search.E001 reports.
"""

from django.db import migrations

from search.directory.database import schema


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(schema.create, migrations.RunPython.noop)]
