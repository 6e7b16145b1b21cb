"""The loader's writes: an article's Source with its date mentions, statements and suggested
citations, in one transaction (``store_article``), and the outlets and copies it names. Everything
is found, dated, ranked and checked before: on SQLite the transaction holds the database's write
lock, so it only writes."""

from __future__ import annotations

import functools
import itertools
import re
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.db.models import Q
from django.db.models.base import ModelState
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model

from timeline.curation import reanchor_quotes
from timeline.ingest.mentions import DateMention as FoundMention
from timeline.ingest.statements import FoundStatement
from timeline.models import DateMention, Outlet, Review, Source, Statement, SuggestedCitation, unique_slug

if TYPE_CHECKING:
    from timeline.ingest.pipeline import Extracted


@transaction.atomic
def store_article(
    source: Source, old_text: str, outlet_name: str, extracted: Extracted, *, updates: bool, copied_by
) -> int:
    """Write the checked ``source`` and what was found in it, and say how many statements repeated
    reviewed ones. ``old_text`` is the text it replaces (``updates``: the source was stored before),
    which its citations and statements are re-anchored from; ``copied_by`` is the pk of a stored
    source that turned out to copy it, which becomes its copy with the copies of it."""
    if source.outlet_id is None and outlet_name:
        source.outlet = outlet_named(outlet_name)
    source.save()
    if updates:
        clear_pending(source)
        reanchor_quotes(source, old_text)
    mentions = store_mentions(source, extracted.mentions, curated=updates)
    repeats = store_statements(source, extracted.statements, extracted.statement_dates, curated=updates)
    store_suggestions(mentions, extracted.suggestions)
    if copied_by is not None:
        make_copies_of(source, copied_by)
    return repeats


def make_copies_of(original: Source, pk: int) -> None:
    """Record source ``pk``, and the copies recorded of it, as copies of ``original``; the rest of
    them stays as it is."""
    copies = Source.objects.filter(Q(pk=pk) | Q(duplicate_of=pk)).exclude(pk=original.pk).defer("text")
    for source in copies:
        # One save each, so the change is in every source's history.
        source.duplicate_of = original
        source.save(update_fields=["duplicate_of"])


_OUTLET_ATTEMPTS = 3


def outlet_named(name: str) -> Outlet:
    """The outlet called ``name`` (case and spacing aside), created when new. Another loader may
    create it (or take its slug) between the look-up and the insert: the insert then fails on a unique
    constraint, in a savepoint so the article's transaction goes on, and the look-up is repeated."""
    name = " ".join(name.split())
    for attempt in itertools.count(1):
        outlet = Outlet.objects.filter(name__iexact=name).first()
        if outlet is not None:
            return outlet
        outlet = Outlet(name=name, slug=unique_slug(Outlet, name, max_length=190) or "outlet")
        # Lengths and formats here; uniqueness is the constraints' job, which also see other loaders.
        outlet.full_clean(validate_unique=False, validate_constraints=False)
        try:
            with transaction.atomic():
                outlet.save()
            return outlet
        except IntegrityError:
            if attempt == _OUTLET_ATTEMPTS:
                raise


def clear_pending(source: Source) -> None:
    """Before new text's findings are stored: drop the loader's unreviewed ones, keep curated work."""
    source.mentions.filter(review=Review.PENDING).delete()
    source.statements.filter(review=Review.PENDING).delete()


def store_mentions(source: Source, found: list[FoundMention], curated: bool) -> dict[int, DateMention]:
    """DateMention rows, keyed by the index of the found mention; spans a curator kept are skipped
    (only a source stored before, ``curated``, can have them)."""
    taken = set(source.mentions.values_list("start", "end")) if curated else set()
    rows: dict[int, DateMention] = {}
    for index, mention in enumerate(found):
        if (mention.start, mention.end) in taken:
            continue
        row = DateMention(
            source=source,
            start=mention.start,
            end=mention.end,
            text=mention.text,
            sentence_start=mention.sentence_start,
            sentence_end=mention.sentence_end,
        )
        row.date = mention.date
        row.date_precision, row.date_modifier = mention.precision.value, mention.modifier.value
        rows[index] = row
    insert_rows(DateMention, list(rows.values()))
    return rows


def store_statements(
    source: Source, found: list[FoundStatement], dates: list[FoundMention | None], curated: bool = True
) -> int:
    """Pending Statement rows for the statements found, each dated by its mention in ``dates``. A
    quote a curator already reviewed for this source (accepted or dismissed) is not queued again, nor
    one whose passage (its offsets, the statements' natural key) a reviewed statement holds; returns
    how many were left out so. Only a source stored before (``curated``) can have reviewed ones."""
    reviewed = source.statements.exclude(review=Review.PENDING) if curated else Statement.objects.none()
    reviewed = reviewed.values_list("quote", "start", "end")
    reviewed_quotes = [_quote_key(quote) for quote, _, _ in reviewed]
    taken_spans = {(start, end) for _, start, end in reviewed}
    rows = []
    for statement, when in zip(found, dates, strict=True):
        if (statement.start, statement.end) in taken_spans:
            continue
        quote = _quote_key(statement.quote)
        if any(repeats_quote(quote, curated) for curated in reviewed_quotes):
            continue
        row = Statement(
            source=source,
            speaker_id=statement.speaker.key if statement.speaker else None,
            speaker_name="" if statement.speaker else statement.speaker_name[:200],
            quote=statement.quote,
            stance=statement.stance,
            start=statement.start,
            end=statement.end,
            review=Review.PENDING,
        )
        row.date = when.date if when else None
        rows.append(row)
    # Statements are curated, so each starts its history as the loader found it: a curator's edit
    # can then be compared with, or reverted to, the loader's reading. (Mentions keep no history.)
    # All of one article's rows were found at one moment, and are written with one history date.
    history = {"default_change_reason": "found by the loader", "default_date": timezone.now()}
    if connection.features.can_return_rows_from_bulk_insert:
        # What ``bulk_create_with_history`` does when the rows come back with their keys, without
        # building the history manager anew for every article.
        insert_rows(Statement, rows)
        insert_rows(_statement_history().model, _history_rows(rows, **history))
    else:
        bulk_create_with_history(rows, Statement, **history)
    return len(found) - len(rows)


