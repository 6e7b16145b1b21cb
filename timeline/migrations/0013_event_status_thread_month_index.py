"""An index on each event's thread and month, for the overview axis's counts per lane and month."""

from django.db import migrations, models

import timeline.models


def analyze(apps, schema_editor):
    # SQLite's planner only weighs a new index well once it has statistics for it.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE timeline_event")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0012_citation_statement_anchor_status"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.F("status"),
                models.F("thread"),
                timeline.models.MonthNumber("date_start"),
                models.F("date_start"),
                models.F("date_end"),
                name="event_status_thread_month",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
