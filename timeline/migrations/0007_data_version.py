"""A data version that every write to the public pages' tables changes, kept by triggers.

Each write sets a new random value (an upsert, so the row comes back after a table is emptied):
a counter could return to a value already used for other data after a rollback or a flush.
"""

from django.db import migrations, models

TABLES = [
    "timeline_event",
    "timeline_event_actors",
    "timeline_statement",
    "timeline_citation",
    "timeline_source",
    "timeline_actor",
    "timeline_thread",
    "timeline_outlet",
]
SQLITE_NEW_VERSION = (
    "INSERT INTO timeline_dataversion (id, value) VALUES (1, random()) "
    "ON CONFLICT (id) DO UPDATE SET value = excluded.value"
)
POSTGRES_RANDOM = "(random() * 9.2e18 - 4.6e18)::bigint"
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION timeline_new_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO timeline_dataversion (id, value)
    VALUES (1, {POSTGRES_RANDOM})
    ON CONFLICT (id) DO UPDATE SET value = excluded.value;
    RETURN NULL;
END $$
"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_NEW_VERSION)
        for table in TABLES:
            for action in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER {table}_version_{action.lower()} AFTER {action} ON {table} "
                    f"BEGIN {SQLITE_NEW_VERSION}; END"
                )
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)
        schema_editor.execute(f"INSERT INTO timeline_dataversion (id, value) VALUES (1, {POSTGRES_RANDOM})")
        for table in TABLES:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION timeline_new_data_version()"
            )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for table in TABLES:
            for action in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version_{action}")
    elif vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_version ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS timeline_new_data_version()")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0006_event_status_month_index")]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