@functools.cache
def _statement_history():
    """Statement's history manager (simple-history makes a new one, and its class, on each access)."""
    return get_history_manager_for_model(Statement)


def insert_rows(model, rows: list) -> None:
    """``model.objects.bulk_create(rows)`` for new rows: on a database that returns the keys of the rows
    inserted, and for plain fields, the same statements, each value prepared by its field as Django
    does, without the query compiler's work per value (most of the write for tens of thousands of
    rows, and of the fixed cost of a short article)."""
    meta = model._meta
    fields = [field for field in meta.concrete_fields if field is not meta.pk]
    if not rows:
        return
    plain = not any(hasattr(field, "get_placeholder") or field.generated for field in fields)
    if not (plain and connection.features.can_return_rows_from_bulk_insert):
        model.objects.bulk_create(rows)
        return
    # The connection itself, not ``django.db.connection``: that proxy looks it up on every access, and
    # each value's preparation reads it.
    database = connections[DEFAULT_DB_ALIAS]
    ops = database.ops
    columns = ", ".join(ops.quote_name(field.column) for field in fields)
    returning, _ = ops.return_insert_columns([meta.pk])
    row_marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = max(1, ops.bulk_batch_size(fields, rows))
    with database.cursor() as cursor:
        for first in range(0, len(rows), size):
            batch = rows[first : first + size]
            params = [
                field.get_db_prep_save(field.pre_save(row, True), database)
                for row in batch
                for field in fields
            ]
            cursor.execute(
                f"INSERT INTO {ops.quote_name(meta.db_table)} ({columns}) "
                f"VALUES {', '.join([row_marks] * len(batch))} {returning}",
                params,
            )
            keys = ops.fetch_returned_insert_rows(cursor)
            for row, (key,) in zip(batch, keys, strict=True):
                setattr(row, meta.pk.attname, meta.pk.to_python(key))
                row._state.adding = False
                row._state.db = database.alias


def _history_rows(rows: list[Statement], default_change_reason: str, default_date) -> list:
    """The history rows ``bulk_history_create`` builds for new ``rows`` ("+", the default user, the
    given reason and date), each copied from one built first instead of through the model's
    constructor, which is most of the cost for tens of thousands of rows."""
    if not rows or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return []
    model = _statement_history().model
    # The user is the one of the request in progress, if any: the same for every row of an article.
    first = model(
        history_date=default_date,
        history_user=model.get_default_history_user(rows[0]),
        history_change_reason=default_change_reason,
        history_type="+",
    )
    shared = {name: value for name, value in first.__dict__.items() if name != "_state"}
    tracked = [field.attname for field in model.tracked_fields]
    relation = hasattr(model, "history_relation")
    built = []
    for row in rows:
        item = model.__new__(model)
        item.__dict__.update(shared)
        item._state = ModelState()
        for name in tracked:
            item.__dict__[name] = getattr(row, name)
        if relation:
            item.history_relation_id = row.pk
        built.append(item)
    return built


def _quote_key(quote: str) -> str:
    """A quote as compared with the ones reviewed: case, spacing and the kind of quote marks aside."""
    return " ".join(quote.casefold().translate(_QUOTE_MARKS).split())


_QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_ELLIPSIS = re.compile(r"…|\.\.\.|\[\.\.\.\]")


def repeats_quote(found: str, curated: str) -> bool:
    """Whether a quote found in a text repeats one a curator wrote down from it (both as
    ``_quote_key`` gives them): the curated quote holds it ("A. … B" holds "B"), or abridges it (each
    part of "A. … B" appears, in order, in "A. C. B")."""
    if found in curated:
        return True
    position = 0
    parts = [part.strip() for part in _ELLIPSIS.split(curated)]
    for part in filter(None, parts):
        position = found.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return len(parts) > 1


def store_suggestions(
    mentions: dict[int, DateMention], suggestions: dict[int, list[tuple[int, float]]]
) -> None:
    """SuggestedCitation rows for the suggestions of the mentions stored (keyed by found mention)."""
    rows = [
        SuggestedCitation(mention=mentions[index], event_id=event_pk, score=score)
        for index, found in suggestions.items()
        if index in mentions
        for event_pk, score in found
    ]
    insert_rows(SuggestedCitation, rows)
