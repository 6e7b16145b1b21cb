"""The search index's lanes: each published event's thread, start month and last day, beside its
search document, so that a search counts its matches per thread and month without reading the
events (tens of thousands of lookups among their rows or in an index on them cost twice as much).

SQLite keeps them in a table of their own (an FTS5 table's rows cannot hold them cheaply), keyed by
the event's id as its rowid, so that each match is one lookup; triggers rewrite an event's row on
every write to its status, thread or dates. PostgreSQL keeps them in the search table's own rows,
which a match reads anyway (the table is rebuilt with them before the document): the refresh of a
document writes them, and a trigger per statement rewrites them when a write changes them alone. The
documents lose their word positions, which the search never reads (SQLite's index stores none), so
that the table a search reads is a third smaller.
"""

import importlib

from django.db import migrations

search_documents = importlib.import_module("timeline.migrations.0008_event_search_document")
# MonthNumber's SQL, as the kept counts write it.
lane_months = importlib.import_module("timeline.migrations.0016_lane_month_counts")
SQLITE_MONTH, POSTGRES_MONTH = lane_months.SQLITE_MONTH, lane_months.POSTGRES_MONTH

SQLITE_LANE = f"""
    INSERT INTO timeline_event_search_lane (id, thread_id, month, date_end)
    SELECT new.id, new.thread_id, {SQLITE_MONTH.format(day="new.date_start")}, new.date_end
    WHERE new.status = 'published';
"""
SQLITE_CREATE = [
    "CREATE TABLE timeline_event_search_lane "
    "(id integer PRIMARY KEY, thread_id integer, month integer NOT NULL, date_end date NOT NULL)",
    f"CREATE TRIGGER timeline_event_search_lane_insert AFTER INSERT ON timeline_event BEGIN {SQLITE_LANE} END",
    "CREATE TRIGGER timeline_event_search_lane_update "
    "AFTER UPDATE OF id, status, thread_id, date_start, date_end ON timeline_event "
    f"BEGIN DELETE FROM timeline_event_search_lane WHERE id = old.id; {SQLITE_LANE} END",
    "CREATE TRIGGER timeline_event_search_lane_delete AFTER DELETE ON timeline_event "
    "BEGIN DELETE FROM timeline_event_search_lane WHERE id = old.id; END",
    "INSERT INTO timeline_event_search_lane (id, thread_id, month, date_end) "
    f"SELECT id, thread_id, {SQLITE_MONTH.format(day='date_start')}, date_end FROM timeline_event "
    "WHERE status = 'published'",
]
SQLITE_DROP = [
    *(
        f"DROP TRIGGER IF EXISTS timeline_event_search_lane_{action}"
        for action in ("insert", "update", "delete")
    ),
    "DROP TABLE IF EXISTS timeline_event_search_lane",
]

POSTGRES_LANE_VALUES = (
    f"e.status = 'published', e.thread_id, {POSTGRES_MONTH.format(day='e.date_start')}, e.date_end"
)
POSTGRES_CREATE = [
    # The table again, with the lanes before the document: a row's columns are read in order, and
    # those after a document of varying length cost more to reach.
    "CREATE TABLE timeline_event_search_new (event_id bigint PRIMARY KEY, published boolean NOT NULL, "
    "thread_id bigint, month integer NOT NULL, date_end date NOT NULL, document tsvector NOT NULL)",
    "INSERT INTO timeline_event_search_new (event_id, published, thread_id, month, date_end, document) "
    f"SELECT e.id, {POSTGRES_LANE_VALUES}, strip(s.document) "
    "FROM timeline_event_search AS s JOIN timeline_event AS e ON e.id = s.event_id",
    "DROP TABLE timeline_event_search",
    "ALTER TABLE timeline_event_search_new RENAME TO timeline_event_search",
    "ALTER INDEX timeline_event_search_new_pkey RENAME TO timeline_event_search_pkey",
    "CREATE INDEX timeline_event_search_document ON timeline_event_search USING GIN (document)",
    f"""
    CREATE OR REPLACE FUNCTION timeline_refresh_event_search(target bigint) RETURNS void LANGUAGE sql AS $$
        DELETE FROM timeline_event_search WHERE event_id = target;
        INSERT INTO timeline_event_search (event_id, published, thread_id, month, date_end, document)
        SELECT e.id, {POSTGRES_LANE_VALUES}, strip({search_documents.POSTGRES_DOCUMENT})
        FROM timeline_event e WHERE e.id = target;
    $$
    """,
    f"""
    CREATE FUNCTION timeline_event_search_lanes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE timeline_event_search AS s
        SET (published, thread_id, month, date_end) = ROW({POSTGRES_LANE_VALUES})
        FROM new_rows AS e
        WHERE s.event_id = e.id
            AND (s.published, s.thread_id, s.month, s.date_end) IS DISTINCT FROM ({POSTGRES_LANE_VALUES});
        RETURN NULL;
    END $$
    """,
    # A trigger with the rows it changed cannot name columns: it runs after every update, and writes
    # only the rows whose lane changed.
    "CREATE TRIGGER timeline_event_search_lanes AFTER UPDATE ON timeline_event "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_search_lanes()",
    # No ANALYZE: statistics of an empty table would have the planner scan it for each event's
    # document as a bulk load fills it, where the primary key finds the row at once.
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS timeline_event_search_lanes ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_event_search_lanes()",
    "ALTER TABLE timeline_event_search DROP COLUMN published, DROP COLUMN thread_id, "
    "DROP COLUMN month, DROP COLUMN date_end",
    # The refresh as migration 0008 wrote it, positions and all, for every document.
    f"""
    CREATE OR REPLACE FUNCTION timeline_refresh_event_search(target bigint) RETURNS void LANGUAGE sql AS $$
        DELETE FROM timeline_event_search WHERE event_id = target;
        INSERT INTO timeline_event_search (event_id, document)
        SELECT e.id, {search_documents.POSTGRES_DOCUMENT} FROM timeline_event e WHERE e.id = target;
    $$
    """,
    f"UPDATE timeline_event_search AS s SET document = {search_documents.POSTGRES_DOCUMENT} "
    "FROM timeline_event AS e WHERE s.event_id = e.id",
]


def run(statements: dict[str, list[str]]):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0017_event_status_thread_month_id"),
    ]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
