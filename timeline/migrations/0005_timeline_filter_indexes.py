"""Indexes for the timeline's filters: thread with dates, and a statement's stance per event."""

from django.db import migrations, models


def analyze(apps, schema_editor):
    # SQLite's planner only weighs the new indexes well once it has statistics for them.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ANALYZE timeline_event")
        schema_editor.execute("ANALYZE timeline_statement")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0004_full_text_search"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="statement",
            name="statement_event_review",
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["status", "thread", "date_start", "date_end"], name="event_status_thread_date"
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(fields=["event", "review", "stance"], name="statement_event_review_stance"),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
