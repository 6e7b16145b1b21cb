"""Whether each citation and statement was found again when its source's text changed.

On SQLite, Django adds a NOT NULL column by rebuilding the table, which would drop the data-version
and search triggers of migrations 0007 and 0008; a plain ALTER TABLE keeps them.
"""

from django.db import migrations, models

TABLES = ["citation", "historicalcitation", "statement", "historicalstatement"]


def anchor_field():
    return models.CharField(
        blank=True,
        choices=[
            ("", "As stored"),
            ("exact", "Found again exactly"),
            ("fuzzy", "Found again approximately"),
            ("lost", "Not located in its source's text: check it"),
        ],
        default="",
        max_length=8,
        verbose_name="anchoring",
    )


def add_columns(apps, schema_editor):
    for name in TABLES:
        model = apps.get_model("timeline", name)
        if schema_editor.connection.vendor == "sqlite":
            table = schema_editor.quote_name(model._meta.db_table)
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN \"anchor_status\" varchar(8) NOT NULL DEFAULT ''"
            )
        else:
            field = anchor_field()
            field.set_attributes_from_name("anchor_status")
            schema_editor.add_field(model, field)


def drop_columns(apps, schema_editor):
    for name in TABLES:
        model = apps.get_model("timeline", name)
        table = schema_editor.quote_name(model._meta.db_table)
        schema_editor.execute(f'ALTER TABLE {table} DROP COLUMN "anchor_status"')


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0011_statement_unique_passage"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name=name, name="anchor_status", field=anchor_field())
                for name in TABLES
            ],
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
        )
    ]
