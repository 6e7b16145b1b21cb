"""Suggested citations: the events a dated sentence may support, best first. The one ranker, for the
loader and the review page alike; nothing here knows about HTTP or the database.

The score of an event for a mention is the geometric mean of two fits, each between 0 and 1:

    score = sqrt(word_fit × (DATE_FLOOR + (1 - DATE_FLOOR) × date_fit))

so the words must fit (an event sharing no words with the sentence scores 0, however well its date
fits), and the dates weigh them: fully when the spans are the same, down to ``DATE_FLOOR`` of them
when the dates are far apart (a sentence dated by when something was said may still describe an
earlier event, but it needs much more wording in common). Events scoring under ``THRESHOLD`` are not
offered.

- ``word_fit``: the topic words (``timeline.words.topic_words``) the sentence shares with the event's
  title and summary, each weighted by its rarity among the events (inverse document frequency), over
  the geometric mean of both sides' weights. A sentence word no event has weighs nothing.
- ``date_fit``: for spans that overlap, the share of the shorter span they share, lowered when their
  lengths differ (a year mention fits a day event less than a day mention does); for spans that miss
  each other, what a day's overlap would give, halved at ``APART_DAYS`` between them and falling off
  further; ``UNDATED_FIT`` for a mention without a date (a relative date the loader could not anchor).
- A sentence in another language than the events' titles and summaries (a Korean article, English
  events) can share no words with them: its words are ``None`` (``sentence_words``) and fit
  ``FOREIGN_WORD_FIT``, so it is ranked by its dates alone, and only a date that fits well is offered.

The ranker is fed by a candidate source, which knows where events are kept and hands over the events
dated near the mention and those sharing its rarest words, with the word weights of the events it
knows: ``EventIndex`` holds all live events in memory for a loader run; the review page reads a bounded
set from the database (``timeline.curation.candidate_events``). Ties rank by the event's start, end and
id, so the order is the same on every run and from either source.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.ingest.language import DEFAULT_LANGUAGE
from timeline.words import topic_words

if TYPE_CHECKING:
    from timeline.ingest.mentions import DateMention as FoundMention

THRESHOLD = 0.2
DATE_FLOOR = 0.1
APART_DAYS = 30
UNDATED_FIT = 0.5
# The word fit of a sentence whose words cannot be compared with the events' (another language): low
# enough that only a close date is offered (sqrt(0.25 × 0.16) = THRESHOLD, a date fit of about 0.07).
FOREIGN_WORD_FIT = 0.25
# The in-memory index's candidates by date: the events that overlap a mention or miss it by at most
# this (further away, the date fits at most half, and an event must come in by its rarer words).
NEAR = timedelta(days=APART_DAYS)
SEARCHED_WORDS = 3  # the rarest words of a sentence, whose events are candidates wherever they are dated
MAX_PER_WORD = 200  # events taken for each of them

Span = tuple[date, date]
Words = set[str] | None  # a sentence's topic words; None when they cannot be compared (another language)
# What a candidate source reads of each event, in ``Candidate.of``'s order (the Event fields).
EVENT_COLUMNS = ("pk", "date_start", "date_end", "title", "summary")


@dataclass(frozen=True)
class Candidate:
    """An event as the ranker sees it: id, the days it covers, its title's and summary's topic words."""

    pk: int
    start: date
    end: date
    words: frozenset[str]

    @classmethod
    def of(cls, pk: int, start: date, end: date, title: str, summary: str) -> Candidate:
        """The candidate for an event's ``EVENT_COLUMNS``."""
        return cls(pk, start, end, frozenset(topic_words(f"{title} {summary}")))


class Rarity:
    """Word weights: each word's inverse document frequency among a set of events' words. An event's
    total weight is kept once worked out, so ranking many mentions against the same events adds each
    event's words up once."""

    def __init__(self, events: Iterable[Candidate]):
        events = list(events)
        frequency = Counter(word for event in events for word in event.words)
        self.idf = {word: math.log((len(events) + 1) / (count + 0.5)) for word, count in frequency.items()}
        self._of_event: dict[int, float] = {}

    def of(self, words: Iterable[str]) -> float:
        """The total weight of ``words`` (a word none of the events has weighs nothing)."""
        return sum(self.idf.get(word, 0.0) for word in words)

    def of_event(self, event: Candidate) -> float:
        if event.pk not in self._of_event:
            self._of_event[event.pk] = self.of(event.words)
        return self._of_event[event.pk]


def date_fit(span: Span | None, start: date, end: date) -> float:
    """How well a mention's span fits an event's ``start``..``end`` (see the module docstring)."""
    if span is None:
        return UNDATED_FIT
    first, last = max(span[0], start), min(span[1], end)
    mention_days, event_days = (span[1] - span[0]).days + 1, (end - start).days + 1
    shorter, longer = sorted((mention_days, event_days))
    if first > last:
        # A miss fits as a day's overlap would, less with every day between them: never better than
        # any overlap of the same two spans.
        return (
            math.sqrt(math.sqrt(shorter / longer) / shorter) * APART_DAYS / (APART_DAYS + (first - last).days)
        )
    overlap = (last - first).days + 1
    return math.sqrt((overlap / shorter) * math.sqrt(shorter / longer))


def sentence_words(sentence: str, language: str, events_language: str = DEFAULT_LANGUAGE) -> Words:
    """The topic words of a mention's ``sentence`` written in ``language``, or None when that is not
    the language the events are written in, whose words it cannot share."""
    return topic_words(sentence) if language == events_language else None


