"""The events' ids in the index on each event's thread and month, so that PostgreSQL counts a
search's matches per thread and month from the index alone instead of reading every event's row."""

from django.db import migrations, models

import timeline.models


def analyze(apps, schema_editor):
    # SQLite's planner only weighs a new index well once it has statistics for it.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE timeline_event")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0016_lane_month_counts"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="event_status_thread_month",
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.F("status"),
                models.F("thread"),
                timeline.models.MonthNumber("date_start"),
                models.F("date_start"),
                models.F("date_end"),
                models.F("id"),
                name="event_status_thread_month",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
