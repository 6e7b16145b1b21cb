"""PostgreSQL: the search documents in a table of their own, and the search table narrowed to each
event's lane, so that a search counting its matches per thread and month reads narrow rows.

A search counting its matches read a row of the search table for each, and with the documents in
those rows that was most of what it read: at 100,000 events 9,097 pages for the 29,045 matches of
"rail bridge", at 1,000,000 events 728 MB. PostgreSQL keeps a document under 2 KB in its row whatever
the storage settings, so the documents move to ``timeline_event_document``, and the matches to count
are found by a GIN index on the narrow rows, over the function that reads each row's document. The
ids of matches come from the documents' own GIN index as before, and a search narrowed by other
filters reads its few candidates' documents by their keys.

The function reads a table, which an index expression may only do where the index cannot go stale:
an index entry is computed when its row is written, so every write of a document writes its row
in the search table again (``timeline_refresh_event_search`` writes the document first). A write of
the lanes alone leaves the document, and its index entry, as they were. Rebuilding the index reads
the documents as they are.
"""

import importlib

from django.db import migrations

search_documents = importlib.import_module("timeline.migrations.0008_event_search_document")
search_lanes = importlib.import_module("timeline.migrations.0018_search_lanes")
LANE_VALUES = search_lanes.POSTGRES_LANE_VALUES

# The table named with its schema: an index is rebuilt where no search path is set (a restore), and
# a function setting its own path costs a third more on each call.
DOCUMENT_FUNCTION = """
    CREATE FUNCTION timeline_search_document(target bigint) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT document FROM {schema}.timeline_event_document WHERE event_id = target
    $$
"""
REFRESH = f"""
    CREATE OR REPLACE FUNCTION timeline_refresh_event_search(target bigint) RETURNS void LANGUAGE sql AS $$
        DELETE FROM timeline_event_document WHERE event_id = target;
        INSERT INTO timeline_event_document (event_id, document)
        SELECT e.id, strip({search_documents.POSTGRES_DOCUMENT}) FROM timeline_event e WHERE e.id = target;
        -- The row again, after its document: its index entry is computed from the document as written.
        DELETE FROM timeline_event_search WHERE event_id = target;
        INSERT INTO timeline_event_search (event_id, published, thread_id, month, date_end)
        SELECT e.id, {LANE_VALUES} FROM timeline_event e WHERE e.id = target;
    $$
"""
FROM_EVENT = """
    CREATE OR REPLACE FUNCTION timeline_event_search_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            TRUNCATE timeline_event_search, timeline_event_document;
        ELSIF TG_OP = 'DELETE' THEN
            DELETE FROM timeline_event_search WHERE event_id = OLD.id;
            DELETE FROM timeline_event_document WHERE event_id = OLD.id;
        ELSE
            PERFORM timeline_refresh_event_search(NEW.id);
        END IF;
        RETURN NULL;
    END $$
"""

POSTGRES_CREATE = [
    "CREATE TABLE timeline_event_document (event_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    "INSERT INTO timeline_event_document (event_id, document) SELECT event_id, document FROM timeline_event_search",
    "CREATE TABLE timeline_event_search_new (event_id bigint PRIMARY KEY, published boolean NOT NULL, "
    "thread_id bigint, month integer NOT NULL, date_end date NOT NULL)",
    "INSERT INTO timeline_event_search_new (event_id, published, thread_id, month, date_end) "
    "SELECT event_id, published, thread_id, month, date_end FROM timeline_event_search",
    "DROP TABLE timeline_event_search",
    "ALTER TABLE timeline_event_search_new RENAME TO timeline_event_search",
    "ALTER INDEX timeline_event_search_new_pkey RENAME TO timeline_event_search_pkey",
    DOCUMENT_FUNCTION,
    "CREATE INDEX timeline_event_search_document ON timeline_event_search "
    "USING GIN (timeline_search_document(event_id))",
    # And on the documents themselves, for the ids of a search's matches: checking a few candidate
    # events' documents one by one costs a third of what calling the function for each does.
    "CREATE INDEX timeline_event_document_document ON timeline_event_document USING GIN (document)",
    REFRESH,
    FROM_EVENT,
    # No ANALYZE (as in migration 0018): with the statistics of an empty table, the index's function
    # would scan the documents for each row a bulk load writes.
]

POSTGRES_DROP = [
    "CREATE TABLE timeline_event_search_new (event_id bigint PRIMARY KEY, published boolean NOT NULL, "
    "thread_id bigint, month integer NOT NULL, date_end date NOT NULL, document tsvector NOT NULL)",
    "INSERT INTO timeline_event_search_new (event_id, published, thread_id, month, date_end, document) "
    "SELECT s.event_id, s.published, s.thread_id, s.month, s.date_end, d.document "
    "FROM timeline_event_search AS s JOIN timeline_event_document AS d ON d.event_id = s.event_id",
    "DROP TABLE timeline_event_search",
    "DROP TABLE timeline_event_document",
    "DROP FUNCTION timeline_search_document(bigint)",
    "ALTER TABLE timeline_event_search_new RENAME TO timeline_event_search",
    "ALTER INDEX timeline_event_search_new_pkey RENAME TO timeline_event_search_pkey",
    "CREATE INDEX timeline_event_search_document ON timeline_event_search USING GIN (document)",
    # The functions as migrations 0018 and 0008 left them.
    *(sql for sql in search_lanes.POSTGRES_CREATE if "timeline_refresh_event_search" in sql),
    *(
        sql.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
        for sql in search_documents.POSTGRES_CREATE
        if sql.lstrip().startswith("CREATE FUNCTION timeline_event_search_from_event()")
    ),
]


def run(statements: list[str]):
    def operation(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT current_schema()")
                schema = connection.ops.quote_name(cursor.fetchone()[0])
            for statement in statements:
                schema_editor.execute(statement.replace("{schema}", schema))

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0019_event_stated_stances"),
    ]

    operations = [
        migrations.RunPython(run(POSTGRES_CREATE), run(POSTGRES_DROP)),
    ]
