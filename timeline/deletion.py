"""What deleting some rows takes with it, counted in SQL, for confirmation pages.

The rules are Django's (``on_delete`` of every foreign key pointing at the rows, followed as
``django.db.models.deletion.Collector`` follows them), but rows are counted, never read: a source
with a hundred thousand date mentions costs a few ``COUNT`` queries, not a hundred thousand
objects. An ``on_delete`` function with a ``cascaded`` attribute (a ``Q``) takes the rows matching
it along and is protected by the others (``timeline.models.CASCADE_PENDING``). ``RESTRICT`` is
counted as protecting, which is stricter than Django when another path deletes the same rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.db.models.deletion import get_candidate_relations_to_delete

NAMED = 100  # protecting rows read, to name them; the rest are only counted


@dataclass
class DeletionCount:
    """Rows deleted per model (the starting rows included) and the rows that prevent it."""

    deleted: Counter = field(default_factory=Counter)
    protecting: list = field(default_factory=list)  # the first ``NAMED``
    protecting_count: int = 0


def count_deletion(rows: models.QuerySet) -> DeletionCount:
    """What ``rows.delete()`` would delete, or what stops it."""
    found = DeletionCount()
    _walk(rows, found)
    return found


def _walk(rows: models.QuerySet, found: DeletionCount) -> None:
    n = rows.count()
    if not n:
        return
    found.deleted[rows.model] += n
    for relation in get_candidate_relations_to_delete(rows.model._meta):
        fk = relation.field
        rule = fk.remote_field.on_delete
        pointing = relation.related_model._base_manager.filter(
            **{f"{fk.attname}__in": rows.values(fk.target_field.attname)}
        )
        if rule is models.CASCADE:
            _walk(pointing, found)
        elif rule in (models.PROTECT, models.RESTRICT):
            _protect(pointing, found)
        elif hasattr(rule, "cascaded"):
            _walk(pointing.filter(rule.cascaded), found)
            _protect(pointing.exclude(rule.cascaded), found)
        # SET_NULL, SET_DEFAULT, SET() and DO_NOTHING leave the pointing rows in place.


def _protect(rows: models.QuerySet, found: DeletionCount) -> None:
    n = rows.count()
    found.protecting_count += n
    if n and len(found.protecting) < NAMED:
        found.protecting += list(rows.order_by("pk")[: NAMED - len(found.protecting)])
