"""The directory's text index, from now on created by search/directory/database/schema.py.

0003 made the same index with its own copy of the SQL; this step creates whatever
part of it is missing (every statement is idempotent), so re-running it repairs a
database that the system check search.E001 reports.
"""

from django.db import migrations

from search.directory.database import schema


class Migration(migrations.Migration):
    dependencies = [("search", "0003_directory_text_index")]

    operations = [migrations.RunPython(schema.create, migrations.RunPython.noop)]
