"""Name words for "Did you mean": a vocabulary table and, on PostgreSQL, an index of names.

The index's SQL lives in search/directory/database/schema.py (idempotent, as in 0002);
the vocabulary is filled from the entries already built.
"""

from django.db import migrations, models

from search.directory.database import schema


def fill_name_words(apps, schema_editor):
    entries = apps.get_model("search", "DirectoryEntry")
    name_words = apps.get_model("search", "DirectoryNameWord")
    words: set[str] = set()
    for text_name in entries.objects.values_list("text_name", flat=True).iterator(chunk_size=5000):
        words.update(text_name.split())
    name_words.objects.bulk_create(
        [name_words(word=word) for word in sorted(words)], batch_size=5000, ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_directory_text_index")]

    operations = [
        migrations.CreateModel(
            name="DirectoryNameWord",
            fields=[("word", models.CharField(max_length=200, primary_key=True, serialize=False))],
        ),
        migrations.RunPython(schema.create, migrations.RunPython.noop),
        migrations.RunPython(fill_name_words, migrations.RunPython.noop),
    ]
