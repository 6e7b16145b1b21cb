"""Each published event's thread, start month and last day (``EventLane``), kept by triggers.

SQLite rewrites an event's row on every write that touches its status, thread or dates. PostgreSQL
does it once per statement from the statement's old and new rows (a bulk load inserts its lanes in
one go). The lanes of the events already stored are written here.
"""

import django.db.models.deletion
from django.db import migrations, models

# MonthNumber's SQL.
SQLITE_MONTH = "(CAST(substr({day}, 1, 4) AS integer) * 12 + CAST(substr({day}, 6, 2) AS integer) - 1)"
POSTGRES_MONTH = (
    "(CAST(EXTRACT(YEAR FROM {day}) AS integer) * 12 + CAST(EXTRACT(MONTH FROM {day}) AS integer) - 1)"
)

SQLITE_INSERT = f"""
    INSERT INTO timeline_eventlane (id, thread_id, month, date_end)
    SELECT new.id, new.thread_id, {SQLITE_MONTH.format(day="new.date_start")}, new.date_end
    WHERE new.status = 'published';
"""
SQLITE_TRIGGERS = {
    "timeline_event_lane_insert": f"AFTER INSERT ON timeline_event BEGIN {SQLITE_INSERT} END",
    "timeline_event_lane_update": "AFTER UPDATE OF id, status, thread_id, date_start, date_end ON timeline_event "
    f"BEGIN DELETE FROM timeline_eventlane WHERE id = old.id; {SQLITE_INSERT} END",
    "timeline_event_lane_delete": "AFTER DELETE ON timeline_event "
    "BEGIN DELETE FROM timeline_eventlane WHERE id = old.id; END",
}

POSTGRES_INSERT = f"""
        INSERT INTO timeline_eventlane (id, thread_id, month, date_end)
        SELECT id, thread_id, {POSTGRES_MONTH.format(day="date_start")}, date_end
        FROM new_rows WHERE status = 'published';
"""
POSTGRES_FROM_EVENTS = f"""
CREATE FUNCTION timeline_event_lanes_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- DELETE, not TRUNCATE, as for the kept counts (migration 0016).
        DELETE FROM timeline_eventlane;
    ELSIF TG_OP = 'INSERT' THEN
        {POSTGRES_INSERT}
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM timeline_eventlane WHERE id IN (SELECT id FROM old_rows);
    ELSE
        DELETE FROM timeline_eventlane WHERE id IN (SELECT id FROM old_rows);
        {POSTGRES_INSERT}
    END IF;
    RETURN NULL;
END $$
"""
POSTGRES_TRIGGERS = [
    "CREATE TRIGGER timeline_event_lanes_insert AFTER INSERT ON timeline_event "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_lanes_from_events()",
    "CREATE TRIGGER timeline_event_lanes_update AFTER UPDATE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_lanes_from_events()",
    "CREATE TRIGGER timeline_event_lanes_delete AFTER DELETE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_lanes_from_events()",
    "CREATE TRIGGER timeline_event_lanes_truncate AFTER TRUNCATE ON timeline_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_lanes_from_events()",
]
POSTGRES_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS timeline_event_lanes_{action} ON timeline_event"
        for action in ("insert", "update", "delete", "truncate")
    ),
    "DROP FUNCTION IF EXISTS timeline_event_lanes_from_events()",
]

BACKFILL = """
    INSERT INTO timeline_eventlane (id, thread_id, month, date_end)
    SELECT id, thread_id, {month}, date_end FROM timeline_event WHERE status = 'published'
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, definition in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {definition}")
        schema_editor.execute(BACKFILL.format(month=SQLITE_MONTH.format(day="date_start")))
    elif vendor == "postgresql":
        for statement in [POSTGRES_FROM_EVENTS, *POSTGRES_TRIGGERS]:
            schema_editor.execute(statement)
        schema_editor.execute(BACKFILL.format(month=POSTGRES_MONTH.format(day="date_start")))


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        for statement in POSTGRES_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0017_event_status_thread_month_id"),
    ]

    operations = [
        migrations.CreateModel(
            name="EventLane",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.IntegerField(help_text="The start month, as ``MonthNumber`` numbers it.")),
                ("date_end", models.DateField()),
                (
                    "thread",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="timeline.thread",
                    ),
                ),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
