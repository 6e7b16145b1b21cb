"""The curator's workflow: turning what the loader found into events, and keeping events tidy.

Plain functions, called by the admin (``timeline.admin``) and usable from a shell. Every change
goes through ``save()`` so django-simple-history records it with the request's user.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from simple_history.utils import bulk_update_with_history

from timeline import suggest
from timeline.anchoring import TextQuote, reanchor
from timeline.models import (
    Actor,
    Anchoring,
    Citation,
    DateMention,
    Event,
    Review,
    Source,
    Statement,
    SuggestedCitation,
    Thread,
)
from timeline.suggest import Candidate
from timeline.words import longest_topic_words

TITLE_LENGTH = 120
NEAR = timedelta(days=365)  # how far the review page reads on each side of a mention's dates
MAX_NEAR = 1000  # events read on each side
LONGEST_EVENT = timedelta(days=3653)


class CurationError(ValueError):
    """A workflow step that cannot be done as asked (the message says why)."""


def candidate_events(mention: DateMention, search_words: list[str]) -> list[Candidate]:
    """The live events worth ranking for ``mention`` (``timeline.suggest``'s candidates, read from the
    database): those dated nearest it (up to ``MAX_NEAR`` on each side within ``NEAR``), and up to
    ``suggest.MAX_PER_WORD`` whose text has each of ``search_words``. Bounded, so a review page costs
    the same at a hundred events or a hundred thousand."""
    live = Event.objects.filter(merged_into__isnull=True, status__in=Event.Status.values)
    columns = suggest.EVENT_COLUMNS
    found = {}
    if mention.resolved:
        # Nearest first on each side of the mention, each side bounded on date_start (events up to
        # a decade long) so the (status, date_start) index finds them without a scan.
        first, last = mention.date_start - NEAR, mention.date_end + NEAR
        starting_before = live.filter(
            date_start__lte=mention.date_end, date_start__gte=first - LONGEST_EVENT, date_end__gte=first
        ).order_by("-date_start", "pk")
        starting_after = live.filter(date_start__gt=mention.date_end, date_start__lte=last).order_by(
            "date_start", "pk"
        )
        for near in (starting_before, starting_after):
            found.update((row[0], row) for row in near.values_list(*columns)[:MAX_NEAR])
    for word in search_words:
        found.update((row[0], row) for row in live.search(word).values_list(*columns)[: suggest.MAX_PER_WORD])
    return [Candidate.of(*row) for row in found.values()]


def rank_suggestions(mention: DateMention, limit: int = 5) -> list[tuple[Event, float]]:
    """Existing events ``mention`` may support, best first, as ``(event, score)``: the ranking of
    ``timeline.suggest`` (the loader's), over the events ``candidate_events`` reads, with word rarities
    counted among them. Merged-away events are never suggested."""
    words = suggest.sentence_words(mention.sentence, mention.source.language)
    searched = longest_topic_words(mention.sentence, suggest.SEARCHED_WORDS) if words is not None else []
    candidates = candidate_events(mention, searched)
    span = (mention.date_start, mention.date_end) if mention.resolved else None
    ranked = suggest.rank(span, words, candidates, suggest.Rarity(candidates), limit)
    events = Event.objects.in_bulk([pk for pk, _ in ranked])
    return [(events[pk], score) for pk, score in ranked]


def refresh_suggestions(mention: DateMention, limit: int = 5) -> list[SuggestedCitation]:
    """Replace the mention's stored suggestions with a fresh ranking."""
    with transaction.atomic():
        mention.suggestions.all().delete()
        return [
            SuggestedCitation.objects.create(mention=mention, event=event, score=score)
            for event, score in rank_suggestions(mention, limit=limit)
        ]


def best_suggestion(mention: DateMention) -> Event | None:
    """The highest-scored stored suggestion that is still live, else the best fresh ranking."""
    stored = (
        mention.suggestions.filter(event__merged_into__isnull=True)
        .select_related("event")
        .order_by("-score", "event__date_start", "event__pk")
        .first()
    )
    if stored is not None:
        return stored.event
    ranked = rank_suggestions(mention, limit=1)
    return ranked[0][0] if ranked else None


def actors_named_in(text: str) -> list[Actor]:
    """Actors whose name or one of whose aliases appears in ``text`` as whole words."""
    found = []
    for actor in Actor.objects.order_by("name"):
        for name in actor.names:
            if len(name) >= 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
                found.append(actor)
                break
    return found


def thread_of_source(mention: DateMention) -> Thread | None:
    """The thread every event already citing the mention's source belongs to, when there is one."""
    thread_ids = set(
        Event.objects.filter(citations__source=mention.source, thread__isnull=False)
        .values_list("thread_id", flat=True)
        .distinct()
    )
    return Thread.objects.get(pk=thread_ids.pop()) if len(thread_ids) == 1 else None


def default_title(sentence: str) -> str:
    text = " ".join(sentence.split())
    if len(text) <= TITLE_LENGTH:
        return text.rstrip(".")
    return text[: TITLE_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def _live(event: Event) -> Event:
    """Follow ``merged_into`` to the event that is still in use."""
    seen = set()
    while event.merged_into_id and event.pk not in seen:
        seen.add(event.pk)
        event = event.merged_into
    return event


def _cite(mention: DateMention, event: Event) -> Citation:
    citation, _ = Citation.objects.get_or_create(
        event=event,
        source=mention.source,
        excerpt=mention.sentence,
        defaults={"start": mention.sentence_start, "end": mention.sentence_end, "mention": mention},
    )
    return citation


@transaction.atomic
def create_event_from_mention(mention: DateMention, title: str = "") -> Event:
    """A draft event dated as the mention, citing its sentence, with the actors it names."""
    if not mention.resolved:
        raise CurationError(f"“{mention.text}” has no resolved date; attach it to an event instead.")
    sentence = mention.sentence
    event = Event(
        title=(title or default_title(sentence) or mention.text)[:300],
        summary=" ".join(sentence.split()),
        status=Event.Status.DRAFT,
        thread=thread_of_source(mention),
    )
    event.date = mention.date
    event.save()
    actors = actors_named_in(sentence)
    if actors:
        event.actors.add(*actors)
    _cite(mention, event)
    mention.event = event
    mention.review = Review.ACCEPTED
    mention.save()
    return event


@transaction.atomic
def attach_mention(mention: DateMention, event: Event) -> Citation:
    """Cite the mention's sentence on ``event`` (or the event it was merged into)."""
    event = _live(event)
    citation = _cite(mention, event)
    mention.event = event
    mention.review = Review.ACCEPTED
    mention.save()
    return citation


def dismiss(item: DateMention | Statement) -> None:
    """Mark a mention or statement as checked and not worth using."""
    item.review = Review.DISMISSED
    item.save()


ACCEPTED_STATEMENT_FIELDS = {"speaker", "speaker_name", "stance", "date", "event", "quote"}


def accept_statement(statement: Statement, **changes) -> Statement:
    """Accept a statement, optionally correcting ``speaker``, ``stance``, ``date`` or ``event``."""
    unknown = set(changes) - ACCEPTED_STATEMENT_FIELDS
    if unknown:
        raise CurationError(f"Cannot set {', '.join(sorted(unknown))} when accepting a statement.")
    for name, value in changes.items():
        setattr(statement, name, _live(value) if name == "event" and value is not None else value)
    if not statement.stance:
        raise CurationError("A statement needs a stance before it can be accepted.")
    statement.review = Review.ACCEPTED
    statement.save()
    return statement


@dataclass
class MergeResult:
    kept: Event
    merged: Event
    moved: dict[str, int] = field(default_factory=dict)
    published: bool = False  # the kept draft was published because the merged event was

    def __str__(self) -> str:
        counts = ", ".join(f"{n} {what}" for what, n in self.moved.items() if n)
        text = f"Merged “{self.merged}” into “{self.kept}”" + (f" ({counts})." if counts else ".")
        if self.published:
            text += f" “{self.kept}” is now published, as “{self.merged}” was: links to that one lead here."
        return text


def event_to_keep(first: Event, second: Event) -> Event:
    """The event a merge keeps unless the curator chooses: the published one when only one is,
    else ``first``."""
    published = [event for event in (first, second) if event.status == Event.Status.PUBLISHED]
    return published[0] if len(published) == 1 else first


def merge_events(keep: Event, other: Event) -> MergeResult:
    """Move everything attached to ``other`` onto ``keep``, then retire ``other``.

    Citations, statements, date mentions, suggestions and actors move. A citation ``keep``
    already has (same source and excerpt) is not duplicated: the kept copy takes any offsets or
    mention it lacked and the duplicate row is deleted (its history stays). ``other`` gets
    ``merged_into = keep`` and goes back to draft, so its URL redirects to ``keep``; events
    already merged into ``other`` are pointed at ``keep`` too. When ``other`` was published and
    ``keep`` is a draft, ``keep`` is published: readers' links to ``other`` then still lead to a
    page (a published event merged away never disappears from the timeline unnoticed). All or
    nothing.
    """
    if keep.pk == other.pk:
        raise CurationError("An event cannot be merged into itself.")
    with transaction.atomic():
        keep = Event.objects.select_for_update().get(pk=keep.pk)
        other = Event.objects.select_for_update().get(pk=other.pk)
        if keep.merged_into_id or other.merged_into_id:
            raise CurationError("One of these events has already been merged; merge into its target.")
        moved = dict.fromkeys(
            ["citations", "duplicate citations", "statements", "mentions", "suggestions", "actors"], 0
        )
        for citation in other.citations.order_by("pk"):
            twin = keep.citations.filter(source_id=citation.source_id, excerpt=citation.excerpt).first()
            if twin is None:
                citation.event = keep
                citation.save()
                moved["citations"] += 1
                continue
            if twin.start is None and citation.start is not None:
                twin.start, twin.end = citation.start, citation.end
            twin.mention_id = twin.mention_id or citation.mention_id
            twin.save()
            citation.delete()
            moved["duplicate citations"] += 1
        for statement in other.statements.order_by("pk"):
            statement.event = keep
            statement.save()
            moved["statements"] += 1
        for mention in other.mentions.order_by("pk"):
            mention.event = keep
            mention.save()
            moved["mentions"] += 1
        for suggestion in other.suggestions.order_by("pk"):
            twin = keep.suggestions.filter(mention_id=suggestion.mention_id).first()
            if twin is None:
                suggestion.event = keep
                suggestion.save()
            else:
                twin.score = max(twin.score, suggestion.score)
                twin.save()
                suggestion.delete()
            moved["suggestions"] += 1
        new_actors = other.actors.exclude(pk__in=keep.actors.values("pk"))
        moved["actors"] = new_actors.count()
        if moved["actors"]:
            keep.actors.add(*new_actors)
        for earlier in other.merged_events.order_by("pk"):
            earlier.merged_into = keep
            earlier.save()
        if not keep.summary and other.summary:
            keep.summary = other.summary
        if keep.thread_id is None and other.thread_id is not None:
            keep.thread_id = other.thread_id
        published = other.status == Event.Status.PUBLISHED and keep.status != Event.Status.PUBLISHED
        if published:
            keep.status = Event.Status.PUBLISHED
        keep.save()
        other.merged_into = keep
        other.status = Event.Status.DRAFT
        other.save()
    return MergeResult(keep, other, moved, published)


# --- Re-anchoring after a source's text changes -----------------------------------------------

REANCHORED_REASON = "re-anchored after the source's text changed"


def reanchor_quotes(source: Source, old_text: str) -> Counter:
    """After ``source``'s text was replaced (an edited article loaded again, or the text of a curated
    source filled in), find each of its citations and reviewed statements in the new text, from its
    old words and context (``timeline.anchoring``). One found exactly or with confidence points at
    its new place (its words follow the text's, if edited); one that is not is flagged ``lost``, its
    offsets cleared, for a curator to check in the review queue. Returns the count per status.

    The rows are written together, in one transaction, each with its history record."""
    counts = Counter()
    citations = list(source.citations.all())
    statements = list(source.statements.exclude(review=Review.PENDING))
    # The words each citation of an event holds, as they are after the changes so far: a citation
    # cannot take the words of another citation of the same event and source.
    held = Counter((citation.event_id, citation.excerpt) for citation in citations)
    for item, words_field in [(c, "excerpt") for c in citations] + [(s, "quote") for s in statements]:
        quote = _stored_quote(item, getattr(item, words_field), old_text)
        anchor = reanchor(quote, source.text)
        if anchor is not None and words_field == "excerpt" and anchor.exact != item.excerpt:
            anchor = None if held[item.event_id, anchor.exact] else anchor
        if anchor is None:
            item.start = item.end = None
            item.anchor_status = Anchoring.LOST
        else:
            if words_field == "excerpt":
                held[item.event_id, item.excerpt] -= 1
                held[item.event_id, anchor.exact] += 1
            item.start, item.end = anchor.start, anchor.end
            setattr(item, words_field, anchor.exact)
            item.anchor_status = Anchoring.EXACT if anchor.is_exact else Anchoring.FUZZY
        item._change_reason = REANCHORED_REASON
        counts[item.anchor_status] += 1
    with transaction.atomic():
        for model, items, words_field in ((Citation, citations, "excerpt"), (Statement, statements, "quote")):
            _update_with_history(model, items, ["start", "end", words_field, "anchor_status"])
    return counts


def _update_with_history(model, items: list, fields: list[str]) -> None:
    """Write ``fields`` of ``items`` in one statement, with their history records. Should the
    database refuse it for a unique passage held, mid-statement, by a row that moves on later in the
    same statement (a check PostgreSQL makes row by row), the rows are saved one by one, in order."""
    if not items:
        return
    try:
        with transaction.atomic():
            bulk_update_with_history(items, model, fields)
    except IntegrityError:
        for item in items:
            item.save(update_fields=fields)


def _stored_quote(item: Citation | Statement, words: str, old_text: str) -> TextQuote:
    """The passage as it was: its words and context in the old text when its offsets held there,
    else only its words (a curated citation of a source whose text was not stored yet)."""
    if item.start is not None and item.end is not None and old_text[item.start : item.end] == words:
        return TextQuote.in_text(old_text, item.start, item.end)
    return TextQuote(words)
