"""Full-text search: FTS5 tables kept in step by triggers on SQLite, GIN indexes on PostgreSQL."""

from django.db import migrations

SQLITE_TABLES = {
    # table: (indexed columns, source table)
    "timeline_event_fts": ("title, summary", "timeline_event"),
    "timeline_statement_fts": ("quote", "timeline_statement"),
}
POSTGRES_INDEXES = [
    "CREATE INDEX IF NOT EXISTS event_text_search ON timeline_event "
    "USING GIN (to_tsvector('english', title || ' ' || summary))",
    "CREATE INDEX IF NOT EXISTS statement_text_search ON timeline_statement "
    "USING GIN (to_tsvector('english', quote))",
]


def sqlite_statements(fts: str, columns: str, table: str) -> list[str]:
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content='{table}', content_rowid='id', "
        "tokenize='porter unicode61')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {columns}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {columns}) VALUES (new.id, {new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for fts, (columns, table) in SQLITE_TABLES.items():
            for statement in sqlite_statements(fts, columns, table):
                schema_editor.execute(statement)
    elif vendor == "postgresql":
        for statement in POSTGRES_INDEXES:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for fts in SQLITE_TABLES:
            for action in ("insert", "delete", "update"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {fts}_{action}")
            schema_editor.execute(f"DROP TABLE IF EXISTS {fts}")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS event_text_search")
        schema_editor.execute("DROP INDEX IF EXISTS statement_text_search")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0003_merged_event_is_draft")]

    operations = [migrations.RunPython(create, drop)]
