"""Where a source's language came from (given, metadata, detected).

On SQLite, adding a NOT NULL column rebuilds the table, which drops its triggers: the data version
triggers of migration 0007 on timeline_source are created again.
"""

import importlib

from django.db import migrations, models

data_version = importlib.import_module("timeline.migrations.0007_data_version")
LANGUAGE_SOURCES = [
    ("given", "Given by the curator"),
    ("metadata", "Document metadata"),
    ("detected", "Detected from the text"),
]


def restore_source_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for action in ("INSERT", "UPDATE", "DELETE"):
        schema_editor.execute(
            f"CREATE TRIGGER IF NOT EXISTS timeline_source_version_{action.lower()} AFTER {action} "
            f"ON timeline_source BEGIN {data_version.SQLITE_NEW_VERSION}; END"
        )


def language_field():
    return models.CharField(
        default="en", help_text="The language the text is written in, as a code (ko, uk, en).", max_length=16
    )


def language_source_field():
    return models.CharField(
        choices=LANGUAGE_SOURCES, default="given", max_length=10, verbose_name="language from"
    )


class Migration(migrations.Migration):
    dependencies = [("timeline", "0008_event_search_document")]

    operations = [
        migrations.AddField(model_name="historicalsource", name="language_source", field=language_source_field()),
        migrations.AddField(model_name="source", name="language_source", field=language_source_field()),
        migrations.AlterField(model_name="historicalsource", name="language", field=language_field()),
        migrations.AlterField(model_name="source", name="language", field=language_field()),
        migrations.RunPython(restore_source_triggers, migrations.RunPython.noop),
    ]