def word_fit(words: set[str], event: Candidate, rarity: Rarity) -> float:
    """Shared words weighted by rarity, over the geometric mean of both sides' weights."""
    return _word_fit(words, rarity.of(words), event, rarity)


def _word_fit(words: set[str], words_weight: float, event: Candidate, rarity: Rarity) -> float:
    shared = words & event.words
    if not shared:
        return 0.0
    both = words_weight * rarity.of_event(event)
    return rarity.of(shared) / math.sqrt(both) if both else 0.0


def score(span: Span | None, words: Words, event: Candidate, rarity: Rarity) -> float:
    """The score of ``event`` for a mention covering ``span`` whose sentence has the topic ``words``."""
    return _score(span, words, rarity.of(words or ()), event, rarity)


def _score(span: Span | None, words: Words, words_weight: float, event: Candidate, rarity: Rarity) -> float:
    fit = FOREIGN_WORD_FIT if words is None else _word_fit(words, words_weight, event, rarity)
    if not fit:
        return 0.0
    return math.sqrt(fit * (DATE_FLOOR + (1 - DATE_FLOOR) * date_fit(span, event.start, event.end)))


def rank(
    span: Span | None, words: Words, candidates: Iterable[Candidate], rarity: Rarity, limit: int
) -> list[tuple[int, float]]:
    """``(event pk, score)`` of the best ``limit`` candidates for a mention covering ``span`` (None when
    it has no date) whose sentence has the topic ``words``, best first, each scoring at least
    ``THRESHOLD``. ``words`` None: a sentence in another language, ranked by its dates."""
    if words is None and span is None:
        return []  # neither words nor a date to go by
    words_weight = rarity.of(words or ())
    scored = []
    for event in candidates:
        if words is not None and words.isdisjoint(event.words):  # most, on another topic
            continue
        value = round(_score(span, words, words_weight, event, rarity), 4)
        if value >= THRESHOLD:
            scored.append((-value, event.start, event.end, event.pk))
    scored.sort()
    return [(pk, -value) for value, _, _, pk in scored[:limit]]


class EventIndex:
    """All live events in memory, by start date and by word, for ranking many mentions in a row (a
    loader run). A mention's candidates are the events that overlap it or are dated within ``NEAR`` of
    it, and those that share its rarest words; the word weights are the rarities among all events."""

    def __init__(self, events: Iterable[tuple[int, date, date, str, str]]):
        self.events = sorted((Candidate.of(*event) for event in events), key=lambda event: event.start)
        self.rarity = Rarity(self.events)
        self._starts = [event.start for event in self.events]
        self._longest = max((event.end - event.start for event in self.events), default=timedelta(0))
        self._by_word: dict[str, list[Candidate]] = defaultdict(list)
        for event in self.events:
            for word in event.words:
                self._by_word[word].append(event)

    def __len__(self) -> int:
        return len(self.events)

    def suggest(self, span: Span | None, words: Words, limit: int) -> list[tuple[int, float]]:
        """The ranking of the mention's candidates (see ``rank``)."""
        return rank(span, words, self.candidates(span, words), self.rarity, limit)

    def candidates(self, span: Span | None, words: Words) -> Iterator[Candidate]:
        """Each candidate once: those dated near ``span`` in start order, then those of the rarest
        words."""
        seen: set[int] = set()
        if span is not None:
            for event in self._starting_between(span, self._longest + NEAR):
                if (event.end - span[0]).days >= -NEAR.days:
                    seen.add(event.pk)
                    yield event
        idf = self.rarity.idf
        rarest = sorted((words or set()) & idf.keys(), key=lambda word: (-idf[word], word))
        for word in rarest[:SEARCHED_WORDS]:
            for event in self._by_word[word][:MAX_PER_WORD]:
                if event.pk not in seen:
                    seen.add(event.pk)
                    yield event

    def _starting_between(self, span: Span, before: timedelta) -> list[Candidate]:
        """The events starting from ``before`` ahead of ``span`` to ``NEAR`` after it (the calendar's
        ends cut the window)."""
        try:
            low = bisect.bisect_left(self._starts, span[0] - before)
        except OverflowError:
            low = 0
        try:
            high = bisect.bisect_right(self._starts, span[1] + NEAR)
        except OverflowError:
            high = len(self._starts)
        return self.events[low:high]


SUGGESTIONS_PER_MENTION = 3


def suggest_citations(
    events: EventIndex, text: str, mentions: list[FoundMention], language: str = DEFAULT_LANGUAGE
) -> dict[int, list]:
    """``(event pk, score)`` suggestions for the mentions of ``text`` (written in ``language``), by the
    mention's index."""
    # Mentions share sentences: each sentence is read once (a 200 KB "sentence" of dates is possible).
    words_of: dict[tuple[int, int], Words] = {}
    suggestions = {}
    for index, mention in enumerate(mentions):
        if not events:
            break
        sentence = (mention.sentence_start, mention.sentence_end)
        if sentence not in words_of:
            words_of[sentence] = sentence_words(mention.sentence(text), language)
        span = (mention.date.start, mention.date.end) if mention.date else None
        found = events.suggest(span, words_of[sentence], SUGGESTIONS_PER_MENTION)
        if found:
            suggestions[index] = found
    return suggestions
