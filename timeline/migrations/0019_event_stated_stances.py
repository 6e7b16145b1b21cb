"""Whether each event has an accepted statement of each stance, on the event's row and in its
indexes (``Event.stated_<stance>``), so that a stance filter reads the candidate events' index
entries instead of probing every candidate's statements (at 1,000,000 events, 28,697 probes of a
thread's four years took most of a filtered page's time).

Triggers keep them: a write to a statement rewrites its events' values, and a write of the values
themselves (every save of an event writes them) is replaced by what the statements say, so a stale
instance's save cannot undo them.
"""

import importlib

from django.db import migrations, models

import timeline.models

# SQLite's statistics for the new indexes, as the index on each event's thread and month was first given.
analyze = importlib.import_module("timeline.migrations.0017_event_status_thread_month_id").analyze

# The stances as this migration knows them (a stance added later comes with a migration of its own).
STANCES = ("allegation", "denial", "confirmation", "assessment")
COLUMNS = ", ".join(f"stated_{stance}" for stance in STANCES)


def stated(event_id: str) -> str:
    """Each stance's value for the event ``event_id``, from its accepted statements."""
    return ", ".join(
        "EXISTS (SELECT 1 FROM timeline_statement s WHERE s.event_id = "
        f"{event_id} AND s.review = 'accepted' AND s.stance = '{stance}')"
        for stance in STANCES
    )


def sqlite_keep(event_id: str) -> str:
    # Written only when they change: most statements repeat a stance their event already has.
    return (
        f"UPDATE timeline_event SET ({COLUMNS}) = ({stated(event_id)}) "
        f"WHERE id = {event_id} AND ({COLUMNS}) IS NOT ({stated(event_id)});"
    )


SQLITE_TRIGGERS = {
    "timeline_statement_stated_insert": "AFTER INSERT ON timeline_statement "
    f"WHEN new.review = 'accepted' BEGIN {sqlite_keep('new.event_id')} END",
    "timeline_statement_stated_update": "AFTER UPDATE OF event_id, review, stance ON timeline_statement "
    f"BEGIN {sqlite_keep('old.event_id')} {sqlite_keep('new.event_id')} END",
    "timeline_statement_stated_delete": "AFTER DELETE ON timeline_statement "
    f"WHEN old.review = 'accepted' BEGIN {sqlite_keep('old.event_id')} END",
    # A row's insert or a save of the values: what the statements say replaces what was written
    # (SQLite does not run a trigger again from within itself).
    "timeline_event_stated_insert": f"AFTER INSERT ON timeline_event BEGIN {sqlite_keep('new.id')} END",
    "timeline_event_stated_update": f"AFTER UPDATE OF {COLUMNS} ON timeline_event "
    f"BEGIN {sqlite_keep('new.id')} END",
}
SQLITE_RESTATE = f"UPDATE timeline_event SET ({COLUMNS}) = ({stated('timeline_event.id')})"

