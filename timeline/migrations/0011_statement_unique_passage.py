"""One statement per quoted passage of a source (source, start, end).

Databases loaded before may hold two statements on one passage: a reload queued the passage again
beside the curated one. Before the constraint is added, each such group keeps one statement, the
reviewed one first (then the oldest): the other pending ones, the loader's unreviewed copies, are
deleted; another reviewed one keeps its quote and loses only its offsets, so no curated work is lost.
"""

from django.db import migrations, models
from django.db.models import Count


def keep_one_statement_per_passage(apps, schema_editor):
    Statement = apps.get_model("timeline", "Statement")
    passages = (
        Statement.objects.filter(start__isnull=False)
        .values("source", "start", "end")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
    )
    for passage in passages:
        same = Statement.objects.filter(source=passage["source"], start=passage["start"], end=passage["end"])
        # Reviewed (accepted or dismissed) before pending, then the oldest.
        kept, *others = sorted(same, key=lambda statement: (statement.review == "pending", statement.pk))
        for statement in others:
            if statement.review == "pending":
                statement.delete()
            else:
                statement.start = statement.end = None
                statement.save(update_fields=["start", "end"])


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0010_pending_statements_deleted_with_source"),
    ]

    operations = [
        migrations.RunPython(keep_one_statement_per_passage, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name="statement",
            constraint=models.UniqueConstraint(
                condition=models.Q(start__isnull=False),
                fields=("source", "start", "end"),
                name="statement_unique_passage",
            ),
        ),
    ]
