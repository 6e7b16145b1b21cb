"""One search document per event: its title, summary and accepted statements' quotes.

Searching a single index of events, instead of the events' and the statements' indexes joined to
the statements, keeps a search for a common word from collecting hundreds of thousands of
statement rows. Triggers keep each event's document in step with the event and its statements.
SQLite holds the documents in an FTS5 table (positions are not stored: the search needs none;
prefixes of up to eight characters are indexed), PostgreSQL in a table with a GIN index. They
replace the indexes of migration 0004.
"""

import importlib

from django.db import migrations

# Each event's row of the search table: its title, summary and accepted quotes.
SQLITE_DOCUMENTS = """
    INSERT INTO timeline_event_search (rowid, title, summary, statements)
    SELECT e.id, e.title, e.summary, coalesce((
        SELECT group_concat(s.quote, ' ') FROM timeline_statement s
        WHERE s.event_id = e.id AND s.review = 'accepted'
    ), '')
    FROM timeline_event e
"""
SQLITE_REFRESH = f"""
    DELETE FROM timeline_event_search WHERE rowid = {{id}};
    {SQLITE_DOCUMENTS} WHERE e.id = {{id}};
"""
SQLITE_CREATE = [
    # Prefix indexes stream a prefix match instead of merging every matching word's postings
    # first, which for a common word costs tens of milliseconds.
    "CREATE VIRTUAL TABLE timeline_event_search USING fts5(title, summary, statements, "
    "detail=none, columnsize=0, prefix='1 2 3 4 5 6 7 8', tokenize='porter unicode61')",
    "CREATE TRIGGER timeline_event_search_insert AFTER INSERT ON timeline_event "
    f"BEGIN {SQLITE_REFRESH.format(id='new.id')} END",
    "CREATE TRIGGER timeline_event_search_update AFTER UPDATE OF title, summary ON timeline_event "
    f"BEGIN {SQLITE_REFRESH.format(id='new.id')} END",
    "CREATE TRIGGER timeline_event_search_delete AFTER DELETE ON timeline_event "
    "BEGIN DELETE FROM timeline_event_search WHERE rowid = old.id; END",
    "CREATE TRIGGER timeline_statement_search_insert AFTER INSERT ON timeline_statement "
    "WHEN new.event_id IS NOT NULL AND new.review = 'accepted' "
    f"BEGIN {SQLITE_REFRESH.format(id='new.event_id')} END",
    "CREATE TRIGGER timeline_statement_search_update AFTER UPDATE OF quote, review, event_id "
    "ON timeline_statement "
    f"BEGIN {SQLITE_REFRESH.format(id='old.event_id')} {SQLITE_REFRESH.format(id='new.event_id')} END",
    "CREATE TRIGGER timeline_statement_search_delete AFTER DELETE ON timeline_statement "
    f"WHEN old.event_id IS NOT NULL BEGIN {SQLITE_REFRESH.format(id='old.event_id')} END",
    SQLITE_DOCUMENTS,
]
SQLITE_TRIGGERS = [
    "timeline_event_search_insert",
    "timeline_event_search_update",
    "timeline_event_search_delete",
    "timeline_statement_search_insert",
    "timeline_statement_search_update",
    "timeline_statement_search_delete",
]

POSTGRES_DOCUMENT = """
    to_tsvector('english', e.title || ' ' || e.summary || ' ' || coalesce((
        SELECT string_agg(s.quote, ' ') FROM timeline_statement s
        WHERE s.event_id = e.id AND s.review = 'accepted'
    ), ''))
"""
POSTGRES_CREATE = [
    "CREATE TABLE timeline_event_search (event_id bigint PRIMARY KEY, document tsvector NOT NULL)",
    "CREATE INDEX timeline_event_search_document ON timeline_event_search USING GIN (document)",
    f"""
    CREATE FUNCTION timeline_refresh_event_search(target bigint) RETURNS void LANGUAGE sql AS $$
        DELETE FROM timeline_event_search WHERE event_id = target;
        INSERT INTO timeline_event_search (event_id, document)
        SELECT e.id, {POSTGRES_DOCUMENT} FROM timeline_event e WHERE e.id = target;
    $$
    """,
    """
    CREATE FUNCTION timeline_event_search_from_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'TRUNCATE' THEN
            TRUNCATE timeline_event_search;
        ELSIF TG_OP = 'DELETE' THEN
            DELETE FROM timeline_event_search WHERE event_id = OLD.id;
        ELSE
            PERFORM timeline_refresh_event_search(NEW.id);
        END IF;
        RETURN NULL;
    END $$
    """,
    """
    CREATE FUNCTION timeline_event_search_from_statement() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.event_id IS NOT NULL THEN
            PERFORM timeline_refresh_event_search(OLD.event_id);
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.event_id IS NOT NULL
                AND (TG_OP = 'UPDATE' OR NEW.review = 'accepted') THEN
            PERFORM timeline_refresh_event_search(NEW.event_id);
        END IF;
        RETURN NULL;
    END $$
    """,
    "CREATE TRIGGER timeline_event_search AFTER INSERT OR DELETE OR UPDATE OF title, summary "
    "ON timeline_event FOR EACH ROW EXECUTE FUNCTION timeline_event_search_from_event()",
    "CREATE TRIGGER timeline_event_search_truncate AFTER TRUNCATE ON timeline_event "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_search_from_event()",
    "CREATE TRIGGER timeline_statement_search AFTER INSERT OR DELETE OR UPDATE OF quote, review, event_id "
    "ON timeline_statement FOR EACH ROW EXECUTE FUNCTION timeline_event_search_from_statement()",
    f"INSERT INTO timeline_event_search (event_id, document) SELECT e.id, {POSTGRES_DOCUMENT} FROM timeline_event e",
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS timeline_statement_search ON timeline_statement",
    "DROP TRIGGER IF EXISTS timeline_event_search_truncate ON timeline_event",
    "DROP TRIGGER IF EXISTS timeline_event_search ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_event_search_from_statement()",
    "DROP FUNCTION IF EXISTS timeline_event_search_from_event()",
    "DROP FUNCTION IF EXISTS timeline_refresh_event_search(bigint)",
    "DROP TABLE IF EXISTS timeline_event_search",
]

# The indexes this replaces.
previous = importlib.import_module("timeline.migrations.0004_full_text_search")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in POSTGRES_CREATE:
            schema_editor.execute(statement)
    previous.drop(apps, schema_editor)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    previous.create(apps, schema_editor)
    if vendor == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        schema_editor.execute("DROP TABLE IF EXISTS timeline_event_search")
    elif vendor == "postgresql":
        for statement in POSTGRES_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0007_data_version")]

    operations = [migrations.RunPython(create, drop)]