POSTGRES_CREATE = [
    # The values on a written row of events, whatever the write gave them.
    f"""
    CREATE FUNCTION timeline_event_stated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        SELECT {stated("NEW.id")} INTO {", ".join(f"NEW.stated_{stance}" for stance in STANCES)};
        RETURN NEW;
    END $$
    """,
    # An event's values after a write to one of its statements, written only when they change.
    f"""
    CREATE FUNCTION timeline_keep_event_stated(target bigint) RETURNS void LANGUAGE sql AS $$
        UPDATE timeline_event AS e SET ({COLUMNS}) = ROW({stated("e.id")})
        WHERE e.id = target AND ({COLUMNS}) IS DISTINCT FROM ({stated("e.id")});
    $$
    """,
    """
    CREATE FUNCTION timeline_event_stated_from_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.event_id IS NOT NULL THEN
            PERFORM timeline_keep_event_stated(OLD.event_id);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.event_id IS NOT NULL THEN
            PERFORM timeline_keep_event_stated(NEW.event_id);
        END IF;
        RETURN NULL;
    END $$
    """,
    # The values of the events from ``first`` on that have accepted statements, from the statements
    # grouped, in one statement: for events written in bulk, whose values are still the defaults.
    f"""
    CREATE FUNCTION timeline_restate_events(first bigint) RETURNS void LANGUAGE sql AS $$
        UPDATE timeline_event AS e SET ({COLUMNS}) = ROW({", ".join(f"k.{stance}" for stance in STANCES)})
        FROM (
            SELECT event_id, {", ".join(f"bool_or(stance = '{stance}') AS {stance}" for stance in STANCES)}
            FROM timeline_statement WHERE review = 'accepted' AND event_id >= first GROUP BY event_id
        ) AS k
        WHERE e.id = k.event_id;
    $$
    """,
    # The events there are, before the triggers that would work each one out again.
    "SELECT timeline_restate_events(0)",
    f"CREATE TRIGGER timeline_event_stated BEFORE INSERT OR UPDATE OF {COLUMNS} ON timeline_event "
    "FOR EACH ROW EXECUTE FUNCTION timeline_event_stated()",
    "CREATE TRIGGER timeline_statement_stated AFTER INSERT OR DELETE OR UPDATE OF event_id, review, stance "
    "ON timeline_statement FOR EACH ROW EXECUTE FUNCTION timeline_event_stated_from_statement()",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS timeline_statement_stated ON timeline_statement",
    "DROP TRIGGER IF EXISTS timeline_event_stated ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_restate_events(bigint)",
    "DROP FUNCTION IF EXISTS timeline_event_stated_from_statement()",
    "DROP FUNCTION IF EXISTS timeline_keep_event_stated(bigint)",
    "DROP FUNCTION IF EXISTS timeline_event_stated()",
]


def add_columns(apps, schema_editor):
    boolean = (
        "bool NOT NULL DEFAULT 0"
        if schema_editor.connection.vendor == "sqlite"
        else "boolean NOT NULL DEFAULT false"
    )
    for stance in STANCES:
        schema_editor.execute(f"ALTER TABLE timeline_event ADD COLUMN stated_{stance} {boolean}")


def drop_columns(apps, schema_editor):
    for stance in STANCES:
        schema_editor.execute(f"ALTER TABLE timeline_event DROP COLUMN stated_{stance}")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_RESTATE)
        for name, definition in SQLITE_TRIGGERS.items():
            schema_editor.execute(f"CREATE TRIGGER {name} {definition}")
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)


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
        ("timeline", "0018_search_lanes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="event_status_month",
        ),
        migrations.RemoveIndex(
            model_name="event",
            name="event_status_thread_month",
        ),
        # SQLite would rebuild the table for each column (dropping the search triggers on it); a
        # column with a constant default is one ALTER TABLE on either database.
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
            state_operations=[
                migrations.AddField(
                    model_name="event",
                    name="stated_allegation",
                    field=models.BooleanField(db_default=False, default=False, editable=False),
                ),
                migrations.AddField(
                    model_name="event",
                    name="stated_assessment",
                    field=models.BooleanField(db_default=False, default=False, editable=False),
                ),
                migrations.AddField(
                    model_name="event",
                    name="stated_confirmation",
                    field=models.BooleanField(db_default=False, default=False, editable=False),
                ),
                migrations.AddField(
                    model_name="event",
                    name="stated_denial",
                    field=models.BooleanField(db_default=False, default=False, editable=False),
                ),
            ],
        ),
        # The values before the indexes that hold them, so the first writes them once.
        migrations.RunPython(create, drop),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                models.F("status"),
                timeline.models.MonthNumber("date_start"),
                models.F("date_start"),
                models.F("stated_allegation"),
                models.F("stated_denial"),
                models.F("stated_confirmation"),
                models.F("stated_assessment"),
                name="event_status_month",
            ),
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
                models.F("stated_allegation"),
                models.F("stated_denial"),
                models.F("stated_confirmation"),
                models.F("stated_assessment"),
                name="event_status_thread_month",
            ),
        ),
        migrations.RunPython(analyze, migrations.RunPython.noop),
    ]
