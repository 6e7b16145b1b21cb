"""Published events per thread and start month, kept by triggers (``LaneMonthCount``).

Every write to events recounts the months of the threads it touches, before and after the write,
from the (status, thread, date) index: a few dozen index entries each. PostgreSQL does it once per
statement, for the distinct months its rows touch (a bulk load recounts each month once), under a
lock per month so that two transactions writing the same month cannot leave a count that misses
the other's events. The counts of the events already stored are written here.
"""

from django.db import migrations, models
import django.db.models.deletion

# MonthNumber's SQL, and the first day of a date's month.
SQLITE_MONTH = "(CAST(substr({day}, 1, 4) AS integer) * 12 + CAST(substr({day}, 6, 2) AS integer) - 1)"
POSTGRES_MONTH = (
    "(CAST(EXTRACT(YEAR FROM {day}) AS integer) * 12 + CAST(EXTRACT(MONTH FROM {day}) AS integer) - 1)"
)

SQLITE_RECOUNT = """
    DELETE FROM timeline_lanemonthcount
    WHERE thread_id IS {row}.thread_id AND month = {month};
    INSERT INTO timeline_lanemonthcount (thread_id, month, events, last_end)
    SELECT {row}.thread_id, {month}, n, last_end FROM (
        SELECT count(*) AS n, max(date_end) AS last_end FROM timeline_event
        WHERE status = 'published' AND thread_id IS {row}.thread_id
            AND date_start >= date({row}.date_start, 'start of month')
            AND date_start < date({row}.date_start, 'start of month', '+1 month')
    ) WHERE n > 0;
"""


def sqlite_recount(row: str) -> str:
    return SQLITE_RECOUNT.format(row=row, month=SQLITE_MONTH.format(day=f"{row}.date_start"))


SQLITE_TRIGGERS = {
    "timeline_event_lane_month_insert": "AFTER INSERT ON timeline_event WHEN new.status = 'published' "
    f"BEGIN {sqlite_recount('new')} END",
    "timeline_event_lane_month_update": "AFTER UPDATE OF status, thread_id, date_start, date_end ON timeline_event "
    "WHEN old.status = 'published' OR new.status = 'published' "
    f"BEGIN {sqlite_recount('old')} {sqlite_recount('new')} END",
    "timeline_event_lane_month_delete": "AFTER DELETE ON timeline_event WHEN old.status = 'published' "
    f"BEGIN {sqlite_recount('old')} END",
}

POSTGRES_RECOUNT = f"""
CREATE FUNCTION timeline_recount_lane_month(lane bigint, first_day date) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    month_number integer := {POSTGRES_MONTH.format(day="first_day")};
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended(concat('timeline lane month ', lane, ' ', month_number), 0));
    DELETE FROM timeline_lanemonthcount
    WHERE thread_id IS NOT DISTINCT FROM lane AND month = month_number;
    -- Two statements, so that each reads the index by its thread (or its null thread).
    IF lane IS NULL THEN
        INSERT INTO timeline_lanemonthcount (thread_id, month, events, last_end)
        SELECT NULL, month_number, count(*), max(date_end) FROM timeline_event
        WHERE status = 'published' AND thread_id IS NULL
            AND date_start >= first_day AND date_start < (first_day + interval '1 month')::date
        HAVING count(*) > 0;
    ELSE
        INSERT INTO timeline_lanemonthcount (thread_id, month, events, last_end)
        SELECT lane, month_number, count(*), max(date_end) FROM timeline_event
        WHERE status = 'published' AND thread_id = lane
            AND date_start >= first_day AND date_start < (first_day + interval '1 month')::date
        HAVING count(*) > 0;
    END IF;
END $$
"""
# The months of a statement's published rows, before and after it, in a fixed order (so that two
# statements take their locks in the same order).
POSTGRES_FROM_EVENTS = """
CREATE FUNCTION timeline_lane_months_from_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        -- DELETE, not TRUNCATE: a TRUNCATE of both tables at once (as a test database's flush does)
        -- may not truncate the counts again from within its own statement.
        DELETE FROM timeline_lanemonthcount;
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM timeline_recount_lane_month(thread_id, first_day) FROM (
            SELECT DISTINCT thread_id, date_trunc('month', date_start)::date AS first_day
            FROM new_rows WHERE status = 'published' ORDER BY 1, 2
        ) AS touched;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM timeline_recount_lane_month(thread_id, first_day) FROM (
            SELECT DISTINCT thread_id, date_trunc('month', date_start)::date AS first_day
            FROM old_rows WHERE status = 'published' ORDER BY 1, 2
        ) AS touched;
    ELSE
        PERFORM timeline_recount_lane_month(thread_id, first_day) FROM (
            SELECT DISTINCT side.thread_id, date_trunc('month', side.date_start)::date AS first_day
            FROM old_rows o JOIN new_rows n ON n.id = o.id,
                LATERAL (VALUES (o.status, o.thread_id, o.date_start), (n.status, n.thread_id, n.date_start))
                    AS side (status, thread_id, date_start)
            WHERE side.status = 'published'
                AND (o.status, o.thread_id, o.date_start, o.date_end)
                    IS DISTINCT FROM (n.status, n.thread_id, n.date_start, n.date_end)
            ORDER BY 1, 2
        ) AS touched;
    END IF;
    RETURN NULL;
END $$
"""
POSTGRES_TRIGGERS = [
    "CREATE TRIGGER timeline_event_lane_months_insert AFTER INSERT ON timeline_event "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_lane_months_from_events()",
    "CREATE TRIGGER timeline_event_lane_months_update AFTER UPDATE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_lane_months_from_events()",
    "CREATE TRIGGER timeline_event_lane_months_delete AFTER DELETE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_lane_months_from_events()",
    "CREATE TRIGGER timeline_event_lane_months_truncate AFTER TRUNCATE ON timeline_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_lane_months_from_events()",
]
POSTGRES_DROP = [
    *(f"DROP TRIGGER IF EXISTS timeline_event_lane_months_{action} ON timeline_event"
      for action in ("insert", "update", "delete", "truncate")),
    "DROP FUNCTION IF EXISTS timeline_lane_months_from_events()",
    "DROP FUNCTION IF EXISTS timeline_recount_lane_month(bigint, date)",
]

BACKFILL = """
    INSERT INTO timeline_lanemonthcount (thread_id, month, events, last_end)
    SELECT thread_id, {month}, count(*), max(date_end) FROM timeline_event
    WHERE status = 'published' GROUP BY 1, 2
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for name, definition in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {definition}")
        schema_editor.execute(BACKFILL.format(month=SQLITE_MONTH.format(day="date_start")))
    elif vendor == "postgresql":
        for statement in [POSTGRES_RECOUNT, POSTGRES_FROM_EVENTS, *POSTGRES_TRIGGERS]:
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
        ("timeline", "0015_load_run_progress_at"),
    ]

    operations = [
        migrations.CreateModel(
            name="LaneMonthCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.IntegerField(help_text="The start month, as ``MonthNumber`` numbers it.")),
                ("events", models.PositiveIntegerField()),
                ("last_end", models.DateField()),
                (
                    "thread",
                    models.ForeignKey(
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="timeline.thread",
                    ),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("thread", "month"), name="lane_month_count_unique")],
            },
        ),
        migrations.RunPython(create, drop),
    ]
