"""An index on the month of each event's date, for the chart of events per month."""

from django.db import migrations, models

import timeline.models


def analyze(apps, schema_editor):
    # SQLite's planner only weighs a new index well once it has statistics for it.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE timeline_event")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_timeline_filter_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.F("status"),
                timeline.models.MonthNumber("date_start"),
                models.F("date_start"),
                name="event_status_month",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
